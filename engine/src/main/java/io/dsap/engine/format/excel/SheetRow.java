package io.dsap.engine.format.excel;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * One row of a sheet as its cells hold it: typed values by 0-based column. Reused from row to row
 * (no allocation per cell beyond the values themselves). Shared strings are looked up only when
 * asked for, so skipping rows and finding empty ones never loads the string table.
 */
public final class SheetRow {
  public static final byte BLANK = 0;
  public static final byte NUMBER = 1;
  public static final byte STRING = 2;
  public static final byte BOOLEAN = 3;
  /** A number with a date format: a {@link LocalDateTime}. */
  public static final byte DATE = 4;
  /** A number with a time-only format below one day: a {@link LocalTime}. */
  public static final byte TIME = 5;
  /** An error value such as {@code #DIV/0!}, kept as its text. */
  public static final byte ERROR = 6;

  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
  private static final DateTimeFormatter TIME_SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss");

  private int number;
  private int width;
  private byte[] kinds = new byte[16];
  private double[] numbers = new double[16];
  private Object[] objects = new Object[16];
  private IntFunction<String> sharedStrings = i -> {
    throw new IllegalStateException("no shared strings");
  };

  void sharedStrings(IntFunction<String> lookup) {
    this.sharedStrings = lookup;
  }

  /** Empties the row and gives it its 1-based sheet row number. */
  void start(int rowNumber) {
    Arrays.fill(kinds, 0, width, BLANK);
    Arrays.fill(objects, 0, width, null);
    width = 0;
    number = rowNumber;
  }

  private void grow(int c) {
    if (c >= kinds.length) {
      int n = Math.max(c + 1, kinds.length * 2);
      kinds = Arrays.copyOf(kinds, n);
      numbers = Arrays.copyOf(numbers, n);
      objects = Arrays.copyOf(objects, n);
    }
    width = Math.max(width, c + 1);
  }

  void setNumber(int c, double v) {
    grow(c);
    kinds[c] = NUMBER;
    numbers[c] = v;
  }

  void setString(int c, String s) {
    grow(c);
    kinds[c] = STRING;
    objects[c] = s;
  }

  /** A string kept in the workbook's shared string table, looked up when read. */
  void setSharedString(int c, int index) {
    grow(c);
    kinds[c] = STRING;
    numbers[c] = index;
    objects[c] = null;
  }

  void setBoolean(int c, boolean b) {
    grow(c);
    kinds[c] = BOOLEAN;
    numbers[c] = b ? 1 : 0;
  }

  void setDate(int c, LocalDateTime t) {
    grow(c);
    kinds[c] = DATE;
    objects[c] = t;
  }

  void setTime(int c, LocalTime t) {
    grow(c);
    kinds[c] = TIME;
    objects[c] = t;
  }

  void setError(int c, String text) {
    grow(c);
    kinds[c] = ERROR;
    objects[c] = text;
  }

  /** The 1-based row number in the sheet. */
  public int number() {
    return number;
  }

  /** One more than the highest column holding a cell. */
  public int width() {
    return width;
  }

  public byte kind(int c) {
    return c < width ? kinds[c] : BLANK;
  }

  /** Whether the cell holds nothing: no value, or an empty string. */
  public boolean isBlank(int c) {
    byte k = kind(c);
    return k == BLANK || (k == STRING && string(c).isEmpty());
  }

  public double number(int c) {
    return numbers[c];
  }

  public boolean bool(int c) {
    return numbers[c] != 0;
  }

  public String string(int c) {
    Object o = objects[c];
    if (o == null) {
      o = sharedStrings.apply((int) numbers[c]);
      objects[c] = o;
    }
    return (String) o;
  }

  public LocalDateTime date(int c) {
    return (LocalDateTime) objects[c];
  }

  public LocalTime time(int c) {
    return (LocalTime) objects[c];
  }

  public String error(int c) {
    return (String) objects[c];
  }

  /** The cell as text, the way dsap writes it in VARCHAR columns; null when blank. */
  public String text(int c) {
    switch (kind(c)) {
      case NUMBER: return numberText(numbers[c]);
      case STRING: return string(c);
      case BOOLEAN: return numbers[c] != 0 ? "true" : "false";
      case DATE: return dateText(date(c));
      case TIME: return timeText(time(c));
      case ERROR: return error(c);
      default: return null;
    }
  }

  /**
   * A number as people write it: whole numbers without {@code .0}, no exponent between 1e-4 and
   * 1e15 (Excel numbers are doubles; {@code 12345678.5} must not read as {@code 1.23456785E7}).
   */
  static String numberText(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    String s = Double.toString(d);
    double a = Math.abs(d);
    if (s.indexOf('E') >= 0 && a >= 1e-4 && a < 1e15) {
      return new BigDecimal(s).toPlainString();
    }
    return s;
  }

  static String dateText(LocalDateTime t) {
    if (t.toLocalTime().equals(LocalTime.MIDNIGHT)) {
      return t.toLocalDate().toString();
    }
    return (t.getNano() == 0 ? SECONDS : MILLIS).format(t);
  }

  static String timeText(LocalTime t) {
    return t.getNano() == 0 ? TIME_SECONDS.format(t) : t.toString();
  }
}
