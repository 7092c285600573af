package io.dsap.engine.validate;

import io.dsap.engine.batch.Batch;
import io.dsap.engine.batch.ColumnVector;
import io.dsap.engine.types.ColumnSpec;
import java.util.List;

/**
 * One batch of rows as checks see it: every column of the file (in file order), each row's line
 * and its record number (rejected records count, so numbers match the file).
 */
public final class Rows {
  private final List<ColumnSpec> columns;
  private final int[] position; // file column -> its vector in the batch, -1 when not read
  private Batch batch;
  private long[] rowNumbers = new long[0];
  private long lineDelta;

  /** Batches holding every column, in file order. */
  public Rows(List<ColumnSpec> columns) {
    this(columns, null);
  }

  /**
   * Batches holding the columns {@code read} (file positions, ascending; null: all), in that order;
   * the others are not there ({@link #column} gives null).
   */
  Rows(List<ColumnSpec> columns, int[] read) {
    this.columns = List.copyOf(columns);
    this.position = new int[columns.size()];
    java.util.Arrays.fill(position, -1);
    for (int k = 0; k < (read == null ? position.length : read.length); k++) {
      position[read == null ? k : read[k]] = k;
    }
  }

  private Rows(List<ColumnSpec> columns, int[] position, boolean copy) {
    this.columns = columns;
    this.position = position;
  }

  /** A view of batches with the same columns, for another thread. */
  Rows copy() {
    return new Rows(columns, position, true);
  }

  /** The file columns that {@code checks} read ({@link Check#columnsRead()}), ascending; null when that is all. */
  static int[] read(List<? extends Check> checks, int columnCount) {
    java.util.BitSet read = new java.util.BitSet(columnCount);
    for (Check c : checks) {
      int[] cols = c.columnsRead();
      if (cols == null) {
        return null;
      }
      for (int col : cols) {
        read.set(col);
      }
    }
    return read.cardinality() == columnCount ? null : read.stream().toArray();
  }

  void set(Batch batch, long[] rowNumbers) {
    set(batch, rowNumbers, 0);
  }

  /** A batch of a split, whose lines count from the split's start: {@code lineDelta} makes them file lines. */
  void set(Batch batch, long[] rowNumbers, long lineDelta) {
    this.batch = batch;
    this.rowNumbers = rowNumbers;
    this.lineDelta = lineDelta;
  }

  public List<ColumnSpec> columns() {
    return columns;
  }

  public int size() {
    return batch.rowCount();
  }

  public long line(int r) {
    return batch.line(r) + lineDelta;
  }

  public long rowNumber(int r) {
    return rowNumbers[r];
  }

  /** File column {@code c}'s vector, or null when the checks do not read it ({@link Check#columnsRead()}). */
  public ColumnVector column(int c) {
    int k = position[c];
    return k < 0 ? null : batch.column(k);
  }

  public boolean isNull(int r, int c) {
    return column(c).isNull(r);
  }

  /** The value in Calcite's representation (DATE as epoch day, DECIMAL as BigDecimal), or null. */
  public Object value(int r, int c) {
    return column(c).get(r);
  }

  /** The value as people read it ({@code 2024-08-08}, {@code 12.50}), or null. */
  public String text(int r, int c) {
    return Values.display(columns.get(c), value(r, c));
  }
}
