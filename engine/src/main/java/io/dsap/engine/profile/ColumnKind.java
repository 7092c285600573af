package io.dsap.engine.profile;

import io.dsap.engine.types.ColumnSpec;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How a column's values are held in a batch, which decides the loop that profiles them. */
enum ColumnKind {
  INTEGER, DECIMAL, DOUBLE, DATE, TIMESTAMP, TIME, BOOLEAN, TEXT, OBJECT;

  private static final DateTimeFormatter TIMESTAMP_TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
      .withZone(ZoneOffset.UTC);

  static ColumnKind of(ColumnSpec spec) {
    return switch (spec.type()) {
      case INTEGER, BIGINT -> INTEGER;
      case DECIMAL -> spec.precision() > ColumnSpec.LONG_DECIMAL_PRECISION ? OBJECT : DECIMAL;
      case DOUBLE -> DOUBLE;
      case DATE -> DATE;
      case TIMESTAMP -> TIMESTAMP;
      case TIME -> TIME;
      case BOOLEAN -> BOOLEAN;
      case VARCHAR -> TEXT;
      case VARBINARY -> OBJECT;
    };
  }

  /** Numbers: they get moments, quantiles, zeros and negatives. */
  boolean numeric() {
    return this == INTEGER || this == DECIMAL || this == DOUBLE;
  }

  /** Keys are whole numbers whose nearness means something (not double bits): wide exact counts fit. */
  boolean wholeNumbers() {
    return this == INTEGER || this == DECIMAL || this == DATE || this == TIMESTAMP || this == TIME;
  }

  String render(long key, ColumnSpec spec) {
    return switch (this) {
      case INTEGER -> Long.toString(key);
      case DECIMAL -> BigDecimal.valueOf(key, spec.scale()).toPlainString();
      case DOUBLE -> Double.toString(Double.longBitsToDouble(key));
      case DATE -> LocalDate.ofEpochDay(key).toString();
      case TIMESTAMP -> TIMESTAMP_TEXT.format(Instant.ofEpochMilli(key));
      case TIME -> LocalTime.ofNanoOfDay(key * 1_000_000L).toString();
      case BOOLEAN -> key != 0 ? "true" : "false";
      default -> throw new IllegalStateException("text values have no 64-bit form");
    };
  }
}
