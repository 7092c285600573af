package io.dsap.engine.batch;

import io.dsap.engine.types.ColumnType;

/**
 * One column of a {@link Batch}: values in primitive arrays plus a null mask, so numeric cells
 * never become objects until a row is handed to SQL.
 */
public abstract class ColumnVector {
  protected final ColumnType type;
  protected boolean[] nulls;
  private boolean anyNull; // a row was set null since the last reset: loops over values may skip the mask when not

  protected ColumnVector(ColumnType type, int capacity) {
    this.type = type;
    this.nulls = new boolean[capacity];
  }

  public ColumnType type() {
    return type;
  }

  public boolean isNull(int row) {
    return nulls[row];
  }

  public void setNull(int row) {
    nulls[row] = true;
    anyNull = true;
  }

  /** False when no row was set null since the vector was last reset (true may still mean no null). */
  public boolean mayHaveNulls() {
    return anyNull;
  }

  /**
   * Copies row {@code from} over row {@code to}, an earlier one: a reader drops the rows it
   * rejected after it has written a batch column by column.
   */
  public void moveRow(int from, int to) {
    nulls[to] = nulls[from];
  }

  /** Forgets a row that is being rolled back. */
  public void clearNull(int row) {
    nulls[row] = false;
  }

  /** Clears the null mask before the batch is refilled (nothing to clear when no row was set null). */
  public void reset(int rows) {
    if (anyNull) {
      java.util.Arrays.fill(nulls, 0, rows, false);
    }
    anyNull = false;
  }

  /** The value as the Java object Calcite expects for this column's SQL type, or null. */
  public abstract Object get(int row);

  /** Creates the vector that holds values of {@code spec}'s type. */
  public static ColumnVector of(io.dsap.engine.types.ColumnSpec spec, int capacity) {
    switch (spec.type()) {
      case BOOLEAN: return new BooleanVector(capacity);
      case DOUBLE: return new DoubleVector(capacity);
      case VARCHAR: return new StringVector(capacity);
      case VARBINARY: return new ObjectVector(spec.type(), capacity);
      case DECIMAL:
        return spec.precision() > io.dsap.engine.types.ColumnSpec.LONG_DECIMAL_PRECISION
            ? new ObjectVector(spec.type(), capacity) : new LongVector(spec.type(), spec.scale(), capacity);
      default: return new LongVector(spec.type(), spec.scale(), capacity);
    }
  }
}
