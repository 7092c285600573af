package io.dsap.engine.transform;

import io.dsap.engine.error.DsapException;
import io.dsap.engine.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small helpers for the text forms of spec values (shared by YAML and named arguments). */
final class SpecText {
  private SpecText() {}

  /** Splits on {@code sep} outside single or double quotes and parentheses. */
  static List<String> split(String text, char sep) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    char quote = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == sep && depth == 0) {
        parts.add(text.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(text.substring(start));
    return parts;
  }

  static int indexOutsideQuotes(String text, char c) {
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (quote != 0) {
        if (ch == quote) {
          quote = 0;
        }
      } else if (ch == '"' || ch == '\'') {
        quote = ch;
      } else if (ch == c) {
        return i;
      }
    }
    return -1;
  }

  static String unquote(String s) {
    String t = s.trim();
    if (t.length() >= 2 && t.charAt(0) == '"' && t.charAt(t.length() - 1) == '"') {
      return t.substring(1, t.length() - 1).replace("\"\"", "\"");
    }
    return t;
  }

  /** A YAML scalar (string, number, boolean) as text; a list or map is an error naming the key. */
  static String scalar(String key, Object value) {
    if (value instanceof Map<?, ?> || value instanceof List<?>) {
      throw bad(key, String.valueOf(value), "expected a single value here, not a list or map");
    }
    return String.valueOf(value);
  }

  static DsapException bad(String key, Object value, String why) {
    return new DsapException(ErrorCode.INVALID_OPTION, "cleaning option " + key + " = '" + value + "': " + why
        + ". docs/cleaning.md lists every option.");
  }
}
