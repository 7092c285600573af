package io.dsap.engine.format.arrow;

import com.fasterxml.jackson.core.JsonGenerator;
import io.dsap.engine.batch.BooleanVector;
import io.dsap.engine.batch.ColumnVector;
import io.dsap.engine.batch.DoubleVector;
import io.dsap.engine.batch.LongVector;
import io.dsap.engine.batch.ObjectVector;
import io.dsap.engine.batch.StringVector;
import io.dsap.engine.types.ColumnType;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FloatingPointVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.util.Text;
import org.apache.calcite.avatica.util.ByteString;

/**
 * The mapping from Arrow types to dsap types (docs/formats-parquet-arrow.md has the table), one
 * small {@link ArrowLeaf} per type. Values are read with Arrow's vector getters, which need no JVM
 * flags. Returns null for nested types (they become JSON text).
 */
final class ArrowLeaves {
  private ArrowLeaves() {}

  static ArrowLeaf of(ArrowType t) {
    switch (t.getTypeID()) {
      case Int: {
        ArrowType.Int i = (ArrowType.Int) t;
        if (i.getBitWidth() == 64) {
          return i.getIsSigned() ? new IntLeaf(ColumnType.BIGINT) : new UInt64Leaf();
        }
        return new IntLeaf(i.getBitWidth() == 32 && !i.getIsSigned() ? ColumnType.BIGINT : ColumnType.INTEGER);
      }
      case FloatingPoint:
        return ((ArrowType.FloatingPoint) t).getPrecision() == FloatingPointPrecision.SINGLE ? new FloatLeaf()
            : new DoubleLeaf();
      case Bool:
        return new BoolLeaf();
      case Utf8:
      case LargeUtf8:
      case Utf8View:
        return new TextLeaf();
      case Binary:
      case LargeBinary:
      case FixedSizeBinary:
      case BinaryView:
        return new BinaryLeaf();
      case Decimal: {
        ArrowType.Decimal d = (ArrowType.Decimal) t;
        return new DecimalLeaf(d.getPrecision(), d.getScale());
      }
      case Date:
        return new DateLeaf();
      case Time:
        return new TimeLeaf(((ArrowType.Time) t).getUnit());
      case Timestamp:
        return new TimestampLeaf(((ArrowType.Timestamp) t).getUnit());
      case Duration:
      case Interval:
        return new IsoTextLeaf();
      case Null:
        return new NullLeaf();
      default:
        return null; // List, Struct, Map, Union ...: JSON text
    }
  }

  static long toMillis(long v, TimeUnit unit) {
    switch (unit) {
      case SECOND: return Math.multiplyExact(v, 1000L);
      case MILLISECOND: return v;
      case MICROSECOND: return Math.floorDiv(v, 1_000L);
      default: return Math.floorDiv(v, 1_000_000L);
    }
  }

  static Instant toInstant(long v, TimeUnit unit) {
    switch (unit) {
      case SECOND: return Instant.ofEpochSecond(v);
      case MILLISECOND: return Instant.ofEpochMilli(v);
      case MICROSECOND: return Instant.ofEpochSecond(Math.floorDiv(v, 1_000_000L), Math.floorMod(v, 1_000_000L) * 1_000L);
      default: return Instant.ofEpochSecond(Math.floorDiv(v, 1_000_000_000L), Math.floorMod(v, 1_000_000_000L));
    }
  }

  static void writeDouble(JsonGenerator out, double d) throws IOException {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      out.writeString(Double.toString(d)); // JSON has no NaN or Infinity
    } else {
      out.writeNumber(d);
    }
  }

  /** Signed integers of 8-64 bits and unsigned ones up to 32 bits (UInt32 widened to BIGINT). */
  static final class IntLeaf extends ArrowLeaf {
    IntLeaf(ColumnType type) {
      super(type);
    }

    @Override
    void copy(ValueVector in, int i, ColumnVector out, int row) {
      ((LongVector) out).set(row, ((BaseIntVector) in).getValueAsLong(i));
    }

    @Override
    void json(ValueVector in, int i, JsonGenerator out) throws IOException {
      out.writeNumber(((BaseIntVector) in).getValueAsLong(i));
    }
  }

  /** UInt64 does not fit BIGINT: DECIMAL(20,0) holds every value. */
  static final class UInt64Leaf extends ArrowLeaf {
    UInt64Leaf() {
      super(ColumnType.DECIMAL, 20, 0);
    }

    static BigDecimal value(ValueVector in, int i) {
      long v = ((BaseIntVector) in).getValueAsLong(i);
      return v >= 0 ? BigDecimal.valueOf(v) : new BigDecimal(new BigInteger(Long.toUnsignedString(v)));
    }

    @Override
    void copy(ValueVector in, int i, ColumnVector out, int row) {
      ((ObjectVector) out).set(row, value(in, i));
    }

    @Override
    void json(ValueVector in, int i, JsonGenerator out) throws IOException {
      out.writeNumber(value(in, i));
    }
  }

  /** Float32 widened through its shortest decimal text, so 0.1f reads as 0.1. */
  static final class FloatLeaf extends ArrowLeaf {
    FloatLeaf() {
      super(ColumnType.DOUBLE);
    }

    static double value(ValueVector in, int i) {
      return Double.parseDouble(Float.toString(((Float4Vector) in).get(i)));
    }

    @Override
    void copy(ValueVector in, int i, ColumnVector out, int row) {
      ((DoubleVector) out).set(row, value(in, i));
    }

    @Override
    void json(ValueVector in, int i, JsonGenerator out) throws IOException {
      writeDouble(out, value(in, i));
    }
  }

  /** Float64, and Float16 (exactly widened). */
  static final class DoubleLeaf extends ArrowLeaf {
    DoubleLeaf() {
      super(ColumnType.DOUBLE);
    }

    @Override
    void copy(ValueVector in, int i, ColumnVector out, int row) {
      ((DoubleVector) out).set(row, ((FloatingPointVector) in).getValueAsDouble(i));
    }

    @Override
    void json(ValueVector in, int i, JsonGenerator out) throws IOException {
      writeDouble(out, ((FloatingPointVector) in).getValueAsDouble(i));
    }
  }

  static final class BoolLeaf extends ArrowLeaf {
    BoolLeaf() {
      super(ColumnType.BOOLEAN);
    }

    @Override
    void copy(ValueVector in, int i, ColumnVector out, int row) {
      ((BooleanVector) out).set(row, ((BitVector) in).get(i) != 0);
    }

    @Override
    void json(ValueVector in, int i, JsonGenerator out) throws IOException {
      out.writeBoolean(((BitVector) in).get(i) != 0);
    }
  }

  /** Utf8, LargeUtf8, Utf8View: the UTF-8 bytes copied as they are. */
  static final class TextLeaf extends ArrowLeaf {
    TextLeaf() {
      super(ColumnType.VARCHAR);
    }

    @Override
    void copy(ValueVector in, int i, ColumnVector out, int row) {
      if (in instanceof VarCharVector v) {
        byte[] b = v.get(i); // one copy; getObject would make a Text and a String
        ((StringVector) out).set(row, b, 0, b.length);
      } else {
        Text t = (Text) in.getObject(i);
        ((StringVector) out).set(row, t.getBytes(), 0, (int) t.getLength());
      }
    }

    @Override
    void json(ValueVector in, int i, JsonGenerator out) throws IOException {
      Text t = (Text) in.getObject(i);
      out.writeString(new String(t.getBytes(), 0, (int) t.getLength(), StandardCharsets.UTF_8));
    }
  }

  /** Binary, LargeBinary, FixedSizeBinary, BinaryView: VARBINARY; base64 in JSON. */
  static final class BinaryLeaf extends ArrowLeaf {
    BinaryLeaf() {
      super(ColumnType.VARBINARY);
    }

    @Override
    void copy(ValueVector in, int i, ColumnVector out, int row) {
      ((ObjectVector) out).set(row, new ByteString((byte[]) in.getObject(i)));
    }

    @Override
    void json(ValueVector in, int i, JsonGenerator out) throws IOException {
      out.writeBinary((byte[]) in.getObject(i));
    }
  }

  /** Decimal128/256: up to 18 digits as an unscaled long, wider as BigDecimal. */
  static final class DecimalLeaf extends ArrowLeaf {
    DecimalLeaf(int precision, int scale) {
      super(ColumnType.DECIMAL, precision, scale);
    }

    @Override
    void copy(ValueVector in, int i, ColumnVector out, int row) {
      if (out instanceof LongVector lv && in instanceof DecimalVector d) {
        // little-endian 128-bit two's complement: the low 64 bits are the value when it fits
        lv.set(row, d.getDataBuffer().getLong((long) i * DecimalVector.TYPE_WIDTH));
      } else if (out instanceof LongVector lv) {
        lv.set(row, ((BigDecimal) in.getObject(i)).unscaledValue().longValueExact());
      } else {
        ((ObjectVector) out).set(row, in.getObject(i));
      }
    }

    @Override
    void json(ValueVector in, int i, JsonGenerator out) throws IOException {
      out.writeNumber((BigDecimal) in.getObject(i));
    }
  }

  /** Date32 (days) and Date64 (millis, floored to the day). */
  static final class DateLeaf extends ArrowLeaf {
    DateLeaf() {
      super(ColumnType.DATE);
    }

    static long days(ValueVector in, int i) {
      return in instanceof DateDayVector d ? d.get(i) : Math.floorDiv(((DateMilliVector) in).get(i), 86_400_000L);
    }

    @Override
    void copy(ValueVector in, int i, ColumnVector out, int row) {
      ((LongVector) out).set(row, days(in, i));
    }

    @Override
    void json(ValueVector in, int i, JsonGenerator out) throws IOException {
      out.writeString(LocalDate.ofEpochDay(days(in, i)).toString());
    }
  }

  /** Time32/Time64 in any unit: millis of the day (micros and nanos floored). */
  static final class TimeLeaf extends ArrowLeaf {
    private final TimeUnit unit;

    TimeLeaf(TimeUnit unit) {
      super(ColumnType.TIME);
      this.unit = unit;
    }

    static long raw(ValueVector in, int i) {
      return ((Number) rawObject(in, i)).longValue();
    }

    private static Object rawObject(ValueVector in, int i) {
      if (in instanceof BaseIntVector b) {
        return b.getValueAsLong(i); // not the case for time vectors, kept for safety
      }
      if (in instanceof org.apache.arrow.vector.TimeSecVector v) {
        return v.get(i);
      }
      if (in instanceof org.apache.arrow.vector.TimeMilliVector v) {
        return v.get(i);
      }
      if (in instanceof org.apache.arrow.vector.TimeMicroVector v) {
        return v.get(i);
      }
      return ((org.apache.arrow.vector.TimeNanoVector) in).get(i);
    }

    @Override
    void copy(ValueVector in, int i, ColumnVector out, int row) {
      ((LongVector) out).set(row, toMillis(raw(in, i), unit));
    }

    @Override
    void json(ValueVector in, int i, JsonGenerator out) throws IOException {
      Instant t = toInstant(raw(in, i), unit);
      out.writeString(LocalTime.ofNanoOfDay(t.getEpochSecond() * 1_000_000_000L + t.getNano()).toString());
    }
  }

  /** Timestamp in any unit, with or without zone: epoch millis UTC (sub-millis floored). */
  static final class TimestampLeaf extends ArrowLeaf {
    private final TimeUnit unit;

    TimestampLeaf(TimeUnit unit) {
      super(ColumnType.TIMESTAMP);
      this.unit = unit;
    }

    @Override
    void copy(ValueVector in, int i, ColumnVector out, int row) {
      ((LongVector) out).set(row, toMillis(((TimeStampVector) in).get(i), unit));
    }

    @Override
    void json(ValueVector in, int i, JsonGenerator out) throws IOException {
      out.writeString(LocalDateTime.ofInstant(toInstant(((TimeStampVector) in).get(i), unit), ZoneOffset.UTC).toString());
    }
  }

  /** Duration and Interval: ISO 8601 text (PT1H30M, P1Y2M, ...); SQL has no type for all of them. */
  static final class IsoTextLeaf extends ArrowLeaf {
    IsoTextLeaf() {
      super(ColumnType.VARCHAR);
    }

    @Override
    void copy(ValueVector in, int i, ColumnVector out, int row) {
      ((StringVector) out).set(row, in.getObject(i).toString());
    }

    @Override
    void json(ValueVector in, int i, JsonGenerator out) throws IOException {
      out.writeString(in.getObject(i).toString());
    }
  }

  /** The Null type: a column that is NULL in every row. */
  static final class NullLeaf extends ArrowLeaf {
    NullLeaf() {
      super(ColumnType.VARCHAR);
    }

    @Override
    void copy(ValueVector in, int i, ColumnVector out, int row) {
      out.setNull(row);
    }

    @Override
    void json(ValueVector in, int i, JsonGenerator out) throws IOException {
      out.writeNull();
    }
  }
}
