package io.dsap.udfs;

import io.dsap.engine.calcite.FilesSchema;
import io.dsap.engine.csv.CsvFileSchema;
import io.dsap.engine.csv.CsvReader;
import io.dsap.engine.csv.DetectionCache;
import io.dsap.engine.csv.ScanStats;
import io.dsap.engine.error.DsapException;
import io.dsap.engine.error.ErrorCode;
import io.dsap.engine.rejects.RejectSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code file_info(path)}: one row describing a file — format, size, encoding, the detected
 * dialect and columns, row counts, and the {@code read_csv} call that reproduces the detection.
 * A table function with a fixed row type, so the path may be a {@code ?} parameter.
 */
public final class FileInfoFunction {
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
          .add("encoding", SqlTypeName.VARCHAR)
          .add("delimiter", SqlTypeName.VARCHAR)
          .add("quote", SqlTypeName.VARCHAR)
          .add("escape", SqlTypeName.VARCHAR)
          .add("header", SqlTypeName.BOOLEAN)
          .add("line_ending", SqlTypeName.VARCHAR)
          .add("skip", SqlTypeName.INTEGER)
          .add("row_count", SqlTypeName.BIGINT)
          .add("rejected_rows", SqlTypeName.BIGINT)
          .add("column_count", SqlTypeName.INTEGER)
          .add("columns", SqlTypeName.VARCHAR)
          .add("flags", SqlTypeName.VARCHAR)
          .add("read_statement", SqlTypeName.VARCHAR)
          .build();
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root) {
      FilesSchema files = filesSchema(root);
      Path file = files.root().resolveFile(path);
      CsvFileSchema schema = DetectionCache.get(file, files.options());
      String rel = files.root().relative(file);
      ScanStats stats;
      try (CsvReader r = new CsvReader(file, rel, schema, new int[0], CsvReader.DEFAULT_BATCH_SIZE,
          RejectSink.DISCARD)) {
        while (r.next() != null) {
          // counting only
        }
        stats = r.stats();
      }
      long size;
      try {
        size = Files.size(file);
      } catch (java.io.IOException e) {
        throw io.dsap.engine.error.Errors.io(file, e);
      }
      String ext = rel.substring(rel.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
      Object[] row = {
          rel,
          ext.equals("tsv") ? "tsv" : "csv",
          size,
          schema.bom() ? "UTF-8 (BOM)" : "UTF-8",
          schema.dialect().delimiterText(),
          schema.dialect().quoteText(),
          schema.dialect().escapeText(),
          schema.dialect().header(),
          schema.dialect().lineEnding().equals("\r\n") ? "CRLF" : "LF",
          schema.dialect().skip(),
          stats.rowsReturned(),
          stats.rowsRejected(),
          schema.columnCount(),
          ReadStatement.describeColumns(schema),
          String.join(",", schema.flags()),
          ReadStatement.of(rel, schema)
      };
      return Linq4j.asEnumerable(List.<Object[]>of(row));
    }
  }

  /** The {@code files} schema of the connection running the query. */
  static FilesSchema filesSchema(DataContext root) {
    SchemaPlus rootSchema = root.getRootSchema();
    SchemaPlus files = rootSchema == null ? null : rootSchema.subSchemas().get(DsapFunctions.FILES_SCHEMA);
    FilesSchema s = files == null ? null : files.unwrap(FilesSchema.class);
    if (s == null) {
      throw new DsapException(ErrorCode.INTERNAL, "the files schema is not registered on this connection");
    }
    return s;
  }
}
