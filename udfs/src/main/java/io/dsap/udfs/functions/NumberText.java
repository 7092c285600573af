package io.dsap.udfs.functions;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code parse_number(s)}: numbers as people write them, {@code 1,234.50}, {@code $12},
 * {@code 12%}, {@code 1.234,50 €}, {@code (7.00)}. The rules, in order:
 * <ol>
 *   <li>Surrounding space is dropped; a currency symbol ({@code $ € £ ¥ ₹}) or a three-letter code
 *       ({@code USD}, {@code EUR} ...) before or after the number is dropped.</li>
 *   <li>A sign goes before the number or the currency ({@code -$12}, {@code $-12}); parentheses
 *       around it mean negative, as in accounts.</li>
 *   <li>A trailing {@code %} divides by 100: {@code 12%} is 0.12.</li>
 *   <li>Space, no-break space and {@code '} always group digits. With both {@code .} and {@code ,}
 *       the last one is the decimal mark. With one of them only: repeated, it groups
 *       ({@code 1.234.567}); once, {@code .} is the decimal point and {@code ,} is a decimal comma
 *       unless exactly three digits follow and a non-zero digit precedes ({@code 1,234} is 1234,
 *       {@code 0,500} is 0.5, {@code 12,5} is 12.5).</li>
 *   <li>Groups must be three digits after the first (one to three); an exponent ({@code 1.5e3}) is
 *       allowed without grouping. Anything else is not a number: NULL, never an error.</li>
 * </ol>
 */
public final class NumberText {
  private static final Pattern CURRENCY_FRONT = Pattern.compile("^([$€£¥₹]|[A-Z]{3}(?=[\\s\\d.,+\\-(]))\\s*");
  private static final Pattern CURRENCY_BACK = Pattern.compile("\\s*([$€£¥₹]|(?<=[\\s\\d.,)%])[A-Z]{3})$");
  private static final Pattern PLAIN = Pattern.compile("(\\d*)(?:\\.(\\d+))?(?:[eE]([+-]?\\d+))?");

  private NumberText() {}

  public static Double parseNumber(String s) {
    BigDecimal v = parse(s);
    return v == null ? null : v.doubleValue();
  }

  /** The value of {@code s} by the rules above, exactly, or null. */
  static BigDecimal parse(String s) {
    if (s == null) {
      return null;
    }
    String t = strip(s);
    boolean negative = false;
    if (t.startsWith("(") && t.endsWith(")")) {
      negative = true;
      t = strip(t.substring(1, t.length() - 1));
    }
    boolean percent = false;
    if (t.endsWith("%")) {
      percent = true;
      t = strip(t.substring(0, t.length() - 1));
    }
    // sign and currency in either order: -$12, $-12, 12 EUR
    String sign = "";
    if (t.startsWith("-") || t.startsWith("+")) {
      sign = t.substring(0, 1);
      t = strip(t.substring(1));
    }
    Matcher m = CURRENCY_FRONT.matcher(t);
    if (m.find()) {
      t = t.substring(m.end());
    } else if ((m = CURRENCY_BACK.matcher(t)).find()) {
      t = t.substring(0, m.start());
    }
    if (t.endsWith("%") && !percent) {
      percent = true;
      t = strip(t.substring(0, t.length() - 1));
    }
    if (sign.isEmpty() && (t.startsWith("-") || t.startsWith("+"))) {
      sign = t.substring(0, 1);
      t = t.substring(1);
    }
    if (sign.equals("-")) {
      negative = !negative;
    }
    String plain = ungroup(t);
    if (plain == null) {
      return null;
    }
    Matcher p = PLAIN.matcher(plain);
    if (plain.isEmpty() || !p.matches() || p.group(1).isEmpty() && p.group(2) == null) {
      return null;
    }
    BigDecimal v;
    try {
      v = new BigDecimal(plain.startsWith(".") ? "0" + plain : plain);
    } catch (NumberFormatException e) {
      return null;
    }
    if (percent) {
      v = v.movePointLeft(2);
    }
    return negative ? v.negate() : v;
  }

  /** {@code t} with grouping removed and the decimal mark as {@code .}, or null when grouping is malformed. */
  private static String ungroup(String t) {
    String u = t.replaceAll("[\\s\\u00A0\\u202F']", " ");
    int dots = count(u, '.');
    int commas = count(u, ',');
    char decimal;
    if (dots > 0 && commas > 0) {
      decimal = u.lastIndexOf('.') > u.lastIndexOf(',') ? '.' : ',';
      if (count(u, decimal) > 1) {
        return null;
      }
    } else if (commas == 1) {
      int comma = u.indexOf(',');
      boolean groups = u.length() - comma - 1 == 3 && u.indexOf(' ') < 0 && !u.matches(".*[eE].*")
          && !u.substring(0, comma).matches("0*"); // 1,234 groups; 0,500 is a half
      decimal = groups ? '.' : ',';
    } else if (dots > 1 || commas > 1) {
      decimal = dots > 1 ? ',' : '.'; // repeated mark: it is the grouping one, none is decimal
    } else {
      decimal = '.';
    }
    char group = decimal == '.' ? ',' : '.';
    int cut = u.indexOf(decimal);
    String whole = cut < 0 ? u : u.substring(0, cut);
    String fraction = cut < 0 ? "" : u.substring(cut + 1);
    if (fraction.indexOf(group) >= 0 || fraction.indexOf(' ') >= 0) {
      return null;
    }
    String digits = whole.replace(' ', group);
    if (digits.indexOf(group) >= 0 && !digits.matches("\\d{1,3}(\\" + group + "\\d{3})+")) {
      return null;
    }
    return digits.replace(String.valueOf(group), "") + (cut < 0 ? "" : "." + fraction);
  }

  private static int count(String s, char c) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == c) {
        n++;
      }
    }
    return n;
  }

  private static String strip(String s) {
    return s.strip().replaceAll("^[\\u00A0\\u202F]+|[\\u00A0\\u202F]+$", "");
  }
}
