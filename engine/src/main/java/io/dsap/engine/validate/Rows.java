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
  private Batch batch;
  private long[] rowNumbers = new long[0];
  private long lineDelta;

  public Rows(List<ColumnSpec> columns) {
    this.columns = List.copyOf(columns);
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

  public ColumnVector column(int c) {
    return batch.column(c);
  }

  public boolean isNull(int r, int c) {
    return batch.column(c).isNull(r);
  }

  /** The value in Calcite's representation (DATE as epoch day, DECIMAL as BigDecimal), or null. */
  public Object value(int r, int c) {
    return batch.column(c).get(r);
  }

  /** The value as people read it ({@code 2024-08-08}, {@code 12.50}), or null. */
  public String text(int r, int c) {
    return Values.display(columns.get(c), value(r, c));
  }
}
