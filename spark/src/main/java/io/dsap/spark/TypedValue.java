package io.dsap.spark;

import io.dsap.engine.schema.DeclaredType;
import io.dsap.engine.types.ByteParsers;
import io.dsap.engine.types.ColumnType;
import io.dsap.engine.types.TemporalFormat;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * Casts the text of one column to its declared type with the engine's own parsers, so a value
 * that the local engine rejects is rejected on Spark too (and the other way round). A value that
 * does not parse becomes NULL; callers tell it from a real NULL by looking at the text.
 */
final class TypedValue implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final ThreadLocal<ByteParsers> PARSERS = ThreadLocal.withInitial(ByteParsers::new);

  private final ColumnType type;
  private final int precision;
  private final int scale;
  private final String format; // date/timestamp layout, null: ISO
  private transient TemporalFormat temporal;

  TypedValue(DeclaredType declared, String format) {
    this.type = declared.type();
    this.precision = declared.precision() > 0 ? declared.precision() : 38;
    this.scale = declared.scale() < 0 ? -1 : declared.scale();
    this.format = format;
  }

  /** The type the engine's reader gives a column it detected ({@code spec}). */
  TypedValue(io.dsap.engine.types.ColumnSpec spec) {
    this.type = spec.type();
    this.precision = spec.precision() > 0 ? spec.precision() : 38;
    this.scale = spec.type() == ColumnType.DECIMAL ? spec.scale() : -1;
    this.format = spec.format() == null || spec.format().equals(TemporalFormat.ISO) ? null
        : spec.format().datePattern();
  }

  ColumnType type() {
    return type;
  }

  /** Whether values of this type need parsing (text stays text). */
  boolean parses() {
    return type != ColumnType.VARCHAR && type != ColumnType.TIME && type != ColumnType.VARBINARY;
  }

  /** The Spark type of the parsed column. */
  DataType sparkType() {
    return switch (type) {
      case INTEGER, BIGINT -> DataTypes.LongType;
      case DOUBLE -> DataTypes.DoubleType;
      case DECIMAL -> DataTypes.createDecimalType(Math.min(38, precision), Math.max(0, scale));
      case BOOLEAN -> DataTypes.BooleanType;
      case DATE -> DataTypes.DateType;
      case TIMESTAMP -> DataTypes.TimestampType;
      default -> DataTypes.StringType;
    };
  }

  /** The parsing function as a Spark UDF. */
  UserDefinedFunction udf() {
    TypedValue self = this;
    return functions.udf((UDF1<String, Object>) self::parse, sparkType()).asNondeterministic().withName("dsap_cast");
  }

  /** The value of {@code text} in this type, or null when it is null, empty, or does not parse. */
  Object parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    ByteParsers p = PARSERS.get();
    Object v = switch (type) {
      case INTEGER -> (long) p.parseInt(b, 0, b.length);
      case BIGINT -> p.parseLong(b, 0, b.length);
      case DOUBLE -> p.parseDouble(b, 0, b.length);
      case DECIMAL -> {
        long unscaled = p.parseDecimal(b, 0, b.length, scale);
        yield p.ok ? ByteParsers.decimal(unscaled, scale < 0 ? p.lastScale : scale) : null;
      }
      case BOOLEAN -> p.parseBoolean(b, 0, b.length);
      case DATE -> Date.valueOf(LocalDate.ofEpochDay(p.parseDate(b, 0, b.length, temporal())));
      case TIMESTAMP -> new Timestamp(p.parseTimestamp(b, 0, b.length, temporal()));
      default -> text;
    };
    return p.ok || !parses() ? v : null;
  }

  private TemporalFormat temporal() {
    if (temporal == null) {
      temporal = format == null ? TemporalFormat.ISO : TemporalFormat.parse(format);
    }
    return temporal;
  }
}
