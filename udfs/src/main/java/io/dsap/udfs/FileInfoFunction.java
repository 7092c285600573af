package io.dsap.udfs;

import io.dsap.engine.calcite.FileTable;
import io.dsap.engine.calcite.FilesSchema;
import io.dsap.engine.csv.ScanStats;
import io.dsap.engine.format.BatchReader;
import io.dsap.engine.format.FormatOptions;
import io.dsap.engine.format.FormatReader;
import io.dsap.engine.format.ProgressListener;
import io.dsap.engine.format.TableSource;
import io.dsap.engine.rejects.RejectSink;
import io.dsap.engine.types.ColumnSpec;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code file_info(path)}: one row describing a file — format, size, encoding, the detected
 * dialect and columns, row counts, and the {@code read_*} call that reproduces the detection.
 * A table function with a fixed row type, so the path may be a {@code ?} parameter.
 */
public final class FileInfoFunction {
  /** Columns filled from {@link TableSource#describe()} when the format reports them. */
  private static final List<String> DESCRIBED = List.of("encoding", "delimiter", "quote", "escape", "header",
      "line_ending", "skip");

  private FileInfoFunction() {}

  /** Called by Calcite at planning (to learn the row type) and at execution. Cheap until scanned. */
  public static ScannableTable fileInfo(String path) {
    return new Info(path == null ? null : path.trim());
  }

  private static final class Info extends AbstractTable implements ScannableTable {
    private final String path;

    Info(String path) {
      this.path = path;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory f) {
      return f.builder()
          .add("path", SqlTypeName.VARCHAR)
          .add("format", SqlTypeName.VARCHAR)
          .add("size_bytes", SqlTypeName.BIGINT)
          .add("encoding", SqlTypeName.VARCHAR).nullable(true)
          .add("delimiter", SqlTypeName.VARCHAR).nullable(true)
          .add("quote", SqlTypeName.VARCHAR).nullable(true)
          .add("escape", SqlTypeName.VARCHAR).nullable(true)
          .add("header", SqlTypeName.BOOLEAN).nullable(true)
          .add("line_ending", SqlTypeName.VARCHAR).nullable(true)
          .add("skip", SqlTypeName.INTEGER).nullable(true)
          .add("tables", SqlTypeName.VARCHAR).nullable(true)
          .add("row_count", SqlTypeName.BIGINT)
          .add("rejected_rows", SqlTypeName.BIGINT)
          .add("column_count", SqlTypeName.INTEGER)
          .add("columns", SqlTypeName.VARCHAR)
          .add("flags", SqlTypeName.VARCHAR)
          .add("details", SqlTypeName.VARCHAR).nullable(true)
          .add("read_statement", SqlTypeName.VARCHAR)
          .build();
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root) {
      FilesSchema files = filesSchema(root);
      Path file = files.root().resolveFile(path);
      FormatReader format = files.formats().detect(file);
      FileTable table = files.table(file, format, "", FormatOptions.NONE);
      TableSource source = table.source();
      ScanStats stats;
      try (BatchReader r = source.open(new int[0], RejectSink.DISCARD, ProgressListener.NONE)) {
        while (r.next() != null) {
          // counting only
        }
        stats = r.stats();
      }
      Map<String, Object> described = new LinkedHashMap<>(source.describe());
      List<String> tables = format.tables(file, files.optionsFor(format));
      String rel = files.root().relative(file);
      Object[] row = new Object[18];
      row[0] = rel;
      row[1] = source.format();
      row[2] = file.toFile().length();
      for (int i = 0; i < DESCRIBED.size(); i++) {
        row[3 + i] = described.remove(DESCRIBED.get(i));
      }
      row[10] = tables.size() == 1 && tables.get(0).isEmpty() ? null : String.join(", ", tables);
      row[11] = stats.rowsReturned();
      row[12] = stats.rowsRejected();
      row[13] = source.columns().size();
      row[14] = source.columns().stream().map(c -> c.name() + " " + c.typeText()).collect(Collectors.joining(", "));
      row[15] = String.join(",", source.flags());
      row[16] = described.isEmpty() ? null : described.entrySet().stream()
          .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
      row[17] = source.readStatement(rel);
      return Linq4j.asEnumerable(List.<Object[]>of(row));
    }
  }

  static String describeColumns(List<ColumnSpec> columns) {
    return columns.stream().map(c -> c.name() + " " + c.typeText()).collect(Collectors.joining(", "));
  }

  /** The {@code files} schema of the connection running the query. */
  static FilesSchema filesSchema(DataContext root) {
    return DsapFunctions.filesSchema(root);
  }
}
