package io.dsap.engine.format.json;

import java.util.Objects;

/**
 * Where a JSON file's records are: the layout and, for arrays, where the array opens.
 *
 * @param layout how records are laid out
 * @param recordsPath the dotted path of the records array ({@link JsonLayout#RECORDS}), else null
 * @param arrayOffset offset (after any BOM) of the {@code [} that opens the records, or -1
 * @param arrayLine 1-based line of that {@code [}, or 1
 */
public record JsonFraming(JsonLayout layout, String recordsPath, long arrayOffset, long arrayLine) {
  public JsonFraming {
    Objects.requireNonNull(layout, "layout is null");
  }

  static JsonFraming of(JsonLayout layout) {
    return new JsonFraming(layout, null, -1, 1);
  }

  boolean inArray() {
    return layout == JsonLayout.ARRAY || layout == JsonLayout.RECORDS;
  }
}
