package io.dsap.engine.format.xml;

import io.dsap.engine.format.BatchReader;
import io.dsap.engine.format.ProgressListener;
import io.dsap.engine.format.TableSource;
import io.dsap.engine.rejects.RejectSink;
import io.dsap.engine.types.ColumnSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** A detected XML file; remembers elements scans met that are not columns, for {@code file_info}. */
public final class XmlTableSource implements TableSource {
  private final Path file;
  private final String displayName;
  private final XmlFileSchema schema;
  private final Set<String> unknownFields = ConcurrentHashMap.newKeySet();

  XmlTableSource(Path file, String displayName, XmlFileSchema schema) {
    this.file = file;
    this.displayName = displayName;
    this.schema = schema;
  }

  XmlFileSchema schema() {
    return schema;
  }

  @Override
  public List<ColumnSpec> columns() {
    return schema.columns();
  }

  @Override
  public String format() {
    return "xml";
  }

  @Override
  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("encoding", schema.encoding());
    if (schema.root() != null) {
      m.put("root", schema.root());
    }
    m.put("row_tag", schema.rowTag());
    m.put("row_tag_reason", schema.rowTagReason());
    m.put("sampled_rows", schema.sampledRows() + (schema.complete() ? " (all)" : ""));
    if (!unknownFields.isEmpty()) {
      m.put("skipped_fields", new TreeSet<>(unknownFields) + " appear only after the sampled rows and are not"
          + " columns; sample_size => -1 makes them columns");
    }
    return m;
  }

  @Override
  public List<String> flags() {
    if (unknownFields.isEmpty()) {
      return schema.flags();
    }
    List<String> flags = new ArrayList<>(schema.flags());
    flags.add("skipped_fields");
    return flags;
  }

  @Override
  public String readStatement(String path) {
    String types = schema.columns().stream().map(c -> c.name() + ":" + c.typeText()).collect(Collectors.joining(","));
    return "SELECT * FROM read_xml(path => " + literal(path) + ", row_tag => " + literal(schema.rowTag())
        + ", types => " + literal(types) + ")";
  }

  private static String literal(String v) {
    return "'" + v.replace("'", "''") + "'";
  }

  @Override
  public BatchReader open(int[] projection, RejectSink rejects, ProgressListener progress) {
    return new XmlReader(file, displayName, schema, projection, XmlReader.DEFAULT_BATCH_SIZE, rejects, progress,
        unknownFields);
  }
}
