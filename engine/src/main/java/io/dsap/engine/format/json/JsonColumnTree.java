package io.dsap.engine.format.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which column each field of a record goes to: a leaf holds a column index, a flattened object
 * holds its fields. Immutable once built by detection.
 */
final class JsonColumnTree {
  private final int column;
  private final Map<String, JsonColumnTree> fields;

  private JsonColumnTree(int column, Map<String, JsonColumnTree> fields) {
    this.column = column;
    this.fields = fields;
  }

  static JsonColumnTree leaf(int column) {
    return new JsonColumnTree(column, Map.of());
  }

  static JsonColumnTree object(Map<String, JsonColumnTree> fields) {
    return new JsonColumnTree(-1, Collections.unmodifiableMap(new LinkedHashMap<>(fields)));
  }

  boolean isLeaf() {
    return column >= 0;
  }

  /** The column of a leaf. */
  int column() {
    return column;
  }

  /** The node of field {@code name} of an object, or null if it is not a column. */
  JsonColumnTree field(String name) {
    return fields.get(name);
  }

  /** Column indexes under this node, in order (for messages). */
  List<Integer> columns() {
    if (isLeaf()) {
      return List.of(column);
    }
    return fields.values().stream().flatMap(f -> f.columns().stream()).toList();
  }
}
