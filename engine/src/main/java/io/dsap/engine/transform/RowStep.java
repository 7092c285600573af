package io.dsap.engine.transform;

import java.util.function.UnaryOperator;

/**
 * One step of the apply pass, run on each row in turn. It may change values in place, fill
 * columns that earlier steps added, or remove the row. The runner records what it did in its
 * {@link StepStats} (one per watched column, or one for the rows).
 */
abstract class RowStep {
  final StepStats stats;
  /** The column the stats watch, or -1 for a row-level step. */
  final int column;

  RowStep(StepStats stats, int column) {
    this.stats = stats;
    this.column = column;
  }

  /** Applies the step; false removes the row. */
  abstract boolean apply(Object[] row);

  /** Runs the step and records it. */
  final boolean run(Object[] row) {
    if (column < 0) {
      boolean kept = apply(row);
      stats.recordRow(kept);
      return kept;
    }
    Object was = row[column];
    boolean kept = apply(row);
    stats.record(was, row[column], kept);
    return kept;
  }

  /** A step that maps one column's values. */
  static RowStep map(StepStats stats, int column, UnaryOperator<Object> f) {
    return new RowStep(stats, column) {
      @Override
      boolean apply(Object[] row) {
        row[column] = f.apply(row[column]);
        return true;
      }
    };
  }
}
