package io.dsap.engine.profile;

import io.dsap.engine.batch.Batch;
import io.dsap.engine.types.ColumnSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The profiling state of one table (or one split of it): a {@link ColumnState} per column and the
 * duplicate-row set. Fed batch by batch; two states of the same table merge.
 */
public final class TableState {

  private final List<ColumnSpec> columns;
  private final ColumnState[] states;
  private final DuplicateRowsState duplicates;
  private long[] rowHash = new long[0];

  public TableState(List<ColumnSpec> columns) {
    this(columns, sketchHints(columns.size()), duplicatesBound());
  }

  /**
   * A state for one split of a table whose splits share {@code sketched}: a flag per column,
   * set once any split's exact counts of that column overflowed (see {@link ColumnState}), and
   * {@code duplicatesBound}: the row-hash partitions any split stopped counting (see
   * {@link DuplicateRowsState}).
   */
  TableState(List<ColumnSpec> columns, AtomicBoolean[] sketched, AtomicInteger duplicatesBound) {
    this.columns = List.copyOf(columns);
    this.duplicates = new DuplicateRowsState(duplicatesBound);
    this.states = new ColumnState[columns.size()];
    for (int i = 0; i < states.length; i++) {
      states[i] = new ColumnState(columns.get(i), sketched[i], true);
    }
  }

  /** Fresh flags for {@link #TableState(List, AtomicBoolean[])}, one per column. */
  static AtomicBoolean[] sketchHints(int columns) {
    AtomicBoolean[] hints = new AtomicBoolean[columns];
    for (int i = 0; i < columns; i++) {
      hints[i] = new AtomicBoolean();
    }
    return hints;
  }

  /** A fresh bound for {@link #TableState(List, AtomicBoolean[], AtomicInteger)}, one per table. */
  static AtomicInteger duplicatesBound() {
    return DuplicateRowsState.sharedKeep();
  }

  /** Adds a batch holding every column, in order. */
  public void add(Batch batch) {
    int n = batch.rowCount();
    if (rowHash.length < n) {
      rowHash = new long[batch.capacity()];
    }
    Arrays.fill(rowHash, 0, n, 0L);
    for (int c = 0; c < states.length; c++) {
      states[c].add(batch.column(c), n, rowHash);
    }
    duplicates.add(rowHash, n);
  }

  public void merge(TableState o) {
    for (int c = 0; c < states.length; c++) {
      states[c].merge(o.states[c]);
    }
    duplicates.merge(o.duplicates);
  }

  /**
   * The finished profile.
   *
   * @param rejected rows the reader rejected
   * @param invalidByColumn those rejects counted per offending column name
   */
  public TableProfile finish(String file, long rejected, Map<String, Long> invalidByColumn) {
    List<ColumnProfile> plain = new ArrayList<>();
    for (int c = 0; c < states.length; c++) {
      plain.add(ColumnProfiles.of(states[c], c + 1, invalidByColumn.getOrDefault(columns.get(c).name(), 0L)));
    }
    TableProfile table = new TableProfile(file, duplicates.rows(), rejected, duplicates.duplicates(),
        duplicates.exact(), plain);
    List<ColumnProfile> alerted = new ArrayList<>();
    for (ColumnProfile p : plain) {
      alerted.add(p.withAlerts(Alerts.of(p, table)));
    }
    return new TableProfile(file, table.rows(), rejected, table.duplicateRows(), table.duplicatesExact(), alerted);
  }
}
