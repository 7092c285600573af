package io.dsap.engine.csv;

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

/** A detected CSV file. */
public final class CsvTableSource implements TableSource {
  private final Path file;
  private final String displayName;
  private final CsvFileSchema schema;

  public CsvTableSource(Path file, String displayName, CsvFileSchema schema) {
    this.file = file;
    this.displayName = displayName;
    this.schema = schema;
  }

  public CsvFileSchema schema() {
    return schema;
  }

  @Override
  public List<ColumnSpec> columns() {
    return schema.columns();
  }

  @Override
  public String format() {
    return "csv";
  }

  @Override
  public Map<String, Object> describe() {
    CsvDialect d = schema.dialect();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("encoding", schema.layout().describe());
    m.put("delimiter", d.delimiterText());
    m.put("quote", d.quoteText());
    m.put("escape", d.escapeText());
    m.put("header", d.header());
    m.put("line_ending", d.lineEnding().equals("\r\n") ? "CRLF" : "LF");
    m.put("skip", d.skip());
    return m;
  }

  @Override
  public List<String> flags() {
    return schema.flags();
  }

  @Override
  public String readStatement(String path) {
    CsvDialect d = schema.dialect();
    StringBuilder s = new StringBuilder("SELECT * FROM read_csv(path => ").append(literal(path));
    s.append(", delimiter => ").append(literal(d.delimiterText()));
    s.append(", quote => ").append(literal(d.quoteText()));
    s.append(", escape => ").append(literal(d.escapeText()));
    s.append(", header => ").append(d.header());
    if (d.skip() > 0) {
      s.append(", skip => ").append(d.skip());
    }
    if (!schema.layout().detected() || !schema.layout().charset().name().equals("UTF-8")) {
      s.append(", encoding => ").append(literal(schema.layout().charset().name()));
    }
    if (schema.nullString() != null) {
      s.append(", nullstr => ").append(literal(schema.nullString()));
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
    return new CsvReader(file, displayName, schema, projection, CsvReader.DEFAULT_BATCH_SIZE, rejects, progress);
  }
}
