package io.dsap.engine.transform;

import io.dsap.engine.types.ByteParsers;
import io.dsap.engine.types.TemporalFormat;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Repairs of single text values: whitespace and Unicode, letter case, numbers and dates written as text. */
public final class ValueRepair {
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern PLAIN = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern THOUSANDS_COMMA = Pattern.compile("\\d{1,3}(,\\d{3})+");
  private static final Pattern SPACE_GROUPS = Pattern.compile("\\d{1,3}(s\\d{3})+([.,]\\d+)?");
  private static final Pattern THOUSANDS_DOT = Pattern.compile("\\d{1,3}(\\.\\d{3}){2,}");

  private ValueRepair() {}

  /**
   * Unicode NFC, leading and trailing whitespace (any Unicode space, incl. no-break) removed, and
   * for {@code normalize} inner runs of whitespace made one space. Empty text becomes null.
   */
  public static String text(String s, String mode) {
    if (s == null || mode.equals("none")) {
      return s;
    }
    String t = Normalizer.normalize(s, Normalizer.Form.NFC).replace('\u00A0', ' ').strip();
    if (mode.equals("normalize")) {
      t = SPACES.matcher(t).replaceAll(" ");
    }
    return t.isEmpty() ? null : t;
  }

  /** {@code lower}, {@code upper} or {@code title} (first letter of each word upper, the rest lower). */
  public static String letterCase(String s, String mode) {
    if (s == null) {
      return null;
    }
    switch (mode) {
      case "lower": return s.toLowerCase(Locale.ROOT);
      case "upper": return s.toUpperCase(Locale.ROOT);
      case "title": {
        StringBuilder sb = new StringBuilder(s.length());
        boolean start = true;
        for (int i = 0; i < s.length(); ) {
          int cp = s.codePointAt(i);
          sb.appendCodePoint(start ? Character.toTitleCase(cp) : Character.toLowerCase(cp));
          start = !Character.isLetterOrDigit(cp) && cp != '\'';
          i += Character.charCount(cp);
        }
        return sb.toString();
      }
      default: return s;
    }
  }

  /** True when {@code s} is a plain number literal that needs no repair ({@code 12}, {@code -1.5e3}). */
  public static boolean isPlainNumber(String s) {
    return PLAIN.matcher(s.trim()).matches();
  }

  /**
   * A number written for people: currency symbols ({@code $12}, {@code 12 €}), percent
   * ({@code 12%} = 0.12), grouping ({@code 1,234.50}, {@code 1.234,50}, {@code 1 234}, {@code 1'234}; spaces
   * and apostrophes only between groups of three digits, so {@code +33 6 12 34 56} is no number),
   * accounting negatives ({@code (12)}). With both separators the last one is the decimal point;
   * with one comma followed by exactly three digits the comma groups thousands ({@code 1,234} =
   * 1234), otherwise it is the decimal point ({@code 12,5} = 12.5). Null when it is not a number.
   */
  public static Double number(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    if (t.isEmpty()) {
      return null;
    }
    if (isPlainNumber(t)) {
      return Double.parseDouble(t);
    }
    boolean negative = false;
    if (t.startsWith("(") && t.endsWith(")")) {
      negative = true;
      t = t.substring(1, t.length() - 1).strip();
    }
    boolean percent = false;
    StringBuilder sb = new StringBuilder(t.length());
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '%') {
        if (percent) {
          return null;
        }
        percent = true;
      } else if (Character.getType(c) == Character.CURRENCY_SYMBOL) {
        continue;
      } else if (Character.isSpaceChar(c) || c == '\'' || c == '\u2019') {
        if (sb.length() > 0 && Character.isDigit(sb.charAt(sb.length() - 1))) {
          sb.append('s'); // a possible thousands separator, checked below
        }
      } else if (c == '-' || c == '+') {
        if (sb.length() > 0) {
          return null;
        }
        negative ^= c == '-';
      } else if (Character.isDigit(c) || c == '.' || c == ',') {
        sb.append(c);
      } else {
        return null;
      }
    }
    String n = sb.toString();
    while (n.endsWith("s")) {
      n = n.substring(0, n.length() - 1);
    }
    if (n.indexOf('s') >= 0) {
      // spaces and apostrophes group thousands only (1 234 567, 1'234.50); +33 6 12 34 is a phone number
      if (!SPACE_GROUPS.matcher(n).matches()) {
        return null;
      }
      n = n.replace("s", "");
    }
    int comma = n.lastIndexOf(',');
    int dot = n.lastIndexOf('.');
    if (comma >= 0 && dot >= 0) {
      n = comma > dot ? n.replace(".", "").replace(',', '.') : n.replace(",", "");
    } else if (comma >= 0) {
      n = THOUSANDS_COMMA.matcher(n).matches() ? n.replace(",", "") : n.indexOf(',') == comma
          ? n.replace(',', '.') : null;
    } else if (dot >= 0 && n.indexOf('.') != dot) {
      n = THOUSANDS_DOT.matcher(n).matches() ? n.replace(".", "") : null;
    }
    if (n == null || !PLAIN.matcher(n).matches()) {
      return null;
    }
    double d = Double.parseDouble(n);
    if (percent) {
      d /= 100;
    }
    return negative ? -d : d;
  }

  /** Milliseconds since the epoch (UTC) of a date or timestamp in {@code format}, or null. */
  public static Long timestamp(String s, TemporalFormat format, ByteParsers parsers) {
    if (s == null) {
      return null;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    long ms = parsers.parseTimestamp(b, 0, b.length, format);
    return parsers.ok ? ms : null;
  }

  /** True when {@code s} is a date alone (no time of day) in {@code format}. */
  public static boolean isDateOnly(String s, TemporalFormat format, ByteParsers parsers) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    parsers.parseDate(b, 0, b.length, format);
    return parsers.ok;
  }
}
