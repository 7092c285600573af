package io.dsap.engine.calcite;

import io.dsap.engine.csv.CsvFileSchema;
import io.dsap.engine.csv.CsvOptions;
import io.dsap.engine.csv.DetectionCache;
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
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A CSV file as a SQL table. Its row type comes from detection (cached by fingerprint); scans
 * read only the columns the query uses.
 */
public final class FileTable extends AbstractTable implements TranslatableTable {
  private static final int KEEP_REJECTS = 10_000;

  private final Path file;
  private final String displayName;
  private final CsvOptions options;
  private final ScanJournal journal;
  private volatile RejectLog lastRejects;

  public FileTable(Path file, String displayName, CsvOptions options, ScanJournal journal) {
    this.file = Objects.requireNonNull(file, "file is null");
    this.displayName = Objects.requireNonNull(displayName, "displayName is null");
    this.options = Objects.requireNonNull(options, "options is null");
    this.journal = Objects.requireNonNull(journal, "journal is null");
  }

  public Path file() {
    return file;
  }

  public String displayName() {
    return displayName;
  }

  public CsvOptions options() {
    return options;
  }

  /** The detected schema; detection runs again only when the file changed. */
  public CsvFileSchema schema() {
    return DetectionCache.get(file, options);
  }

  public List<ColumnSpec> columns() {
    return schema().columns();
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
    return new FileTableScan(context.getCluster(), relOptTable, this, fields);
  }

  /** Rejects of the last scan that read the whole file, or null if none completed yet. */
  public RejectLog lastRejects() {
    return lastRejects;
  }

  /** Called by generated code: the rows of the projected {@code fields}. */
  public Enumerable<Object[]> scan(DataContext root, int[] fields) {
    CsvFileSchema schema = schema();
    return new AbstractEnumerable<Object[]>() {
      @Override
      public Enumerator<Object[]> enumerator() {
        RejectLog log = new RejectLog(KEEP_REJECTS);
        return new FileEnumerator(file, displayName, schema, fields, log, root, stats -> {
          lastRejects = log;
          List<io.dsap.engine.rejects.Reject> first = log.rejects();
          journal.record(new ScanJournal.Entry(displayName, stats.recordsRead(), stats.rowsRejected(),
              first.isEmpty() ? null : first.get(0)));
        });
      }
    };
  }
}
