package io.dsap.engine.batch;

import io.dsap.engine.types.ColumnType;

/** BOOLEAN values. */
public final class BooleanVector extends ColumnVector {
  private final boolean[] values;

  BooleanVector(int capacity) {
    super(ColumnType.BOOLEAN, capacity);
    this.values = new boolean[capacity];
  }

  public void set(int row, boolean v) {
    values[row] = v;
  }

  public boolean value(int row) {
    return values[row];
  }

  @Override
  public void moveRow(int from, int to) {
    super.moveRow(from, to);
    values[to] = values[from];
  }

  @Override
  public Object get(int row) {
    return nulls[row] ? null : values[row];
  }
}
