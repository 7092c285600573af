package io.dsap.udfs;

/**
 * Rewrites SQL text before it is parsed, outside literals and comments: {@code name => value}
 * becomes {@code "name" => value} (reserved words such as {@code escape} are fine as argument
 * names), and {@code out."x.csv"} becomes {@code "out"."x.csv"} ({@code OUT} is a reserved word,
 * but {@code out} is the schema that exports are written to).
 */
final class NamedArguments {
  private NamedArguments() {}

  static String quoteNames(String sql) {
    StringBuilder out = new StringBuilder(sql.length() + 16);
    int n = sql.length();
    int i = 0;
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"' || c == '`') {
        int end = closing(sql, i, c);
        out.append(sql, i, end);
        i = end;
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int end = sql.indexOf('\n', i);
        end = end < 0 ? n : end;
        out.append(sql, i, end);
        i = end;
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        end = end < 0 ? n : end + 2;
        out.append(sql, i, end);
        i = end;
      } else if (Character.isLetter(c) || c == '_') {
        int end = i + 1;
        while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_'
            || sql.charAt(end) == '$')) {
          end++;
        }
        int k = end;
        while (k < n && Character.isWhitespace(sql.charAt(k))) {
          k++;
        }
        boolean named = k + 1 < n && sql.charAt(k) == '=' && sql.charAt(k + 1) == '>';
        boolean qualified = i > 0 && sql.charAt(i - 1) == '.';
        boolean outSchema = k < n && sql.charAt(k) == '.' && sql.substring(i, end).equalsIgnoreCase("out");
        if ((named || outSchema) && !qualified) {
          out.append('"').append(sql, i, end).append('"');
        } else {
          out.append(sql, i, end);
        }
        i = end;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** Index after the literal or quoted identifier opened at {@code start} (doubled quotes escape). */
  private static int closing(String sql, int start, char q) {
    int i = start + 1;
    while (i < sql.length()) {
      if (sql.charAt(i) == q) {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == q) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return sql.length();
  }
}
