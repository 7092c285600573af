package io.dsap.engine.batch;

/**
 * A group of rows in columnar form, with where each row came from (line and byte offset) so a
 * later check can point at it.
 */
public final class Batch {
  private final ColumnVector[] columns;
  private final long[] lines;
  private final long[] offsets;
  private int rowCount;

  public Batch(ColumnVector[] columns, int capacity) {
    this.columns = columns;
    this.lines = new long[capacity];
    this.offsets = new long[capacity];
  }

  public int capacity() {
    return lines.length;
  }

  public int rowCount() {
    return rowCount;
  }

  public void setRowCount(int n) {
    rowCount = n;
  }

  /** The projected columns, in projection order. */
  public ColumnVector column(int i) {
    return columns[i];
  }

  public int columnCount() {
    return columns.length;
  }

  /** 1-based line on which row {@code r} starts. */
  public long line(int r) {
    return lines[r];
  }

  public long byteOffset(int r) {
    return offsets[r];
  }

  public void setProvenance(int r, long line, long offset) {
    lines[r] = line;
    offsets[r] = offset;
  }

  public void reset() {
    for (ColumnVector c : columns) {
      c.reset(rowCount);
    }
    rowCount = 0;
  }
}
