package io.dsap.engine.transform;

import io.dsap.engine.types.ByteParsers;
import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.types.ColumnType;
import io.dsap.engine.types.TemporalFormat;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

/** Values of a column's type in Calcite's representation, made from numbers and text. */
final class TypedValues {
  private TypedValues() {}

  static boolean isNumeric(ColumnSpec c) {
    return c.type().isNumeric();
  }

  /** Numbers, dates and timestamps: what a median can be taken of. */
  static boolean isOrdered(ColumnSpec c) {
    return c.type().isNumeric() || c.type() == ColumnType.DATE || c.type() == ColumnType.TIMESTAMP;
  }

  /** {@code d} as a value of {@code c}'s type, rounded with {@code mode} where the type is coarser. */
  static Object fromDouble(double d, ColumnSpec c, RoundingMode mode) {
    switch (c.type()) {
      case INTEGER: case DATE: return (int) round(d, mode);
      case BIGINT: case TIMESTAMP: return round(d, mode);
      case DECIMAL: return BigDecimal.valueOf(d).setScale(c.scale(), mode);
      case DOUBLE: return d;
      default: throw new IllegalStateException("not numeric: " + c.type());
    }
  }

  private static long round(double d, RoundingMode mode) {
    return BigDecimal.valueOf(d).setScale(0, mode).longValueExact();
  }

  /** {@code text} (a constant in a spec) as a value of {@code c}'s type, or an error naming the column. */
  static Object parse(String text, ColumnSpec c) {
    try {
      switch (c.type()) {
        case VARCHAR: return text;
        case BOOLEAN: {
          String t = text.trim().toLowerCase(Locale.ROOT);
          if (t.equals("true") || t.equals("false")) {
            return Boolean.valueOf(t);
          }
          throw new IllegalArgumentException();
        }
        case DATE: return (int) LocalDate.parse(text.trim()).toEpochDay();
        case TIMESTAMP: {
          Long ms = ValueRepair.timestamp(text.trim(), TemporalFormat.ISO, new ByteParsers());
          if (ms == null) {
            return Instant.parse(text.trim()).toEpochMilli();
          }
          return ms;
        }
        default: {
          Double d = ValueRepair.number(text);
          if (d == null) {
            throw new IllegalArgumentException();
          }
          if ((c.type() == ColumnType.INTEGER || c.type() == ColumnType.BIGINT) && d != Math.rint(d)) {
            throw new IllegalArgumentException();
          }
          return fromDouble(d, c, RoundingMode.HALF_UP);
        }
      }
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("'" + text + "' is not a " + c.typeText() + " value (column " + c.name()
          + " is " + c.typeText() + ")");
    }
  }

  /** A value as people read it in the report ({@code 2024-03-01}, {@code 12.5}). */
  static String show(Object v, ColumnSpec c) {
    if (v == null) {
      return "NULL";
    }
    if (c.type() == ColumnType.DATE && v instanceof Integer d) {
      return LocalDate.ofEpochDay(d).toString();
    }
    if (c.type() == ColumnType.TIMESTAMP && v instanceof Long ms) {
      return Instant.ofEpochMilli(ms).toString();
    }
    if (v instanceof Double d) {
      return fmt(d);
    }
    return v instanceof String s ? "'" + s + "'" : v.toString();
  }

  static String fmt(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    return BigDecimal.valueOf(d).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
  }
}
