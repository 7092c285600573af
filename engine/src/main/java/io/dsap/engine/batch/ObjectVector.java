package io.dsap.engine.batch;

import io.dsap.engine.types.ColumnType;

/**
 * Values that have no primitive form: wide decimals ({@code BigDecimal}) and binary
 * ({@code org.apache.calcite.avatica.util.ByteString}). Rare, so objects are fine.
 */
public final class ObjectVector extends ColumnVector {
  private final Object[] values;

  ObjectVector(ColumnType type, int capacity) {
    super(type, capacity);
    this.values = new Object[capacity];
  }

  public void set(int row, Object v) {
    values[row] = v;
  }

  @Override
  public void reset(int rows) {
    super.reset(rows);
    java.util.Arrays.fill(values, 0, rows, null);
  }

  @Override
  public void moveRow(int from, int to) {
    super.moveRow(from, to);
    values[to] = values[from];
    values[from] = null;
  }

  @Override
  public Object get(int row) {
    return nulls[row] ? null : values[row];
  }
}
