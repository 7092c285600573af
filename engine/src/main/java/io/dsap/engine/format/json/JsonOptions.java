package io.dsap.engine.format.json;

import io.dsap.engine.error.Errors;
import io.dsap.engine.format.ColumnOverrides;
import io.dsap.engine.format.FormatOptions;
import io.dsap.engine.format.OptionSpec;
import java.util.List;

/**
 * What the user said about a JSON file; null fields are detected. Detection never overrides a
 * value set here.
 *
 * @param layout how records are laid out, or null to detect
 * @param recordsPath dotted path of the records array in a {@code records} layout, or null to detect
 * @param overrides the {@code types} and {@code all_varchar} options
 * @param sampleSize records sampled for detection, -1 for all
 * @param maxDepth most name parts of a flattened column ({@code a.b.c} is 3); deeper objects are JSON text
 */
public record JsonOptions(JsonLayout layout, String recordsPath, ColumnOverrides overrides, int sampleSize,
    int maxDepth) {
  public static final int DEFAULT_SAMPLE_SIZE = 20_480;
  public static final int DEFAULT_MAX_DEPTH = 3;

  static final List<OptionSpec> SPECS = List.of(
      OptionSpec.text("layout", "'auto', 'ndjson', 'array', 'records' or 'objects' (default: detected)"),
      OptionSpec.text("records_path", "dotted path of the records array in a records layout, e.g. 'data'"
          + " or 'result.items' (default: the first array of objects, shallowest first)"),
      OptionSpec.text("types", "column types, e.g. 'id:BIGINT,address.zip:VARCHAR' (default: detected)"),
      OptionSpec.bool("all_varchar", "read every column as VARCHAR (default false)"),
      OptionSpec.integer("sample_size", "records sampled for type detection, -1 for all (default 20480)"),
      OptionSpec.integer("max_depth", "most name parts of a column from nested objects; deeper objects and"
          + " all arrays are JSON text (default 3; 1 keeps every nested object as JSON text)"));

  public static final JsonOptions DETECT = of(FormatOptions.NONE);

  /** The typed options in {@code o}; unknown or invalid options fail naming the valid ones. */
  public static JsonOptions of(FormatOptions o) {
    o.checkKnown("json", SPECS, List.of());
    JsonLayout layout = o.has("layout") ? JsonLayout.parse(o.text("layout")) : null;
    String path = o.text("records_path");
    if (path != null && path.isBlank()) {
      path = null;
    }
    if (path != null && layout != null && layout != JsonLayout.RECORDS) {
      throw Errors.invalidOption("records_path", path, "no records_path, or layout => 'records': a records path"
          + " only applies to a top-level object that holds the records");
    }
    if (path != null) {
      layout = JsonLayout.RECORDS;
    }
    Integer sample = o.integer("sample_size");
    if (sample != null && (sample == 0 || sample < -1)) {
      throw Errors.invalidOption("sample_size", sample, "a positive number of records, or -1 for the whole file");
    }
    Integer depth = o.integer("max_depth");
    if (depth != null && depth < 1) {
      throw Errors.invalidOption("max_depth", depth, "1 or more (1: nested objects stay JSON text)");
    }
    return new JsonOptions(layout, path, new ColumnOverrides(o.text("types"), o.bool("all_varchar")),
        sample == null ? DEFAULT_SAMPLE_SIZE : sample, depth == null ? DEFAULT_MAX_DEPTH : depth);
  }
}
