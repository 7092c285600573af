package io.dsap.engine.format.xml;

import io.dsap.engine.rejects.Reject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The values of one row element, by key: {@code @id} (an attribute of the row), {@code #text}
 * (the row's own text), {@code name} (a child), {@code address/@type} (a child's attribute),
 * {@code address/city} (a grandchild). A key may repeat; a null value is an empty or nil element.
 */
final class XmlRow {
  final long line;
  final long offset;
  private final Map<String, List<String>> values = new LinkedHashMap<>();
  private final Set<String> markup = new HashSet<>();
  private final StringBuilder raw = new StringBuilder();

  XmlRow(long line, long offset) {
    this.line = line;
    this.offset = offset;
  }

  void add(String key, String value, boolean isMarkup) {
    values.computeIfAbsent(key, k -> new ArrayList<>(1)).add(value);
    if (isMarkup) {
      markup.add(key);
    }
  }

  Map<String, List<String>> values() {
    return values;
  }

  /** Whether the value of {@code key} is XML markup (an element kept whole) in this row. */
  boolean isMarkup(String key) {
    return markup.contains(key);
  }

  /** The row as written (re-serialised, attributes and text escaped), cut at the reject limit. */
  String raw() {
    return raw.toString();
  }

  StringBuilder rawBuilder() {
    return raw.length() > Reject.MAX_RAW ? null : raw;
  }
}
