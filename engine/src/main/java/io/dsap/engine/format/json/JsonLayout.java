package io.dsap.engine.format.json;

import io.dsap.engine.error.Errors;
import java.util.Locale;

/** How the records of a JSON file are laid out; the {@code layout} option names them. */
public enum JsonLayout {
  /** One JSON value per line (NDJSON, JSON Lines). */
  NDJSON,
  /** One top-level array whose elements are the records. */
  ARRAY,
  /** One top-level object holding the records in an array field ({@code {"data": [...]}}). */
  RECORDS,
  /** One or more top-level objects, each possibly spanning lines (pretty-printed). */
  OBJECTS;

  /** The name users write: {@code ndjson}, {@code array}, {@code records}, {@code objects}. */
  public String optionName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The layout an option value names, or null for {@code auto}. */
  public static JsonLayout parse(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    switch (v) {
      case "auto": return null;
      case "ndjson": case "jsonl": case "newline_delimited": return NDJSON;
      case "array": return ARRAY;
      case "records": return RECORDS;
      case "objects": case "object": return OBJECTS;
      default:
        throw Errors.invalidOption("layout", value, "one of 'auto', 'ndjson' (one record per line), 'array'"
            + " ([{...}, {...}]), 'records' ({\"data\": [{...}]}), 'objects' (whole objects, possibly"
            + " spanning lines)");
    }
  }
}
