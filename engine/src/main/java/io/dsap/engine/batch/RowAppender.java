package io.dsap.engine.batch;

import io.dsap.engine.types.ColumnSpec;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.avatica.util.ByteString;

/**
 * Builds batches one row at a time for row-oriented formats (JSON, XML, Excel, ...): set the
 * values of a row by file column, then {@link #commit} or {@link #rollback} it. Columns outside
 * the projection are checked but not stored, so a row is rejected the same way whichever columns
 * a query reads.
 */
public final class RowAppender {
  private final ColumnSpec[] columns;
  private final int[] vectorOf;
  private final ColumnVector[] vectors;
  private final Batch batch;
  private final TextValues text = new TextValues();
  private final boolean[] touched;
  private int row;

  public RowAppender(List<ColumnSpec> columns, int[] projection, int capacity) {
    this.columns = columns.toArray(new ColumnSpec[0]);
    this.vectorOf = new int[this.columns.length];
    Arrays.fill(vectorOf, -1);
    this.vectors = new ColumnVector[projection.length];
    for (int k = 0; k < projection.length; k++) {
      vectorOf[projection[k]] = k;
      vectors[k] = ColumnVector.of(this.columns[projection[k]], capacity);
    }
    this.batch = new Batch(vectors, capacity);
    this.touched = new boolean[projection.length];
  }

  /** The batch being filled; its row count is set by {@link #finish()}. */
  public Batch batch() {
    return batch;
  }

  public boolean full() {
    return row == batch.capacity();
  }

  public int rows() {
    return row;
  }

  /** Starts a new batch (the previous one is reused). */
  public void reset() {
    batch.setRowCount(row);
    batch.reset();
    row = 0;
  }

  /** Publishes the rows committed so far as the batch's row count and returns the batch. */
  public Batch finish() {
    batch.setRowCount(row);
    return batch;
  }

  public ColumnSpec column(int c) {
    return columns[c];
  }

  /** Sets column {@code c} of the current row from text; returns null or the reject reason. */
  public String text(int c, String value) {
    if (value == null) {
      nul(c);
      return null;
    }
    String problem = text.write(columns[c], vector(c), row, value);
    return problem == null ? null : TextValues.reason(columns[c], value, problem);
  }

  public void nul(int c) {
    ColumnVector v = vector(c);
    if (v != null) {
      v.setNull(row);
    }
  }

  /**
   * Sets column {@code c} from a typed Java value: Number, Boolean, String (parsed as text),
   * BigDecimal, LocalDate, LocalDateTime, Instant, LocalTime, byte[] or ByteString. Returns null,
   * or the reject reason when the value does not fit the column.
   */
  public String value(int c, Object value) {
    if (value == null) {
      nul(c);
      return null;
    }
    if (value instanceof String s) {
      return text(c, s);
    }
    ColumnSpec spec = columns[c];
    ColumnVector v = vector(c);
    try {
      switch (spec.type()) {
        case BOOLEAN:
          if (!(value instanceof Boolean b)) {
            return TextValues.reason(spec, value.toString(), "is not true or false");
          }
          if (v != null) {
            ((BooleanVector) v).set(row, b);
          }
          return null;
        case INTEGER:
        case BIGINT: {
          long x = exactLong(value);
          if (spec.type() == io.dsap.engine.types.ColumnType.INTEGER && (x < Integer.MIN_VALUE || x > Integer.MAX_VALUE)) {
            return TextValues.reason(spec, value.toString(), "is outside the INTEGER range; read the column as BIGINT"
                + " (types => '" + spec.name() + ":BIGINT')");
          }
          if (v != null) {
            ((LongVector) v).set(row, x);
          }
          return null;
        }
        case DOUBLE:
          if (!(value instanceof Number n)) {
            return TextValues.reason(spec, value.toString(), "is not a number");
          }
          if (v != null) {
            ((DoubleVector) v).set(row, n.doubleValue());
          }
          return null;
        case DECIMAL: {
          BigDecimal d = value instanceof BigDecimal bd ? bd : new BigDecimal(value.toString());
          BigDecimal scaled = d.setScale(spec.scale(), RoundingMode.UNNECESSARY);
          if (scaled.precision() > spec.precision()) {
            return TextValues.reason(spec, value.toString(), "has more than " + spec.precision() + " digits");
          }
          if (v instanceof LongVector lv) {
            lv.set(row, scaled.unscaledValue().longValueExact());
          } else if (v != null) {
            ((ObjectVector) v).set(row, scaled);
          }
          return null;
        }
        case DATE: {
          long day = value instanceof LocalDate d ? d.toEpochDay()
              : value instanceof LocalDateTime t ? t.toLocalDate().toEpochDay() : Long.MIN_VALUE;
          if (day == Long.MIN_VALUE) {
            return TextValues.reason(spec, value.toString(), "is not a date");
          }
          if (v != null) {
            ((LongVector) v).set(row, day);
          }
          return null;
        }
        case TIMESTAMP: {
          long millis = value instanceof LocalDateTime t ? t.toInstant(ZoneOffset.UTC).toEpochMilli()
              : value instanceof Instant i ? i.toEpochMilli()
              : value instanceof LocalDate d ? d.toEpochDay() * 86_400_000L : Long.MIN_VALUE;
          if (millis == Long.MIN_VALUE) {
            return TextValues.reason(spec, value.toString(), "is not a timestamp");
          }
          if (v != null) {
            ((LongVector) v).set(row, millis);
          }
          return null;
        }
        case TIME: {
          if (!(value instanceof LocalTime t)) {
            return TextValues.reason(spec, value.toString(), "is not a time of day");
          }
          if (v != null) {
            ((LongVector) v).set(row, t.toNanoOfDay() / 1_000_000L);
          }
          return null;
        }
        case VARBINARY: {
          ByteString bytes = value instanceof byte[] b ? new ByteString(b)
              : value instanceof ByteString bs ? bs : null;
          if (bytes == null) {
            return TextValues.reason(spec, value.toString(), "is not binary");
          }
          if (v != null) {
            ((ObjectVector) v).set(row, bytes);
          }
          return null;
        }
        default:
          if (v != null) {
            ((StringVector) v).set(row, value.toString());
          }
          return null;
      }
    } catch (ArithmeticException | NumberFormatException e) {
      return TextValues.reason(spec, value.toString(), "does not fit " + spec.typeText());
    }
  }

  private static long exactLong(Object value) {
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigDecimal d) {
      return d.longValueExact();
    }
    if (value instanceof java.math.BigInteger i) {
      return i.longValueExact();
    }
    if (value instanceof Number n) {
      double d = n.doubleValue();
      if (d == Math.rint(d) && Math.abs(d) < 9.007199254740992E15) {
        return (long) d;
      }
    }
    throw new NumberFormatException(value.toString());
  }

  /**
   * Keeps the current row; {@code line} and {@code offset} say where it came from (-1 if
   * unknown). Columns not set for this row are NULL.
   */
  public void commit(long line, long offset) {
    for (int k = 0; k < vectors.length; k++) {
      if (!touched[k]) {
        vectors[k].setNull(row);
      }
      touched[k] = false;
    }
    batch.setProvenance(row, line, offset);
    row++;
  }

  /** Drops the values set for the current row (it is being rejected). */
  public void rollback() {
    for (ColumnVector v : vectors) {
      if (v instanceof StringVector sv) {
        sv.truncate(row);
      }
      v.clearNull(row);
    }
    Arrays.fill(touched, false);
  }

  private ColumnVector vector(int c) {
    int k = vectorOf[c];
    if (k < 0) {
      return null;
    }
    touched[k] = true;
    return vectors[k];
  }
}
