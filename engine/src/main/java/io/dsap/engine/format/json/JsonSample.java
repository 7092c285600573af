package io.dsap.engine.format.json;

import com.fasterxml.jackson.core.JsonParser;
import io.dsap.engine.format.ColumnOverrides;
import io.dsap.engine.types.ByteParsers;
import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.types.ColumnType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The records sampled for detection, as evidence per field; turns into the columns and the
 * field-to-column tree. Records that do not parse are counted and say nothing about types.
 */
final class JsonSample {
  private final int maxDepth;
  private final ByteParsers parsers = new ByteParsers();
  private final JsonFieldStats root = new JsonFieldStats("", 0);
  private long records;
  private long broken;

  JsonSample(int maxDepth) {
    this.maxDepth = maxDepth;
  }

  long records() {
    return records;
  }

  long broken() {
    return broken;
  }

  /** Adds the record in {@code b[s, e)}; a record that is not valid JSON is only counted. */
  void add(byte[] b, int s, int e) throws IOException {
    if (!valid(b, s, e)) {
      broken++;
      return;
    }
    records++;
    try (JsonParser p = JsonParsing.parser(b, s, e)) {
      p.nextToken();
      root.add(p, maxDepth, parsers);
    }
  }

  private static boolean valid(byte[] b, int s, int e) throws IOException {
    try (JsonParser p = JsonParsing.parser(b, s, e)) {
      if (p.nextToken() == null) {
        return false;
      }
      p.skipChildren();
      return p.nextToken() == null;
    } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
      return false;
    }
  }

  /** The schema this sample supports, with the user's types applied. */
  JsonFileSchema toSchema(JsonFraming framing, ColumnOverrides overrides, boolean bom, boolean complete) {
    Set<String> flags = new LinkedHashSet<>();
    List<ColumnSpec> columns = new ArrayList<>();
    JsonColumnTree tree;
    boolean valueRecords = root.children().isEmpty();
    if (valueRecords) {
      // no object records: each record is one value (or there are none)
      columns.add(records == 0 ? ColumnSpec.varchar("value", "VARCHAR: no records in the sample")
          : root.resolve("value", complete, maxDepth));
      flags.add(records == 0 ? "no_records" : "value_records");
      tree = JsonColumnTree.leaf(0);
    } else {
      Map<String, JsonColumnTree> fields = new LinkedHashMap<>();
      addColumns(root, "", fields, columns, new HashSet<>(), flags, complete);
      tree = JsonColumnTree.object(fields);
    }
    if (broken > 0) {
      flags.add("malformed_records");
    }
    return new JsonFileSchema(framing, overrides.apply(columns), tree, valueRecords, List.copyOf(flags), bom,
        records, complete, maxDepth);
  }

  private void addColumns(JsonFieldStats node, String prefix, Map<String, JsonColumnTree> into,
      List<ColumnSpec> columns, Set<String> used, Set<String> flags, boolean complete) {
    for (JsonFieldStats f : node.children()) {
      String path = prefix + f.name;
      if (f.flattened()) {
        Map<String, JsonColumnTree> sub = new LinkedHashMap<>();
        addColumns(f, path + ".", sub, columns, used, flags, complete);
        into.put(f.name, JsonColumnTree.object(sub));
        continue;
      }
      ColumnSpec spec = f.resolve(unique(path.isEmpty() ? "field" : path, used), complete, maxDepth);
      if (f.ambiguousDate(spec)) {
        flags.add("ambiguous_date");
      }
      if (f.leadingZeros() && spec.type() == ColumnType.VARCHAR) {
        flags.add("leading_zeros");
      }
      into.put(f.name, JsonColumnTree.leaf(columns.size()));
      columns.add(spec);
    }
  }

  /** SQL matches names case-insensitively: {@code Name} and {@code name} become {@code Name}, {@code name_2}. */
  private static String unique(String name, Set<String> used) {
    String n = name;
    for (int k = 2; !used.add(n.toLowerCase(Locale.ROOT)); k++) {
      n = name + "_" + k;
    }
    return n;
  }
}
