package io.dsap.engine.format.json;

import io.dsap.engine.format.BatchReader;
import io.dsap.engine.format.ProgressListener;
import io.dsap.engine.format.TableSource;
import io.dsap.engine.rejects.RejectSink;
import io.dsap.engine.types.ColumnSpec;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A detected JSON file. Besides the detection it remembers the fields scans met that are not
 * columns (they appeared only after the sample), so {@code file_info} can say they were skipped.
 */
public final class JsonTableSource implements TableSource {
  private final Path file;
  private final String displayName;
  private final JsonFileSchema schema;
  private final Set<String> unknownFields = ConcurrentHashMap.newKeySet();

  JsonTableSource(Path file, String displayName, JsonFileSchema schema) {
    this.file = file;
    this.displayName = displayName;
    this.schema = schema;
  }

  JsonFileSchema schema() {
    return schema;
  }

  @Override
  public List<ColumnSpec> columns() {
    return schema.columns();
  }

  @Override
  public String format() {
    return "json";
  }

  @Override
  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    JsonFraming f = schema.framing();
    m.put("encoding", schema.bom() ? "UTF-8 (BOM)" : "UTF-8");
    m.put("json_layout", f.layout().optionName());
    if (f.recordsPath() != null) {
      m.put("records_path", f.recordsPath());
    }
    m.put("max_depth", schema.maxDepth());
    m.put("sampled_records", schema.sampledRecords() + (schema.complete() ? " (all)" : ""));
    if (!unknownFields.isEmpty()) {
      m.put("skipped_fields", new TreeSet<>(unknownFields) + " appear only after the sampled records and are not"
          + " columns; sample_size => -1 makes them columns");
    }
    return m;
  }

  @Override
  public List<String> flags() {
    if (unknownFields.isEmpty()) {
      return schema.flags();
    }
    List<String> flags = new java.util.ArrayList<>(schema.flags());
    flags.add("skipped_fields");
    return flags;
  }

  @Override
  public String readStatement(String path) {
    JsonFraming f = schema.framing();
    StringBuilder s = new StringBuilder("SELECT * FROM read_json(path => ").append(literal(path));
    s.append(", layout => ").append(literal(f.layout().optionName()));
    if (f.recordsPath() != null) {
      s.append(", records_path => ").append(literal(f.recordsPath()));
    }
    if (schema.maxDepth() != JsonOptions.DEFAULT_MAX_DEPTH) {
      s.append(", max_depth => ").append(schema.maxDepth());
    }
    String types = schema.columns().stream().map(c -> c.name() + ":" + c.typeText()).collect(Collectors.joining(","));
    s.append(", types => ").append(literal(types));
    return s.append(")").toString();
  }

  private static String literal(String v) {
    return "'" + v.replace("'", "''") + "'";
  }

  @Override
  public BatchReader open(int[] projection, RejectSink rejects, ProgressListener progress) {
    return new JsonReader(file, displayName, schema, projection, JsonReader.DEFAULT_BATCH_SIZE, rejects, progress,
        unknownFields);
  }
}
