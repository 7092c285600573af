package io.dsap.engine.batch;

import io.dsap.engine.types.ColumnType;

/** DOUBLE values. */
public final class DoubleVector extends ColumnVector {
  private final double[] values;

  DoubleVector(int capacity) {
    super(ColumnType.DOUBLE, capacity);
    this.values = new double[capacity];
  }

  public double[] values() {
    return values;
  }

  public void set(int row, double v) {
    values[row] = v;
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
