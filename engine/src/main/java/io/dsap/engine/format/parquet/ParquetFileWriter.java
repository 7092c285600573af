package io.dsap.engine.format.parquet;

import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.types.ColumnType;
import io.dsap.engine.write.FileWriterFormat;
import io.dsap.engine.write.OutputColumn;
import io.dsap.engine.write.RowWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.sql.Types;
import java.util.List;

/**
 * Parquet for {@code CREATE TABLE out."x.parquet" AS SELECT}: the query's JDBC columns become
 * Parquet columns (snappy). Parquet needs a file of its own, so the stream the export opened is
 * left empty and the sink writes {@code file}, which the export then renames into place.
 */
public final class ParquetFileWriter implements FileWriterFormat {
  @Override
  public String name() {
    return "parquet";
  }

  @Override
  public List<String> extensions() {
    return List.of("parquet");
  }

  @Override
  public RowWriter open(Path file, OutputStream out, List<OutputColumn> columns) throws IOException {
    List<ColumnSpec> specs = columns.stream().map(ParquetFileWriter::spec).toList();
    ParquetWriterSink sink = ParquetWriterSink.create(file, specs, ParquetWriterSink.Options.DEFAULTS);
    return new RowWriter() {
      @Override
      public void write(Object[] row) {
        sink.writeRow(row);
      }

      @Override
      public void finish() {
        sink.commit();
      }

      @Override
      public void close() {
        sink.close();
      }
    };
  }

  /** The column type for a JDBC result column. */
  static ColumnSpec spec(OutputColumn c) {
    String why = "written from a query";
    switch (c.sqlType()) {
      case Types.BOOLEAN: case Types.BIT: return new ColumnSpec(c.name(), ColumnType.BOOLEAN, 0, null, why);
      case Types.TINYINT: case Types.SMALLINT: case Types.INTEGER:
        return new ColumnSpec(c.name(), ColumnType.INTEGER, 0, null, why);
      case Types.BIGINT: return new ColumnSpec(c.name(), ColumnType.BIGINT, 0, null, why);
      case Types.DECIMAL: case Types.NUMERIC:
        return new ColumnSpec(c.name(), ColumnType.DECIMAL, Math.max(1, Math.min(38, c.precision())),
            Math.max(0, c.scale()), null, why);
      case Types.FLOAT: case Types.REAL: case Types.DOUBLE:
        return new ColumnSpec(c.name(), ColumnType.DOUBLE, 0, null, why);
      case Types.DATE: return new ColumnSpec(c.name(), ColumnType.DATE, 0, null, why);
      case Types.TIMESTAMP: case Types.TIMESTAMP_WITH_TIMEZONE:
        return new ColumnSpec(c.name(), ColumnType.TIMESTAMP, 0, null, why);
      case Types.TIME: return new ColumnSpec(c.name(), ColumnType.TIME, 0, null, why);
      case Types.BINARY: case Types.VARBINARY: case Types.LONGVARBINARY:
        return new ColumnSpec(c.name(), ColumnType.VARBINARY, 0, null, why);
      default: return ColumnSpec.varchar(c.name(), why);
    }
  }
}
