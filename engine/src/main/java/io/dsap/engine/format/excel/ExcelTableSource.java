package io.dsap.engine.format.excel;

import io.dsap.engine.format.BatchReader;
import io.dsap.engine.format.ProgressListener;
import io.dsap.engine.format.TableSource;
import io.dsap.engine.rejects.RejectSink;
import io.dsap.engine.types.ColumnSpec;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A detected table of one sheet of a workbook. */
final class ExcelTableSource implements TableSource {
  private final Path path;
  private final String file;
  private final ExcelSchema schema;

  ExcelTableSource(Path path, String file, ExcelSchema schema) {
    this.path = path;
    this.file = file;
    this.schema = schema;
  }

  ExcelSchema schema() {
    return schema;
  }

  @Override
  public List<ColumnSpec> columns() {
    return schema.columns();
  }

  @Override
  public String format() {
    return "excel";
  }

  @Override
  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("header", schema.header());
    m.put("skip", schema.skip());
    m.put("workbook", schema.workbookKind());
    m.put("sheet", schema.sheet().name());
    if (schema.sheet().hidden()) {
      m.put("hidden", true);
    }
    if (schema.dimension() != null) {
      m.put("dimension", schema.dimension());
    }
    m.put("date_system", schema.date1904() ? "1904" : "1900");
    m.put("header_row", schema.headerRow() == 0 ? "none" : String.valueOf(schema.headerRow()));
    m.put("data_columns", schema.columnLetters());
    if (schema.range() != null) {
      m.put("range", schema.range().toString());
    }
    if (schema.mergedAreas() >= 0) {
      m.put("merged_areas", schema.mergedAreas());
    }
    return m;
  }

  @Override
  public List<String> flags() {
    return schema.flags();
  }

  @Override
  public String readStatement(String path) {
    StringBuilder s = new StringBuilder("SELECT * FROM read_excel(path => ").append(literal(path));
    s.append(", sheet => ").append(literal(schema.sheet().name()));
    s.append(", header => ").append(schema.header());
    if (schema.range() != null) {
      s.append(", range => ").append(literal(schema.range().toString()));
    }
    if (schema.skip() > 0) {
      s.append(", skip => ").append(schema.skip());
    }
    String types = schema.columns().stream().map(c -> c.name() + ":" + c.typeText())
        .collect(Collectors.joining(","));
    s.append(", types => ").append(literal(types));
    return s.append(")").toString();
  }

  private static String literal(String v) {
    return "'" + v.replace("'", "''") + "'";
  }

  @Override
  public BatchReader open(int[] projection, RejectSink rejects, ProgressListener progress) {
    return new ExcelBatchReader(path, file, schema, projection, ExcelBatchReader.BATCH_SIZE, rejects, progress);
  }
}
