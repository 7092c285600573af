package io.dsap.engine.calcite;

import io.dsap.engine.aggregate.GroupBy;
import io.dsap.engine.aggregate.GroupState;
import io.dsap.engine.batch.Batch;
import io.dsap.engine.filter.RowFilter;
import io.dsap.engine.format.BatchReader;
import io.dsap.engine.format.FormatOptions;
import io.dsap.engine.format.FormatReader;
import io.dsap.engine.format.ProgressListener;
import io.dsap.engine.format.TableSource;
import io.dsap.engine.format.TableSourceCache;
import io.dsap.engine.rejects.Reject;
import io.dsap.engine.rejects.RejectLog;
import io.dsap.engine.rejects.ScanJournal;
import io.dsap.engine.types.ColumnSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A table of a data file (any format) as a SQL table. Its row type comes from detection, cached
 * by file fingerprint; scans read only the columns the query uses.
 */
public final class FileTable extends AbstractTable implements TranslatableTable {
  private static final int KEEP_REJECTS = 10_000;

  private final Path file;
  private final String displayName;
  private final FormatReader format;
  private final String table;
  private final FormatOptions options;
  private final ScanJournal journal;
  private volatile RejectLog lastRejects;

  /**
   * A table of {@code file}.
   *
   * @param displayName the file as users name it (relative to the root), used in messages
   * @param table which table of the file ({@code ""} for single-table formats)
   */
  public FileTable(Path file, String displayName, FormatReader format, String table, FormatOptions options,
      ScanJournal journal) {
    this.file = Objects.requireNonNull(file, "file is null");
    this.displayName = Objects.requireNonNull(displayName, "displayName is null");
    this.format = Objects.requireNonNull(format, "format is null");
    this.table = Objects.requireNonNull(table, "table is null");
    this.options = Objects.requireNonNull(options, "options is null");
    this.journal = Objects.requireNonNull(journal, "journal is null");
  }

  public Path file() {
    return file;
  }

  public String displayName() {
    return displayName;
  }

  public FormatReader format() {
    return format;
  }

  /** The detected table; detection runs again only when the file changed. */
  public TableSource source() {
    return TableSourceCache.get(format, file, displayName, table, options);
  }

  public List<ColumnSpec> columns() {
    return source().columns();
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return SqlTypes.rowType(typeFactory, columns());
  }

  @Override
  public Statistic getStatistic() {
    long size = file.toFile().length();
    // rough guess for join ordering until statistics are cached: 100 bytes per row
    return Statistics.of(Math.max(1, size / 100.0), List.of());
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    int n = relOptTable.getRowType().getFieldCount();
    int[] fields = new int[n];
    for (int i = 0; i < n; i++) {
      fields[i] = i;
    }
    return new LogicalFileScan(context.getCluster(), relOptTable, this, fields);
  }

  /** Rejects of the last scan that read the whole table, or null if none completed yet. */
  public RejectLog lastRejects() {
    return lastRejects;
  }

  /**
   * Called by generated code for {@link FileCountScan}: one row holding the number of rows in
   * each of its {@code columns}. Splits are counted in parallel; no column is read.
   */
  public Enumerable<Object[]> count(DataContext root, int columns) {
    return count(root, columns, null);
  }

  /**
   * Called by generated code for {@link FileCountScan} with a filter: the rows that pass it, counted
   * per split over the vectors of the filter's columns. Without a filter, a format that stores its
   * row count (Parquet, Arrow) answers from it and reads nothing.
   */
  public Enumerable<Object[]> count(DataContext root, int columns, RowFilter filter) {
    return new AbstractEnumerable<Object[]>() {
      @Override
      public Enumerator<Object[]> enumerator() {
        // counted when the query runs, not when it is planned
        TableSource source = source();
        RejectLog log = new RejectLog(KEEP_REJECTS);
        long rows;
        long read;
        java.util.OptionalLong known = filter == null ? source.knownRowCount() : java.util.OptionalLong.empty();
        if (known.isPresent()) {
          rows = known.getAsLong();
          read = rows;
        } else if (filter == null) {
          long[] n = source.fold(new int[0], log, () -> new long[1], (s, b) -> s[0] += b.rowCount(), (a, b) -> {
            a[0] += b[0];
            return a;
          });
          rows = n[0];
          read = rows;
        } else {
          int[] projection = filter.columns();
          FilterCount n = source.fold(projection, log, () -> new FilterCount(filter.bind(projection)),
              FilterCount::add, FilterCount::merge);
          rows = n.passed;
          read = n.read;
        }
        lastRejects = log;
        List<Reject> first = log.rejects();
        journal.record(new ScanJournal.Entry(displayName, read + log.count(), log.count(),
            first.isEmpty() ? null : first.get(0)));
        Object[] row = new Object[columns];
        java.util.Arrays.fill(row, rows);
        return org.apache.calcite.linq4j.Linq4j.singletonEnumerator(row);
      }
    };
  }

  /** One split's count of rows read and rows that passed a filter. */
  private static final class FilterCount {
    private final io.dsap.engine.filter.Evaluator filter;
    private int[] selected = new int[0];
    long read;
    long passed;

    FilterCount(io.dsap.engine.filter.Evaluator filter) {
      this.filter = filter;
    }

    void add(Batch b) {
      if (selected.length < b.rowCount()) {
        selected = new int[b.capacity()];
      }
      read += b.rowCount();
      passed += filter.select(b, selected);
    }

    FilterCount merge(FilterCount other) {
      read += other.read;
      passed += other.passed;
      return this;
    }
  }

  /**
   * Called by generated code for {@link FileGroupScan}: the groups of a {@code GROUP BY}, each split
   * aggregated into its own {@link GroupState} on a scan thread and the states merged in file order.
   * A split with more than {@link GroupBy#MAX_GROUPS_PER_SPLIT} groups stops the parallel fold; the
   * file is then aggregated again in one pass into one state (memory like Calcite's own aggregate).
   */
  public Enumerable<Object[]> group(DataContext root, GroupBy plan) {
    return new AbstractEnumerable<Object[]>() {
      @Override
      public Enumerator<Object[]> enumerator() {
        TableSource source = source();
        RejectLog log = new RejectLog(KEEP_REJECTS);
        GroupState state;
        try {
          state = source.fold(plan.projection(), log, () -> plan.newState(true), GroupState::add, GroupState::merge);
        } catch (GroupState.TooManyGroups e) {
          log = new RejectLog(KEEP_REJECTS);
          state = plan.newState(false);
          try (BatchReader reader = source.open(plan.projection(), log, ProgressListener.NONE)) {
            for (Batch b = reader.next(); b != null; b = reader.next()) {
              state.add(b);
            }
          }
        }
        lastRejects = log;
        List<Reject> first = log.rejects();
        journal.record(new ScanJournal.Entry(displayName, state.rowsRead() + log.count(), log.count(),
            first.isEmpty() ? null : first.get(0)));
        return Linq4j.enumerator(state.rows());
      }
    };
  }

  /** Called by generated code: the rows of the projected {@code fields}. */
  public Enumerable<Object[]> scan(DataContext root, int[] fields) {
    return scan(root, new FileScanSpec(fields, null, -1));
  }

  /** Called by generated code: the rows that pass the spec's filter, its fields, up to its limit. */
  public Enumerable<Object[]> scan(DataContext root, FileScanSpec spec) {
    TableSource source = source();
    return new AbstractEnumerable<Object[]>() {
      @Override
      public Enumerator<Object[]> enumerator() {
        RejectLog log = new RejectLog(KEEP_REJECTS);
        return new FileEnumerator(projection -> source.open(projection, log, ProgressListener.NONE), spec, root,
            stats -> {
              lastRejects = log;
              List<Reject> first = log.rejects();
              journal.record(new ScanJournal.Entry(displayName, stats.recordsRead(), stats.rowsRejected(),
                  first.isEmpty() ? null : first.get(0)));
            });
      }
    };
  }
}
