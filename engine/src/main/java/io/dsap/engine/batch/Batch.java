package io.dsap.engine.batch;

/**
 * A group of rows in columnar form, with where each row came from (line and byte offset) so a
 * later check can point at it. Readers whose rows are numbered consecutively (Parquet) state the
 * provenance once per batch ({@link #setSequentialProvenance}) instead of writing two longs per row
 * that an aggregate never reads.
 */
public final class Batch {
  private final ColumnVector[] columns;
  private final long[] lines;
  private final long[] offsets;
  private int rowCount;
  private boolean sequential; // lines are firstLine, firstLine + 1, ...; every offset is sequentialOffset
  private long firstLine;
  private long sequentialOffset;

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
    return sequential ? firstLine + r : lines[r];
  }

  public long byteOffset(int r) {
    return sequential ? sequentialOffset : offsets[r];
  }

  /**
   * Row {@code r} of this batch came from line {@code firstLine + r} at {@code offset}, until the
   * next {@link #reset}; per-row {@link #setProvenance} calls are not mixed with this in one batch.
   */
  public void setSequentialProvenance(long firstLine, long offset) {
    this.sequential = true;
    this.firstLine = firstLine;
    this.sequentialOffset = offset;
  }

  public void setProvenance(int r, long line, long offset) {
    if (sequential) {
      throw new IllegalStateException("per-row provenance in a batch with sequential provenance");
    }
    lines[r] = line;
    offsets[r] = offset;
  }

  /** Copies the provenance of row {@code from} to row {@code to} (see {@link ColumnVector#moveRow}). */
  public void moveProvenance(int from, int to) {
    if (!sequential) {
      lines[to] = lines[from];
      offsets[to] = offsets[from];
    }
  }

  public void reset() {
    for (ColumnVector c : columns) {
      c.reset(rowCount);
    }
    rowCount = 0;
    sequential = false;
  }
}
