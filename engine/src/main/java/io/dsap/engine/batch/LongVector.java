package io.dsap.engine.batch;

import io.dsap.engine.types.ColumnType;
import java.math.BigDecimal;

/**
 * 64-bit values: INTEGER, BIGINT, DATE (days since epoch), TIMESTAMP (millis since epoch), TIME
 * (millis of the day) and DECIMAL up to 18 digits (unscaled, at a fixed scale).
 */
public final class LongVector extends ColumnVector {
  private final long[] values;
  private final int scale;

  LongVector(ColumnType type, int scale, int capacity) {
    super(type, capacity);
    this.values = new long[capacity];
    this.scale = scale;
  }

  public long[] values() {
    return values;
  }

  public int scale() {
    return scale;
  }

  public void set(int row, long v) {
    values[row] = v;
  }

  @Override
  public void moveRow(int from, int to) {
    super.moveRow(from, to);
    values[to] = values[from];
  }

  @Override
  public Object get(int row) {
    if (nulls[row]) {
      return null;
    }
    long v = values[row];
    switch (type) {
      case INTEGER:
      case DATE:
      case TIME:
        return (int) v;
      case DECIMAL:
        return BigDecimal.valueOf(v, scale);
      default:
        return v;
    }
  }
}
