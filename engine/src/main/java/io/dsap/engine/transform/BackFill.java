package io.dsap.engine.transform;

import io.dsap.engine.types.ColumnSpec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Backward fill: a NULL takes the next non-null value of its column. Rows wait (in order) until
 * each of their NULLs is resolved by a later row, so memory is bounded by the longest run of
 * NULLs, not by the file; NULLs after the last value stay NULL.
 */
final class BackFill {
  private final int[] columns;
  private final StepStats[] stats;
  private final ArrayDeque<Pending> pending = new ArrayDeque<>();
  private final List<List<Pending>> waiting = new ArrayList<>(); // per column: rows waiting for its next value

  BackFill(List<Integer> columns, List<ColumnSpec> specs) {
    this.columns = columns.stream().mapToInt(Integer::intValue).toArray();
    this.stats = new StepStats[this.columns.length];
    for (int i = 0; i < this.columns.length; i++) {
      boolean numeric = TypedValues.isNumeric(specs.get(this.columns[i]));
      stats[i] = new StepStats(specs.get(this.columns[i]).name(), "missing",
          "backward fill: the next row's value (none after the last value)", numeric, numeric);
      waiting.add(new ArrayList<>());
    }
  }

  List<StepStats> stats() {
    return List.of(stats);
  }

  private static final class Pending {
    final Object[] row;
    final boolean[] open;
    int openCount;

    Pending(Object[] row, int n) {
      this.row = row;
      this.open = new boolean[n];
    }
  }

  /** Takes the next row; hands rows whose NULLs are all resolved to {@code out}, in order. */
  void push(Object[] row, Consumer<Object[]> out) {
    Pending p = new Pending(row, columns.length);
    for (int i = 0; i < columns.length; i++) {
      Object v = row[columns[i]];
      if (v == null) {
        p.open[i] = true;
        p.openCount++;
        waiting.get(i).add(p);
        continue;
      }
      stats[i].record(v, v, true);
      for (Pending q : waiting.get(i)) {
        q.open[i] = false;
        q.openCount--;
        q.row[columns[i]] = v;
        stats[i].record(null, v, true);
      }
      waiting.get(i).clear();
    }
    pending.add(p);
    while (!pending.isEmpty() && pending.peek().openCount == 0) {
      out.accept(pending.poll().row);
    }
  }

  /** At the end: the rows still waiting keep their NULLs. */
  void flush(Consumer<Object[]> out) {
    waiting.forEach(List::clear);
    while (!pending.isEmpty()) {
      Pending p = pending.poll();
      for (int i = 0; i < columns.length; i++) {
        if (p.open[i]) {
          stats[i].record(null, null, true);
        }
      }
      out.accept(p.row);
    }
  }
}
