package io.dsap.engine.types;

import java.util.List;
import java.util.Objects;

/**
 * A numeric date layout such as {@code dd/MM/yyyy}: field order plus separator. Day and month
 * accept one or two digits, the year four. A timestamp is a date, then {@code T} or a space, then
 * {@code HH:mm[:ss[.fraction]]} and an optional {@code Z} or {@code +HH:MM} offset (converted to UTC).
 */
public record TemporalFormat(DateOrder order, char separator) implements java.io.Serializable {

  /**
   * Candidates in the order detection prefers them: ISO first, then day-first before month-first
   * (when every day is 12 or less both fit; day-first is what most of the world writes, and the
   * column is flagged ambiguous either way).
   */
  public static final List<TemporalFormat> CANDIDATES = List.of(
      new TemporalFormat(DateOrder.YMD, '-'),
      new TemporalFormat(DateOrder.YMD, '/'),
      new TemporalFormat(DateOrder.YMD, '.'),
      new TemporalFormat(DateOrder.DMY, '/'),
      new TemporalFormat(DateOrder.MDY, '/'),
      new TemporalFormat(DateOrder.DMY, '-'),
      new TemporalFormat(DateOrder.MDY, '-'),
      new TemporalFormat(DateOrder.DMY, '.'),
      new TemporalFormat(DateOrder.MDY, '.'));

  public static final TemporalFormat ISO = CANDIDATES.get(0);

  public TemporalFormat {
    Objects.requireNonNull(order, "order is null");
  }

  /** The date pattern in {@link java.time.format.DateTimeFormatter} notation, e.g. {@code dd/MM/yyyy}. */
  public String datePattern() {
    String s = String.valueOf(separator);
    switch (order) {
      case YMD: return "yyyy" + s + "MM" + s + "dd";
      case DMY: return "dd" + s + "MM" + s + "yyyy";
      default: return "MM" + s + "dd" + s + "yyyy";
    }
  }

  /** The timestamp pattern, e.g. {@code yyyy-MM-dd HH:mm:ss}. */
  public String timestampPattern() {
    return datePattern() + " HH:mm:ss";
  }

  /** Parses a pattern written by {@link #datePattern()} or {@link #timestampPattern()} (time part ignored). */
  public static TemporalFormat parse(String pattern) {
    String p = pattern.trim();
    int space = p.indexOf(' ');
    int t = p.indexOf("'T'");
    int cut = space >= 0 ? space : t >= 0 ? t : p.length();
    String date = p.substring(0, cut);
    for (TemporalFormat f : CANDIDATES) {
      if (f.datePattern().equals(date)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unsupported date format '" + pattern + "'; supported: "
        + String.join(", ", CANDIDATES.stream().map(TemporalFormat::datePattern).toList()));
  }

  /** True when day and month could be swapped (the other order is also a candidate). */
  public TemporalFormat swapped() {
    switch (order) {
      case DMY: return new TemporalFormat(DateOrder.MDY, separator);
      case MDY: return new TemporalFormat(DateOrder.DMY, separator);
      default: return this;
    }
  }

  @Override
  public String toString() {
    return datePattern();
  }
}
