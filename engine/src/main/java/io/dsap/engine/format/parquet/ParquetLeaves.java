package io.dsap.engine.format.parquet;

import com.fasterxml.jackson.core.JsonGenerator;
import io.dsap.engine.batch.BooleanVector;
import io.dsap.engine.batch.ColumnVector;
import io.dsap.engine.batch.DoubleVector;
import io.dsap.engine.batch.LongVector;
import io.dsap.engine.batch.ObjectVector;
import io.dsap.engine.batch.StringVector;
import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.types.ColumnType;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;

/**
 * The mapping from Parquet primitive types to dsap types (docs/formats-parquet-arrow.md has the
 * table), one small {@link ParquetLeaf} per physical/logical combination.
 */
final class ParquetLeaves {
  private ParquetLeaves() {}

  /**
   * The leaf for {@code p}. {@code binaryAsString}: read un-annotated BINARY as text (files from
   * old writers that did not mark strings as such).
   */
  static ParquetLeaf of(PrimitiveType p, boolean binaryAsString) {
    LogicalTypeAnnotation a = p.getLogicalTypeAnnotation();
    switch (p.getPrimitiveTypeName()) {
      case BOOLEAN:
        return new BooleanLeaf();
      case INT32:
        if (a instanceof DecimalLogicalTypeAnnotation d) {
          return new DecimalLongLeaf(d.getPrecision(), d.getScale(), true);
        }
        if (a instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
          return new DateLeaf();
        }
        if (a instanceof TimeLogicalTypeAnnotation t) {
          return new TimeLeaf(t.getUnit(), true);
        }
        if (a instanceof IntLogicalTypeAnnotation i && !i.isSigned() && i.getBitWidth() == 32) {
          return new UInt32Leaf();
        }
        return new Int32Leaf(); // plain, INT(8|16|32, signed), UINT8, UINT16
      case INT64:
        if (a instanceof DecimalLogicalTypeAnnotation d) {
          return new DecimalLongLeaf(d.getPrecision(), d.getScale(), false);
        }
        if (a instanceof TimestampLogicalTypeAnnotation t) {
          return new TimestampLeaf(t.getUnit());
        }
        if (a instanceof TimeLogicalTypeAnnotation t) {
          return new TimeLeaf(t.getUnit(), false);
        }
        if (a instanceof IntLogicalTypeAnnotation i && !i.isSigned()) {
          return new UInt64Leaf();
        }
        return new Int64Leaf();
      case INT96:
        return new Int96Leaf();
      case FLOAT:
        return new FloatLeaf();
      case DOUBLE:
        return new DoubleLeaf();
      case FIXED_LEN_BYTE_ARRAY:
        if (a instanceof LogicalTypeAnnotation.UUIDLogicalTypeAnnotation) {
          return new UuidLeaf();
        }
        if (a instanceof LogicalTypeAnnotation.Float16LogicalTypeAnnotation) {
          return new Float16Leaf();
        }
        if (a instanceof LogicalTypeAnnotation.IntervalLogicalTypeAnnotation) {
          return new IntervalLeaf();
        }
        // fall through: decimals and plain bytes are read the same way from both
      case BINARY:
      default:
        if (a instanceof DecimalLogicalTypeAnnotation d) {
          return new DecimalBinaryLeaf(d.getPrecision(), d.getScale());
        }
        if (a instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
            || a instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
            || a instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation
            || (a == null && binaryAsString && p.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.BINARY)) {
          return new StringLeaf();
        }
        return new BinaryLeaf(); // BSON, geometry, plain bytes
    }
  }

  /** Why a column got its type, for metadata remarks: the Parquet type as the file declares it. */
  static String detection(PrimitiveType p) {
    LogicalTypeAnnotation a = p.getLogicalTypeAnnotation();
    String physical = p.getPrimitiveTypeName().name()
        + (p.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY
            ? "(" + p.getTypeLength() + ")" : "");
    return "Parquet " + physical + (a == null ? "" : " " + a);
  }

  // ---- integers

  static final class Int32Leaf extends ParquetLeaf {
    Int32Leaf() {
      super(ColumnType.INTEGER);
    }

    @Override
    Pages pages() {
      return Pages.INT32;
    }

    @Override
    void decode(ColumnReader in, ColumnVector out, int row) {
      ((LongVector) out).set(row, in.getInteger());
    }

    @Override
    void json(Object raw, JsonGenerator out) throws IOException {
      out.writeNumber((Integer) raw);
    }
  }

  /** UINT32 does not fit INTEGER: widened to BIGINT. */
  static final class UInt32Leaf extends ParquetLeaf {
    UInt32Leaf() {
      super(ColumnType.BIGINT);
    }

    @Override
    Pages pages() {
      return Pages.INT32;
    }

    @Override
    long adjust(long stored) {
      return Integer.toUnsignedLong((int) stored);
    }

    @Override
    boolean adjusts() {
      return true;
    }

    @Override
    void decode(ColumnReader in, ColumnVector out, int row) {
      ((LongVector) out).set(row, Integer.toUnsignedLong(in.getInteger()));
    }

    @Override
    void json(Object raw, JsonGenerator out) throws IOException {
      out.writeNumber(Integer.toUnsignedLong((Integer) raw));
    }
  }

  static final class Int64Leaf extends ParquetLeaf {
    Int64Leaf() {
      super(ColumnType.BIGINT);
    }

    @Override
    Pages pages() {
      return Pages.INT64;
    }

    @Override
    void decode(ColumnReader in, ColumnVector out, int row) {
      ((LongVector) out).set(row, in.getLong());
    }

    @Override
    void json(Object raw, JsonGenerator out) throws IOException {
      out.writeNumber((Long) raw);
    }
  }

  /** UINT64 does not fit BIGINT: read as DECIMAL(20,0), which holds every value exactly. */
  static final class UInt64Leaf extends ParquetLeaf {
    UInt64Leaf() {
      super(ColumnType.DECIMAL, 20, 0);
    }

    static BigDecimal unsigned(long v) {
      return v >= 0 ? BigDecimal.valueOf(v) : new BigDecimal(new BigInteger(Long.toUnsignedString(v)));
    }

    @Override
    void decode(ColumnReader in, ColumnVector out, int row) {
      ((ObjectVector) out).set(row, unsigned(in.getLong()));
    }

    @Override
    void json(Object raw, JsonGenerator out) throws IOException {
      out.writeNumber(unsigned((Long) raw));
    }
  }

  // ---- floating point

  /**
   * FLOAT widened to DOUBLE through its shortest decimal text, so 0.1f reads as 0.1 (what the
   * writer meant) and not as 0.10000000149011612.
   */
  static final class FloatLeaf extends ParquetLeaf {
    FloatLeaf() {
      super(ColumnType.DOUBLE);
    }

    static double widen(float f) {
      return Double.parseDouble(Float.toString(f));
    }

    @Override
    void decode(ColumnReader in, ColumnVector out, int row) {
      ((DoubleVector) out).set(row, widen(in.getFloat()));
    }

    @Override
    void json(Object raw, JsonGenerator out) throws IOException {
      writeDouble(out, widen((Float) raw));
    }
  }

  static final class DoubleLeaf extends ParquetLeaf {
    DoubleLeaf() {
      super(ColumnType.DOUBLE);
    }

    @Override
    Pages pages() {
      return Pages.DOUBLE;
    }

    @Override
    void decode(ColumnReader in, ColumnVector out, int row) {
      ((DoubleVector) out).set(row, in.getDouble());
    }

    @Override
    void json(Object raw, JsonGenerator out) throws IOException {
      writeDouble(out, (Double) raw);
    }
  }

  /** IEEE half precision (FLOAT16), widened exactly. */
  static final class Float16Leaf extends ParquetLeaf {
    Float16Leaf() {
      super(ColumnType.DOUBLE);
    }

    static double half(Binary b) {
      ByteBuffer buf = b.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
      int h = buf.getShort(buf.position()) & 0xffff;
      int sign = (h >>> 15) == 0 ? 1 : -1;
      int exp = (h >>> 10) & 0x1f;
      int frac = h & 0x3ff;
      if (exp == 0) {
        return sign * Math.scalb((double) frac, -24); // subnormal
      }
      if (exp == 31) {
        return frac == 0 ? sign * Double.POSITIVE_INFINITY : Double.NaN;
      }
      return sign * Math.scalb(1024.0 + frac, exp - 25);
    }

    @Override
    void decode(ColumnReader in, ColumnVector out, int row) {
      ((DoubleVector) out).set(row, half(in.getBinary()));
    }

    @Override
    void json(Object raw, JsonGenerator out) throws IOException {
      writeDouble(out, half((Binary) raw));
    }
  }

  static void writeDouble(JsonGenerator out, double d) throws IOException {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      out.writeString(Double.toString(d)); // JSON has no NaN or Infinity
    } else {
      out.writeNumber(d);
    }
  }

  static final class BooleanLeaf extends ParquetLeaf {
    BooleanLeaf() {
      super(ColumnType.BOOLEAN);
    }

    @Override
    void decode(ColumnReader in, ColumnVector out, int row) {
      ((BooleanVector) out).set(row, in.getBoolean());
    }

    @Override
    void json(Object raw, JsonGenerator out) throws IOException {
      out.writeBoolean((Boolean) raw);
    }
  }

  // ---- decimals

  /** DECIMAL stored as INT32 or INT64: the stored integer is the unscaled value. */
  static final class DecimalLongLeaf extends ParquetLeaf {
    private final boolean int32;

    DecimalLongLeaf(int precision, int scale, boolean int32) {
      super(ColumnType.DECIMAL, precision, scale);
      this.int32 = int32;
    }

    @Override
    Pages pages() {
      if (precision > ColumnSpec.LONG_DECIMAL_PRECISION) {
        return null; // an out-of-spec precision: held as BigDecimal
      }
      return int32 ? Pages.INT32 : Pages.INT64;
    }

    @Override
    void decode(ColumnReader in, ColumnVector out, int row) {
      long unscaled = int32 ? in.getInteger() : in.getLong();
      if (out instanceof LongVector lv) {
        lv.set(row, unscaled);
      } else {
        ((ObjectVector) out).set(row, BigDecimal.valueOf(unscaled, scale));
      }
    }

    @Override
    void json(Object raw, JsonGenerator out) throws IOException {
      out.writeNumber(BigDecimal.valueOf(((Number) raw).longValue(), scale));
    }
  }

  /** DECIMAL stored as big-endian two's complement bytes (BINARY or FIXED_LEN_BYTE_ARRAY). */
  static final class DecimalBinaryLeaf extends ParquetLeaf {
    DecimalBinaryLeaf(int precision, int scale) {
      super(ColumnType.DECIMAL, precision, scale);
    }

    /** The unscaled value when it has at most 18 digits (then it fits a long). */
    static long unscaledLong(Binary b) {
      ByteBuffer buf = b.toByteBuffer();
      int p = buf.position();
      int n = buf.remaining();
      long v = n == 0 ? 0 : buf.get(p); // sign-extended first byte
      for (int i = 1; i < n; i++) {
        v = (v << 8) | (buf.get(p + i) & 0xff);
      }
      return v;
    }

    @Override
    void decode(ColumnReader in, ColumnVector out, int row) {
      Binary b = in.getBinary();
      if (out instanceof LongVector lv) {
        lv.set(row, unscaledLong(b));
      } else {
        ((ObjectVector) out).set(row, new BigDecimal(new BigInteger(b.getBytes()), scale));
      }
    }

    @Override
    void json(Object raw, JsonGenerator out) throws IOException {
      out.writeNumber(new BigDecimal(new BigInteger(((Binary) raw).getBytes()), scale));
    }
  }

  // ---- dates and times

  static final class DateLeaf extends ParquetLeaf {
    DateLeaf() {
      super(ColumnType.DATE);
    }

    @Override
    Pages pages() {
      return Pages.INT32;
    }

    @Override
    void decode(ColumnReader in, ColumnVector out, int row) {
      ((LongVector) out).set(row, in.getInteger());
    }

    @Override
    void json(Object raw, JsonGenerator out) throws IOException {
      out.writeString(LocalDate.ofEpochDay((Integer) raw).toString());
    }
  }

  /** TIME in millis (INT32), micros or nanos (INT64): dsap keeps milliseconds. */
  static final class TimeLeaf extends ParquetLeaf {
    private final TimeUnit unit;
    private final boolean int32;

    TimeLeaf(TimeUnit unit, boolean int32) {
      super(ColumnType.TIME);
      this.unit = unit;
      this.int32 = int32;
    }

    @Override
    void decode(ColumnReader in, ColumnVector out, int row) {
      long v = int32 ? in.getInteger() : in.getLong();
      ((LongVector) out).set(row, ParquetTime.toMillis(v, unit));
    }

    @Override
    void json(Object raw, JsonGenerator out) throws IOException {
      long v = ((Number) raw).longValue();
      long nanos = unit == TimeUnit.MILLIS ? v * 1_000_000L : unit == TimeUnit.MICROS ? v * 1_000L : v;
      out.writeString(LocalTime.ofNanoOfDay(nanos).toString());
    }
  }

  /**
   * TIMESTAMP in millis, micros or nanos, whether or not isAdjustedToUTC: both become a SQL
   * TIMESTAMP holding the stored instant's UTC wall time (see the docs).
   */
  static final class TimestampLeaf extends ParquetLeaf {
    private final TimeUnit unit;

    TimestampLeaf(TimeUnit unit) {
      super(ColumnType.TIMESTAMP);
      this.unit = unit;
    }

    @Override
    Pages pages() {
      return Pages.INT64;
    }

    @Override
    long adjust(long stored) {
      return ParquetTime.toMillis(stored, unit);
    }

    @Override
    boolean adjusts() {
      return true;
    }

    @Override
    void decode(ColumnReader in, ColumnVector out, int row) {
      ((LongVector) out).set(row, ParquetTime.toMillis(in.getLong(), unit));
    }

    @Override
    void json(Object raw, JsonGenerator out) throws IOException {
      out.writeString(ParquetTime.text(ParquetTime.toInstant((Long) raw, unit)));
    }
  }

  /** Legacy INT96 timestamps (Spark, Impala, Hive), read as UTC. */
  static final class Int96Leaf extends ParquetLeaf {
    Int96Leaf() {
      super(ColumnType.TIMESTAMP);
    }

    @Override
    void decode(ColumnReader in, ColumnVector out, int row) {
      ((LongVector) out).set(row, ParquetTime.int96ToMillis(in.getBinary()));
    }

    @Override
    void json(Object raw, JsonGenerator out) throws IOException {
      out.writeString(ParquetTime.text(ParquetTime.int96ToInstant((Binary) raw)));
    }
  }

  /**
   * INTERVAL (FIXED_LEN_BYTE_ARRAY(12): months, days, milliseconds as little-endian unsigned
   * ints) as ISO 8601 duration text, e.g. {@code P14M3DT0.5S}: SQL has no type that holds all
   * three parts.
   */
  static final class IntervalLeaf extends ParquetLeaf {
    IntervalLeaf() {
      super(ColumnType.VARCHAR);
    }

    static String text(Binary b) {
      ByteBuffer buf = b.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
      int p = buf.position();
      long months = buf.getInt(p) & 0xffffffffL;
      long days = buf.getInt(p + 4) & 0xffffffffL;
      long millis = buf.getInt(p + 8) & 0xffffffffL;
      return "P" + months + "M" + days + "DT" + BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString() + "S";
    }

    @Override
    void decode(ColumnReader in, ColumnVector out, int row) {
      ((StringVector) out).set(row, text(in.getBinary()));
    }

    @Override
    void json(Object raw, JsonGenerator out) throws IOException {
      out.writeString(text((Binary) raw));
    }
  }

  // ---- text and bytes

  /** STRING, ENUM, JSON (and BINARY with binary_as_string): UTF-8 bytes copied as they are. */
  static final class StringLeaf extends ParquetLeaf {
    private byte[] scratch = new byte[256];

    StringLeaf() {
      super(ColumnType.VARCHAR);
    }

    @Override
    Pages pages() {
      return Pages.STRING;
    }

    @Override
    void decode(ColumnReader in, ColumnVector out, int row) {
      ByteBuffer b = in.getBinary().toByteBuffer();
      int n = b.remaining();
      if (b.hasArray()) {
        int s = b.arrayOffset() + b.position();
        ((StringVector) out).set(row, b.array(), s, s + n);
      } else {
        if (scratch.length < n) {
          scratch = new byte[Math.max(n, scratch.length * 2)];
        }
        b.duplicate().get(scratch, 0, n);
        ((StringVector) out).set(row, scratch, 0, n);
      }
    }

    @Override
    void json(Object raw, JsonGenerator out) throws IOException {
      out.writeString(((Binary) raw).toStringUsingUTF8());
    }
  }

  /** Bytes without a text annotation (BINARY, FIXED_LEN_BYTE_ARRAY, BSON): VARBINARY; base64 in JSON. */
  static final class BinaryLeaf extends ParquetLeaf {
    BinaryLeaf() {
      super(ColumnType.VARBINARY);
    }

    @Override
    void decode(ColumnReader in, ColumnVector out, int row) {
      ((ObjectVector) out).set(row, new ByteString(in.getBinary().getBytes()));
    }

    @Override
    void json(Object raw, JsonGenerator out) throws IOException {
      out.writeBinary(((Binary) raw).getBytes());
    }
  }

  /** UUID (FIXED_LEN_BYTE_ARRAY(16)) as its usual text form, 8-4-4-4-12 lower-case hex. */
  static final class UuidLeaf extends ParquetLeaf {
    UuidLeaf() {
      super(ColumnType.VARCHAR);
    }

    static String text(Binary b) {
      ByteBuffer buf = b.toByteBuffer();
      int p = buf.position();
      return new UUID(buf.getLong(p), buf.getLong(p + 8)).toString();
    }

    @Override
    void decode(ColumnReader in, ColumnVector out, int row) {
      ((StringVector) out).set(row, text(in.getBinary()));
    }

    @Override
    void json(Object raw, JsonGenerator out) throws IOException {
      out.writeString(text((Binary) raw));
    }
  }

  /** The spec of a column read as JSON text (nested and repeated fields). */
  static ColumnSpec nestedSpec(String name, String detection) {
    return ColumnSpec.varchar(name, detection);
  }
}
