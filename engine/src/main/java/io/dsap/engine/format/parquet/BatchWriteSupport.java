package io.dsap.engine.format.parquet;

import io.dsap.engine.batch.Batch;
import io.dsap.engine.batch.BooleanVector;
import io.dsap.engine.batch.ColumnVector;
import io.dsap.engine.batch.DoubleVector;
import io.dsap.engine.batch.LongVector;
import io.dsap.engine.batch.ObjectVector;
import io.dsap.engine.batch.StringVector;
import io.dsap.engine.types.ColumnSpec;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * Hands the rows of dsap batches to parquet-java's writer, value by value, from the primitive
 * vectors (no row objects). The "record" handed to the writer is a position in a batch.
 */
final class BatchWriteSupport extends WriteSupport<BatchWriteSupport.Row> {
  /** A row of a batch: the writer's "record". */
  static final class Row {
    Batch batch;
    int row;
  }

  private final List<ColumnSpec> columns;
  private final MessageType schema;
  private final int[] decimalBytes; // FIXED_LEN_BYTE_ARRAY width of wide decimals, else 0
  private RecordConsumer out;

  BatchWriteSupport(List<ColumnSpec> columns) {
    this.columns = List.copyOf(columns);
    this.schema = ParquetWriteSchema.of(columns);
    this.decimalBytes = new int[columns.size()];
    for (int c = 0; c < columns.size(); c++) {
      ColumnSpec s = columns.get(c);
      if (s.type() == io.dsap.engine.types.ColumnType.DECIMAL && s.precision() > 18) {
        decimalBytes[c] = ParquetWriteSchema.decimalBytes(s.precision());
      }
    }
  }

  MessageType schema() {
    return schema;
  }

  @Override
  public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
    return context();
  }

  @Override
  public WriteContext init(ParquetConfiguration configuration) {
    return context();
  }

  private WriteContext context() {
    return new WriteContext(schema, Map.of("writer", "dsap"));
  }

  @Override
  public String getName() {
    return "dsap";
  }

  @Override
  public void prepareForWrite(RecordConsumer recordConsumer) {
    this.out = recordConsumer;
  }

  @Override
  public void write(Row r) {
    out.startMessage();
    for (int c = 0; c < columns.size(); c++) {
      ColumnVector v = r.batch.column(c);
      if (v.isNull(r.row)) {
        continue; // an optional field left out is NULL
      }
      String name = columns.get(c).name();
      out.startField(name, c);
      value(c, v, r.row);
      out.endField(name, c);
    }
    out.endMessage();
  }

  private void value(int c, ColumnVector v, int row) {
    ColumnSpec spec = columns.get(c);
    switch (spec.type()) {
      case BOOLEAN:
        out.addBoolean(((BooleanVector) v).value(row));
        return;
      case INTEGER:
      case DATE:
      case TIME:
        out.addInteger((int) ((LongVector) v).values()[row]);
        return;
      case BIGINT:
      case TIMESTAMP:
        out.addLong(((LongVector) v).values()[row]);
        return;
      case DOUBLE:
        out.addDouble(((DoubleVector) v).values()[row]);
        return;
      case DECIMAL:
        decimal(c, spec, v, row);
        return;
      case VARBINARY: {
        Object o = v.get(row);
        byte[] b = o instanceof ByteString bs ? bs.getBytes() : (byte[]) o;
        out.addBinary(Binary.fromConstantByteArray(b));
        return;
      }
      default: {
        StringVector s = (StringVector) v;
        // "reused": the arena is overwritten by the next batch, so Parquet copies what it keeps
        out.addBinary(Binary.fromReusedByteArray(s.data(), s.start(row), s.end(row) - s.start(row)));
      }
    }
  }

  private void decimal(int c, ColumnSpec spec, ColumnVector v, int row) {
    if (v instanceof LongVector lv) {
      long unscaled = lv.values()[row];
      if (spec.precision() <= 9) {
        out.addInteger((int) unscaled);
      } else if (spec.precision() <= 18) {
        out.addLong(unscaled);
      } else {
        out.addBinary(Binary.fromConstantByteArray(fixed(BigInteger.valueOf(unscaled), decimalBytes[c])));
      }
      return;
    }
    BigDecimal d = (BigDecimal) ((ObjectVector) v).get(row);
    BigInteger unscaled = d.setScale(spec.scale(), java.math.RoundingMode.UNNECESSARY).unscaledValue();
    if (spec.precision() <= 9) {
      out.addInteger(unscaled.intValueExact());
    } else if (spec.precision() <= 18) {
      out.addLong(unscaled.longValueExact());
    } else {
      out.addBinary(Binary.fromConstantByteArray(fixed(unscaled, decimalBytes[c])));
    }
  }

  /** Big-endian two's complement in exactly {@code n} bytes (sign-extended). */
  static byte[] fixed(BigInteger v, int n) {
    byte[] raw = v.toByteArray();
    if (raw.length > n) {
      throw new ArithmeticException("value " + v + " needs " + raw.length + " bytes, the column holds " + n);
    }
    byte[] out = new byte[n];
    byte pad = (byte) (v.signum() < 0 ? 0xff : 0);
    java.util.Arrays.fill(out, 0, n - raw.length, pad);
    System.arraycopy(raw, 0, out, n - raw.length, raw.length);
    return out;
  }
}
