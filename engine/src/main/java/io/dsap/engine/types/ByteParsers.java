package io.dsap.engine.types;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * Parses typed values straight from bytes, without a {@code String} per cell.
 *
 * <p>Each method parses {@code b[start, end)} and reports failure through {@link #ok} instead of
 * an exception: type sniffing tries many candidates and most attempts fail. One instance per
 * thread; it is mutable and not thread-safe.
 */
public final class ByteParsers {
  /** False after a parse that did not fit; callers check it before using the value. */
  public boolean ok;
  /** Digits after the decimal point of the last successful {@link #parseDecimal} call. */
  public int lastScale;

  private static final long[] POW10 = {
      1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L,
      1_000_000_000L, 10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L,
      10_000_000_000_000L, 100_000_000_000_000L, 1_000_000_000_000_000L,
      10_000_000_000_000_000L, 100_000_000_000_000_000L, 1_000_000_000_000_000_000L};
  private static final double[] DPOW10 = {
      1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
      1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

  private static boolean isSpace(byte c) {
    return c == ' ' || c == '\t';
  }

  private int trimStart(byte[] b, int s, int e) {
    while (s < e && isSpace(b[s])) {
      s++;
    }
    return s;
  }

  private int trimEnd(byte[] b, int s, int e) {
    while (e > s && isSpace(b[e - 1])) {
      e--;
    }
    return e;
  }

  /** True when the field is a whole number written with a leading zero, e.g. {@code 00501}. */
  public static boolean hasLeadingZero(byte[] b, int s, int e) {
    while (s < e && isSpace(b[s])) {
      s++;
    }
    if (s < e && (b[s] == '-' || b[s] == '+')) {
      s++;
    }
    return e - s >= 2 && b[s] == '0' && b[s + 1] >= '0' && b[s + 1] <= '9';
  }

  /** Parses a 64-bit integer; {@link #ok} is false on anything else, overflow included. */
  public long parseLong(byte[] b, int s, int e) {
    long v = plainDigits(b, s, e); // 1 to 18 plain digits cannot overflow: no range check per digit
    if (v >= 0) {
      ok = true;
      return v;
    }
    return parseLongSlow(b, s, e);
  }

  /** {@link #parseLong} with blanks, a sign or 19 digits. */
  private long parseLongSlow(byte[] b, int s, int e) {
    s = trimStart(b, s, e);
    e = trimEnd(b, s, e);
    ok = false;
    if (s >= e) {
      return 0;
    }
    boolean neg = false;
    byte c = b[s];
    if (c == '-' || c == '+') {
      neg = c == '-';
      if (++s == e) {
        return 0;
      }
    }
    if (e - s > 19) {
      return 0;
    }
    long v = 0;
    for (int i = s; i < e; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        return 0;
      }
      // accumulate negatively so Long.MIN_VALUE parses
      if (v < (Long.MIN_VALUE + d) / 10) {
        return 0;
      }
      v = v * 10 - d;
    }
    if (!neg && v == Long.MIN_VALUE) {
      return 0;
    }
    ok = true;
    return neg ? v : -v;
  }

  /** Parses a 32-bit integer. */
  public int parseInt(byte[] b, int s, int e) {
    long v = parseLong(b, s, e);
    if (ok && (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE)) {
      ok = false;
    }
    return (int) v;
  }

  /**
   * Parses a plain decimal ({@code -12.50}, no exponent) to an unscaled long at {@code scale}.
   * Fails when the value has more fractional digits than {@code scale} or does not fit 18 digits.
   * With {@code scale < 0} any scale up to 18 is accepted and reported in {@link #lastScale}.
   */
  public long parseDecimal(byte[] b, int s, int e, int scale) {
    // fast path: [-]digits[.digits] with no more digits than a long surely holds at this scale
    if (scale >= 0 && e - s > 0 && e - s <= 18) {
      int i = s;
      boolean neg = b[i] == '-';
      i += neg ? 1 : 0;
      int first = i;
      int dot = -1;
      long v = 0;
      for (; i < e; i++) {
        int d = b[i] - '0';
        if (d >= 0 && d <= 9) {
          v = v * 10 + d;
        } else if (b[i] == '.' && dot < 0) {
          dot = i;
        } else {
          break;
        }
      }
      int digits = e - first - (dot < 0 ? 0 : 1);
      int frac = dot < 0 ? 0 : e - dot - 1;
      if (i == e && digits > 0 && frac <= scale && digits + scale - frac <= 18) {
        lastScale = frac;
        ok = true;
        v *= POW10[scale - frac];
        return neg ? -v : v;
      }
    }
    return parseDecimalGeneral(b, s, e, scale);
  }

  /** {@link #parseDecimal} for any input: blanks, a plus sign, leading zeros past 18 digits, any scale. */
  long parseDecimalGeneral(byte[] b, int s, int e, int scale) {
    s = trimStart(b, s, e);
    e = trimEnd(b, s, e);
    ok = false;
    if (s >= e) {
      return 0;
    }
    boolean neg = false;
    if (b[s] == '-' || b[s] == '+') {
      neg = b[s] == '-';
      s++;
    }
    long v = 0;
    int digits = 0;
    int frac = -1;
    boolean anyDigit = false;
    for (int i = s; i < e; i++) {
      byte c = b[i];
      if (c == '.') {
        if (frac >= 0) {
          return 0;
        }
        frac = 0;
        continue;
      }
      int d = c - '0';
      if (d < 0 || d > 9) {
        return 0;
      }
      anyDigit = true;
      if (digits > 0 || d != 0) {
        digits++;
      }
      if (digits > 18) {
        return 0;
      }
      v = v * 10 + d;
      if (frac >= 0) {
        frac++;
      }
    }
    if (!anyDigit) {
      return 0;
    }
    int f = Math.max(frac, 0);
    int target = scale < 0 ? f : scale;
    if (f > target) {
      return 0;
    }
    int up = target - f;
    if (digits + up > 18) {
      return 0;
    }
    v *= POW10[up];
    lastScale = f;
    ok = true;
    return neg ? -v : v;
  }

  /** Parses a floating point number, with exponent, {@code NaN} and {@code Infinity}. */
  public double parseDouble(byte[] b, int s, int e) {
    s = trimStart(b, s, e);
    e = trimEnd(b, s, e);
    ok = false;
    if (s >= e) {
      return 0;
    }
    int i = s;
    boolean neg = false;
    if (b[i] == '-' || b[i] == '+') {
      neg = b[i] == '-';
      i++;
    }
    long mant = 0;
    int mantDigits = 0;
    int exp10 = 0;
    boolean anyDigit = false;
    boolean dot = false;
    for (; i < e; i++) {
      byte c = b[i];
      if (c >= '0' && c <= '9') {
        anyDigit = true;
        if (mantDigits < 19) {
          if (mant != 0 || c != '0') {
            mantDigits++;
          }
          mant = mant * 10 + (c - '0');
          if (dot) {
            exp10--;
          }
        } else if (!dot) {
          exp10++;
        }
      } else if (c == '.' && !dot) {
        dot = true;
      } else {
        break;
      }
    }
    if (!anyDigit) {
      return parseSpecial(b, s, e);
    }
    if (i < e) {
      if (b[i] != 'e' && b[i] != 'E') {
        return 0;
      }
      i++;
      boolean eneg = false;
      if (i < e && (b[i] == '-' || b[i] == '+')) {
        eneg = b[i] == '-';
        i++;
      }
      if (i >= e) {
        return 0;
      }
      int ev = 0;
      for (; i < e; i++) {
        int d = b[i] - '0';
        if (d < 0 || d > 9) {
          return 0;
        }
        if (ev < 100_000) {
          ev = ev * 10 + d;
        }
      }
      exp10 += eneg ? -ev : ev;
    }
    double v;
    // Clinger's fast path: both operands exact in a double, so one rounding gives the right answer
    if (mantDigits <= 15 && exp10 >= -22 && exp10 <= 22) {
      v = exp10 < 0 ? mant / DPOW10[-exp10] : mant * DPOW10[exp10];
    } else {
      v = Double.parseDouble(new String(b, s, e - s, StandardCharsets.ISO_8859_1));
      ok = true;
      return v;
    }
    ok = true;
    return neg ? -v : v;
  }

  private double parseSpecial(byte[] b, int s, int e) {
    String t = new String(b, s, e - s, StandardCharsets.ISO_8859_1);
    switch (t) {
      case "NaN": ok = true; return Double.NaN;
      case "Infinity": case "+Infinity": case "inf": ok = true; return Double.POSITIVE_INFINITY;
      case "-Infinity": case "-inf": ok = true; return Double.NEGATIVE_INFINITY;
      default: return 0;
    }
  }

  /** Parses {@code true}/{@code false} in any case. */
  public boolean parseBoolean(byte[] b, int s, int e) {
    s = trimStart(b, s, e);
    e = trimEnd(b, s, e);
    ok = false;
    int n = e - s;
    if (n == 4 && lower(b[s]) == 't' && lower(b[s + 1]) == 'r' && lower(b[s + 2]) == 'u'
        && lower(b[s + 3]) == 'e') {
      ok = true;
      return true;
    }
    if (n == 5 && lower(b[s]) == 'f' && lower(b[s + 1]) == 'a' && lower(b[s + 2]) == 'l'
        && lower(b[s + 3]) == 's' && lower(b[s + 4]) == 'e') {
      ok = true;
      return false;
    }
    return false;
  }

  private static int lower(byte c) {
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
  }

  private int pos; // cursor shared by the date/time helpers below

  /** Parses a date in {@code format} to days since 1970-01-01. */
  public int parseDate(byte[] b, int s, int e, TemporalFormat format) {
    if (e - s == 10 && format.order() == DateOrder.YMD) {
      int day = fixedYmd(b, s, format.separator());
      if (day != NO_DAY) {
        ok = true;
        return day;
      }
    }
    s = trimStart(b, s, e);
    e = trimEnd(b, s, e);
    ok = false;
    long day = date(b, s, e, format);
    if (day == Long.MIN_VALUE || pos != e) {
      return 0;
    }
    ok = true;
    return (int) day;
  }

  /**
   * Parses a timestamp to milliseconds since the epoch. A date alone is midnight; an offset or
   * {@code Z} converts the value to UTC.
   */
  public long parseTimestamp(byte[] b, int s, int e, TemporalFormat format) {
    s = trimStart(b, s, e);
    e = trimEnd(b, s, e);
    ok = false;
    long day = date(b, s, e, format);
    if (day == Long.MIN_VALUE) {
      return 0;
    }
    int i = pos;
    long millis = day * 86_400_000L;
    if (i == e) {
      ok = true;
      return millis;
    }
    if (b[i] != 'T' && b[i] != ' ') {
      return 0;
    }
    i++;
    int hh = digits(b, i, e, 2, 2);
    if (hh < 0 || hh > 23 || pos >= e || b[pos] != ':') {
      return 0;
    }
    int mm = digits(b, pos + 1, e, 2, 2);
    if (mm < 0 || mm > 59) {
      return 0;
    }
    int ss = 0;
    long frac = 0;
    i = pos;
    if (i < e && b[i] == ':') {
      ss = digits(b, i + 1, e, 2, 2);
      if (ss < 0 || ss > 60) {
        return 0;
      }
      i = pos;
      if (i < e && (b[i] == '.' || b[i] == ',')) {
        i++;
        int n = 0;
        while (i < e && b[i] >= '0' && b[i] <= '9') {
          if (n < 3) {
            frac = frac * 10 + (b[i] - '0');
          }
          n++;
          i++;
        }
        if (n == 0) {
          return 0;
        }
        for (int k = n; k < 3; k++) {
          frac *= 10;
        }
      }
    }
    millis += hh * 3_600_000L + mm * 60_000L + ss * 1000L + frac;
    if (i < e) {
      if (b[i] == 'Z' && i + 1 == e) {
        i++;
      } else if (b[i] == '+' || b[i] == '-') {
        int sign = b[i] == '-' ? -1 : 1;
        int oh = digits(b, i + 1, e, 2, 2);
        if (oh < 0 || oh > 18) {
          return 0;
        }
        i = pos;
        int om = 0;
        if (i < e && b[i] == ':') {
          i++;
        }
        if (i < e) {
          om = digits(b, i, e, 2, 2);
          if (om < 0 || om > 59) {
            return 0;
          }
          i = pos;
        }
        millis -= sign * (oh * 3_600_000L + om * 60_000L);
      }
      if (i != e) {
        return 0;
      }
    }
    ok = true;
    return millis;
  }

  /** Parses the date part; returns the epoch day or Long.MIN_VALUE, leaves {@link #pos} after it. */
  private long date(byte[] b, int s, int e, TemporalFormat f) {
    int y;
    int m;
    int d;
    char sep = f.separator();
    switch (f.order()) {
      case YMD:
        if (e - s >= 10 && b[s + 4] == sep && b[s + 7] == sep) {
          // fast path for the fixed width yyyy-mm-dd: same result as the general path below
          y = digit(b[s]) * 1000 + digit(b[s + 1]) * 100 + digit(b[s + 2]) * 10 + digit(b[s + 3]);
          m = digit(b[s + 5]) * 10 + digit(b[s + 6]);
          d = digit(b[s + 8]) * 10 + digit(b[s + 9]);
          if ((y | m | d) >= 0) { // a non-digit makes its value negative
            pos = s + 10;
            break;
          }
        }
        y = digits(b, s, e, 4, 4);
        if (y < 0 || !at(b, e, sep)) {
          return Long.MIN_VALUE;
        }
        m = digits(b, pos + 1, e, 1, 2);
        if (m < 0 || !at(b, e, sep)) {
          return Long.MIN_VALUE;
        }
        d = digits(b, pos + 1, e, 1, 2);
        break;
      case DMY:
        d = digits(b, s, e, 1, 2);
        if (d < 0 || !at(b, e, sep)) {
          return Long.MIN_VALUE;
        }
        m = digits(b, pos + 1, e, 1, 2);
        if (m < 0 || !at(b, e, sep)) {
          return Long.MIN_VALUE;
        }
        y = digits(b, pos + 1, e, 4, 4);
        break;
      default:
        m = digits(b, s, e, 1, 2);
        if (m < 0 || !at(b, e, sep)) {
          return Long.MIN_VALUE;
        }
        d = digits(b, pos + 1, e, 1, 2);
        if (d < 0 || !at(b, e, sep)) {
          return Long.MIN_VALUE;
        }
        y = digits(b, pos + 1, e, 4, 4);
        break;
    }
    if (y < 0 || d < 1 || m < 1 || m > 12 || d > daysInMonth(y, m)) {
      return Long.MIN_VALUE;
    }
    return epochDay(y, m, d);
  }

  /** What {@link #ymdDay} returns for a text it does not take. */
  public static final int NO_DAY = Integer.MIN_VALUE;
  private static final int TABLE_FIRST_YEAR = 1900;
  private static final int TABLE_YEARS = 300;
  /** Epoch day of January 1st of the years {@link #TABLE_FIRST_YEAR} onwards. */
  private static final int[] YEAR_START = new int[TABLE_YEARS];
  /** Days before each month (index 1 to 12) in a common and in a leap year. */
  private static final int[][] MONTH_START = new int[2][13];
  /** Days of each month (index 1 to 12; 0 for index 0) in a common and in a leap year. */
  private static final int[][] MONTH_DAYS = new int[2][13];

  static {
    for (int i = 0; i < TABLE_YEARS; i++) {
      YEAR_START[i] = (int) epochDay(TABLE_FIRST_YEAR + i, 1, 1);
    }
    for (int leap = 0; leap < 2; leap++) {
      int y = leap == 1 ? 2000 : 2001;
      for (int m = 1; m <= 12; m++) {
        MONTH_DAYS[leap][m] = daysInMonth(y, m);
        MONTH_START[leap][m] = (int) (epochDay(y, m, 1) - epochDay(y, 1, 1));
      }
    }
  }

  /**
   * The common case of a date read in bulk: exactly {@code yyyy-mm-dd} (any separator) with a year
   * the tables cover. Returns the epoch day, or {@link #NO_DAY} when the text is not that simple
   * (the general parser then decides, with the same result for every text this accepts).
   */
  private static int fixedYmd(byte[] b, int s, char sep) {
    if (b[s + 4] != sep || b[s + 7] != sep) {
      return NO_DAY;
    }
    int y = digit(b[s]) * 1000 + digit(b[s + 1]) * 100 + digit(b[s + 2]) * 10 + digit(b[s + 3]);
    int m = digit(b[s + 5]) * 10 + digit(b[s + 6]);
    int d = digit(b[s + 8]) * 10 + digit(b[s + 9]);
    int year = y - TABLE_FIRST_YEAR;
    if ((y | m | d) < 0 || year < 0 || year >= TABLE_YEARS || m < 1 || m > 12 || d < 1) {
      return NO_DAY;
    }
    int leap = (y & 3) == 0 && (y % 100 != 0 || y % 400 == 0) ? 1 : 0;
    if (d > MONTH_DAYS[leap][m]) {
      return NO_DAY;
    }
    return YEAR_START[year] + MONTH_START[leap][m] + d - 1;
  }

  /**
   * The epoch day of {@code b[s, e)} when it is exactly {@code yyyy<sep>mm<sep>dd} with a year
   * from 1900 to 2199, else {@link #NO_DAY}; every day it returns is what {@link #parseDate} gives
   * for that text in a YMD format. For loops over a column: no state, no call to fail.
   */
  public static int ymdDay(byte[] b, int s, int e, char sep) {
    return e - s == 10 ? fixedYmd(b, s, sep) : NO_DAY;
  }

  /**
   * The value of 1 to 18 plain ASCII digits {@code b[s, e)}, or -1 for any other text (a sign,
   * blanks, more digits, nothing): what {@link #parseLong} gives for such a text, without state.
   */
  public static long plainDigits(byte[] b, int s, int e) {
    int n = e - s;
    if (n <= 0 || n > 18) {
      return -1;
    }
    long v = 0;
    for (int i = s; i < e; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }

  /** The value of a digit byte; for any other byte a negative number that keeps a sum of a few digits negative. */
  private static int digit(byte c) {
    int d = c - '0';
    return d >= 0 && d <= 9 ? d : -100_000;
  }

  private boolean at(byte[] b, int e, char c) {
    return pos < e && b[pos] == c;
  }

  /** Reads min..max digits from i; returns the value or -1, leaves {@link #pos} after them. */
  private int digits(byte[] b, int i, int e, int min, int max) {
    int v = 0;
    int n = 0;
    while (i < e && n < max && b[i] >= '0' && b[i] <= '9') {
      v = v * 10 + (b[i] - '0');
      i++;
      n++;
    }
    pos = i;
    return n < min ? -1 : v;
  }

  public static int daysInMonth(int y, int m) {
    switch (m) {
      case 2: return (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
      case 4: case 6: case 9: case 11: return 30;
      default: return 31;
    }
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
  public static long epochDay(int y, int m, int d) {
    y -= m <= 2 ? 1 : 0;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146_097 + doe - 719_468;
  }

  /** Converts an unscaled decimal back to a BigDecimal. */
  public static BigDecimal decimal(long unscaled, int scale) {
    return BigDecimal.valueOf(unscaled, scale);
  }
}
