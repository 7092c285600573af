package io.dsap.engine.filter;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * A {@code WHERE} condition (or the part of one) that a file scan evaluates itself, over the
 * vectors of each batch, so that only the rows that pass become SQL rows. Immutable and shared by
 * the threads of a scan; each thread evaluates through its own {@link #bind bound} evaluator.
 */
public final class RowFilter {
  private final Expr condition;
  private final int[] columns;

  public RowFilter(Expr condition) {
    if (condition.kind() != Expr.Kind.BOOL) {
      throw new IllegalArgumentException("a filter is a condition, not " + condition);
    }
    this.condition = condition;
    TreeSet<Integer> used = new TreeSet<>();
    condition.columns(used);
    this.columns = used.stream().mapToInt(Integer::intValue).toArray();
  }

  public Expr condition() {
    return condition;
  }

  /** The table columns the condition reads, ascending. */
  public int[] columns() {
    return columns.clone();
  }

  /**
   * An evaluator over batches of {@code projection} (table column indexes, in batch order), which
   * must hold every column of {@link #columns()}.
   */
  public Evaluator bind(int[] projection) {
    Map<Integer, Integer> positions = new HashMap<>();
    for (int i = 0; i < projection.length; i++) {
      positions.putIfAbsent(projection[i], i);
    }
    for (int c : columns) {
      if (!positions.containsKey(c)) {
        throw new IllegalArgumentException("the scan does not read column " + c + " of the filter " + condition);
      }
    }
    return new Evaluator(condition, positions);
  }

  @Override
  public String toString() {
    return condition.toString();
  }
}
