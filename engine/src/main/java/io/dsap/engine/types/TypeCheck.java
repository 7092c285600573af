package io.dsap.engine.types;

/**
 * Says, without building the value, that text is certainly a valid value of a column's type: the
 * cheap check for the columns a query does not read, which must still be checked so that the rows
 * rejected never depend on the query.
 *
 * <p>{@link #surelyValid} covers the plain spellings (digits with a sign and a point, a fixed-width
 * {@code yyyy-mm-dd} date, {@code yyyy-mm-dd hh:mm:ss}) with one pass and no calls. It never says
 * yes to text the full parsers in {@link ByteParsers} would refuse; when it says no, the caller
 * parses the value fully, which accepts the other spellings (blanks, exponents, fractions of a
 * second, offsets) and words the reason of a reject.
 */
public final class TypeCheck {
  // kinds: one small int per column, so the per-field dispatch is a table switch
  public static final int OTHER = 0;
  public static final int INTEGER = 1;
  public static final int BIGINT = 2;
  public static final int DECIMAL = 3;
  public static final int DOUBLE = 4;
  public static final int DATE_YMD = 5;
  public static final int TIMESTAMP_YMD = 6;

  private static final java.lang.invoke.VarHandle LONGS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
  private static final long ZEROS = 0x3030303030303030L; // '0' in every byte
  private static final long LOWS7 = 0x7F7F7F7F7F7F7F7FL;
  private static final long HIGHS = 0x8080808080808080L;

  private TypeCheck() {}

  /**
   * Flags (bit 7 of each byte) the bytes of {@code b[s, e)} that are not ASCII digits, for
   * {@code 1 <= e - s <= 8} and {@code s + 8 <= b.length}: eight bytes tested at once, exactly
   * (no carry crosses a byte). Byte {@code s + i} is flagged by bit {@code 8i + 7}.
   */
  private static long nonDigits(byte[] b, int s, int e) {
    long keep = e - s == 8 ? -1L : (1L << ((e - s) << 3)) - 1;
    long w = ((long) LONGS.get(b, s) & keep) | (ZEROS & ~keep); // bytes past the field read as '0'
    long x = w ^ ZEROS; // a digit is now 0..9
    return (((x & LOWS7) + 0x7676767676767676L) | x) & HIGHS;
  }

  /** The kind of check for a column of {@code spec}, for {@link #surelyValid}. */
  public static int kindOf(ColumnSpec spec) {
    switch (spec.type()) {
      case INTEGER: return INTEGER;
      case BIGINT: return BIGINT;
      case DECIMAL: return DECIMAL;
      case DOUBLE: return DOUBLE;
      case DATE: return spec.format().order() == DateOrder.YMD ? DATE_YMD : OTHER;
      case TIMESTAMP: return spec.format().order() == DateOrder.YMD ? TIMESTAMP_YMD : OTHER;
      default: return OTHER;
    }
  }

  /**
   * True when {@code b[s, e)} is certainly a valid value for a column of {@code kind} (with
   * {@code scale} digits after the point for DECIMAL, {@code sep} between date parts); false when
   * it is not, or when this check cannot tell.
   */
  public static boolean surelyValid(int kind, int scale, char sep, byte[] b, int s, int e) {
    switch (kind) {
      case INTEGER: return digits(b, s, e, 9);
      case BIGINT: return digits(b, s, e, 18);
      case DECIMAL: return plainNumber(b, s, e, scale);
      case DOUBLE: return plainNumber(b, s, e, Integer.MAX_VALUE);
      case DATE_YMD: return e - s == 10 && date(b, s, sep);
      case TIMESTAMP_YMD: return (e - s == 10 || e - s == 19 && time(b, s + 10)) && date(b, s, sep);
      default: return false;
    }
  }

  /** An optional sign then 1 to {@code max} digits: fits a long (18) or an int (9) whatever they are. */
  private static boolean digits(byte[] b, int s, int e, int max) {
    if (s < e && (b[s] == '-' || b[s] == '+')) {
      s++;
    }
    if (s >= e || e - s > max) {
      return false;
    }
    if (e - s <= 8 && s + 8 <= b.length) {
      return nonDigits(b, s, e) == 0;
    }
    for (int i = s; i < e; i++) {
      if (!isDigit(b[i])) {
        return false;
      }
    }
    return true;
  }

  /**
   * An optional sign, digits with at most one point, at least one digit, at most
   * {@code maxFraction} digits after the point, and (for a decimal) few enough digits that the
   * value scaled to {@code maxFraction} places fits 18 digits.
   */
  private static boolean plainNumber(byte[] b, int s, int e, int maxFraction) {
    if (s < e && (b[s] == '-' || b[s] == '+')) {
      s++;
    }
    int digits = 0;
    int point = -1;
    if (s < e && e - s <= 8 && s + 8 <= b.length) {
      long other = nonDigits(b, s, e);
      if (other == 0) {
        digits = e - s;
      } else {
        int at = s + (Long.numberOfTrailingZeros(other) >>> 3);
        if ((other & (other - 1)) != 0 || b[at] != '.') {
          return false; // two non-digits, or one that is not the point
        }
        point = at;
        digits = e - s - 1;
      }
      return point(digits, point, e, maxFraction);
    }
    for (int i = s; i < e; i++) {
      byte c = b[i];
      if (isDigit(c)) {
        digits++;
      } else if (c == '.' && point < 0) {
        point = i;
      } else {
        return false;
      }
    }
    return point(digits, point, e, maxFraction);
  }

  /** Whether {@code digits} digits with the point at {@code point} (or -1), ending at {@code e}, fit. */
  private static boolean point(int digits, int point, int e, int maxFraction) {
    if (digits == 0) {
      return false;
    }
    if (maxFraction == Integer.MAX_VALUE) {
      return true;
    }
    int fraction = point < 0 ? 0 : e - point - 1;
    return fraction <= maxFraction && digits + (maxFraction - fraction) <= 18;
  }

  /** {@code yyyy<sep>mm<sep>dd} at {@code s}, a real day of the proleptic Gregorian calendar. */
  private static boolean date(byte[] b, int s, char sep) {
    if (b[s + 4] != sep || b[s + 7] != sep) {
      return false;
    }
    int y = digit(b[s]) * 1000 + digit(b[s + 1]) * 100 + digit(b[s + 2]) * 10 + digit(b[s + 3]);
    int m = digit(b[s + 5]) * 10 + digit(b[s + 6]);
    int d = digit(b[s + 8]) * 10 + digit(b[s + 9]);
    return y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= ByteParsers.daysInMonth(y, m);
  }

  /** {@code Thh:mm:ss} or {@code  hh:mm:ss} at {@code s}, seconds up to 60 as the full parser allows. */
  private static boolean time(byte[] b, int s) {
    if ((b[s] != 'T' && b[s] != ' ') || b[s + 3] != ':' || b[s + 6] != ':') {
      return false;
    }
    int hh = digit(b[s + 1]) * 10 + digit(b[s + 2]);
    int mm = digit(b[s + 4]) * 10 + digit(b[s + 5]);
    int ss = digit(b[s + 7]) * 10 + digit(b[s + 8]);
    return hh >= 0 && hh <= 23 && mm >= 0 && mm <= 59 && ss >= 0 && ss <= 60;
  }

  private static boolean isDigit(byte c) {
    return c >= '0' && c <= '9';
  }

  /** A digit's value; for any other byte a negative number that keeps a sum of a few digits negative. */
  private static int digit(byte c) {
    int d = c - '0';
    return d >= 0 && d <= 9 ? d : -100_000;
  }
}
