package io.dsap.engine.validate;

import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.types.ColumnType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Turns values between Calcite's representation and the text people read and write in schemas. */
public final class Values {
  private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS]");

  private Values() {}

  /** Display text of a value of {@code spec}'s type. */
  public static String display(ColumnSpec spec, Object v) {
    return display(spec.type(), v);
  }

  public static String display(ColumnType type, Object v) {
    if (v == null) {
      return null;
    }
    switch (type) {
      case DATE: return LocalDate.ofEpochDay(((Number) v).longValue()).toString();
      case TIMESTAMP: return TS.format(Instant.ofEpochMilli(((Number) v).longValue()).atOffset(ZoneOffset.UTC));
      case TIME: return LocalTime.ofNanoOfDay(((Number) v).longValue() * 1_000_000L).toString();
      case DECIMAL: return ((BigDecimal) v).toPlainString();
      default: return v.toString();
    }
  }

  /**
   * A schema value ({@code min: 2024-01-01}, {@code max: 10}) as a comparable number in the
   * column's representation: epoch day, epoch millis, or the number itself. Null for text columns.
   */
  public static BigDecimal comparable(ColumnType type, String text) {
    String t = text.trim();
    switch (type) {
      case DATE: return BigDecimal.valueOf(LocalDate.parse(t).toEpochDay());
      case TIMESTAMP:
        return BigDecimal.valueOf(java.time.LocalDateTime.parse(t.replace(' ', 'T')).toInstant(ZoneOffset.UTC)
            .toEpochMilli());
      case INTEGER: case BIGINT: case DECIMAL: case DOUBLE: return new BigDecimal(t);
      default: return null;
    }
  }

  /** A column value as a comparable number (see {@link #comparable(ColumnType, String)}). */
  public static BigDecimal comparable(ColumnType type, Object v) {
    if (v instanceof BigDecimal b) {
      return b;
    }
    if (v instanceof Double d) {
      return d.isNaN() || d.isInfinite() ? null : BigDecimal.valueOf(d);
    }
    if (v instanceof Number n) {
      return BigDecimal.valueOf(n.longValue());
    }
    return null;
  }
}
