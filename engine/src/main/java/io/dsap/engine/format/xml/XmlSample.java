package io.dsap.engine.format.xml;

import io.dsap.engine.format.ColumnOverrides;
import io.dsap.engine.types.ByteParsers;
import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.types.ColumnType;
import io.dsap.engine.types.ValueTypeStats;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Sampled rows of an XML file as evidence per key; turns into the columns. */
final class XmlSample {
  private final ByteParsers parsers = new ByteParsers();
  private final Map<String, KeyStats> keys = new LinkedHashMap<>();
  private long rows;

  /** Evidence about one key: the text values' types, repetition, and rows where it held markup. */
  private static final class KeyStats {
    final ValueTypeStats text = new ValueTypeStats();
    int maxRepeat;
    long markupRows;
  }

  long rows() {
    return rows;
  }

  void add(XmlRow row) {
    rows++;
    for (Map.Entry<String, List<String>> e : row.values().entrySet()) {
      KeyStats s = keys.computeIfAbsent(e.getKey(), k -> new KeyStats());
      s.maxRepeat = Math.max(s.maxRepeat, e.getValue().size());
      if (row.isMarkup(e.getKey())) {
        s.markupRows++;
      }
      for (String v : e.getValue()) {
        if (v == null || v.isEmpty()) {
          s.text.addNull();
        } else {
          s.text.add(v, parsers);
        }
      }
    }
  }

  XmlFileSchema toSchema(XmlRowTagDetector.Found found, ColumnOverrides overrides, boolean complete) {
    List<String> keyList = new ArrayList<>(keys.keySet());
    Map<String, String> names = names(keyList, found.rowTag());
    List<ColumnSpec> columns = new ArrayList<>();
    List<Boolean> lists = new ArrayList<>();
    Set<String> flags = new LinkedHashSet<>();
    for (String key : keyList) {
      KeyStats s = keys.get(key);
      String name = names.get(key);
      ColumnSpec spec;
      if (s.maxRepeat > 1) {
        spec = ColumnSpec.varchar(name, "VARCHAR: repeats within a row (up to " + s.maxRepeat
            + " times); the values are kept as a JSON array of strings");
      } else if (s.markupRows > 0) {
        spec = ColumnSpec.varchar(name, "VARCHAR: has attributes or elements of its own in "
            + s.markupRows + " sampled rows, kept as XML text (only one level below the row is flattened)");
      } else {
        spec = s.text.resolve(name, complete);
        if (s.text.ambiguousDate(spec)) {
          flags.add("ambiguous_date");
        }
        if (s.text.leadingZeros() && spec.type() == ColumnType.VARCHAR) {
          flags.add("leading_zeros");
        }
      }
      columns.add(spec);
      lists.add(s.maxRepeat > 1);
    }
    if (columns.isEmpty()) {
      columns.add(ColumnSpec.varchar(found.rowTag(), rows == 0 ? "VARCHAR: no <" + found.rowTag() + "> rows in the"
          + " sample" : "VARCHAR: the rows are empty elements"));
      keyList.add("#text");
      lists.add(false);
      flags.add(rows == 0 ? "no_records" : "empty_rows");
    }
    return new XmlFileSchema(found.rowTag(), found.root(), found.encoding() == null ? "UTF-8" : found.encoding(),
        found.reason(), overrides.apply(columns), keyList, lists, List.copyOf(flags), rows, complete);
  }

  /**
   * Column names for keys: attributes by their plain name ({@code id}), children by theirs,
   * grandchildren and a child's attributes dotted ({@code address.city}), the row's own text by
   * the row tag. An attribute whose name a child element also has is written {@code @id}; other
   * clashes (SQL names match case-insensitively) get {@code _2}, {@code _3}.
   */
  static Map<String, String> names(List<String> keys, String rowTag) {
    Map<String, String> plain = new HashMap<>();
    Map<String, Integer> uses = new HashMap<>();
    for (String k : keys) {
      String n = k.equals("#text") ? rowTag : k.replace("/@", ".").replace("/", ".");
      n = n.startsWith("@") ? n.substring(1) : n;
      plain.put(k, n);
      uses.merge(n.toLowerCase(Locale.ROOT), 1, Integer::sum);
    }
    Map<String, String> out = new LinkedHashMap<>();
    Set<String> used = new HashSet<>();
    for (String k : keys) {
      String n = plain.get(k);
      if (uses.get(n.toLowerCase(Locale.ROOT)) > 1 && k.contains("@")) {
        n = k.replace("/", "."); // the attribute keeps its '@' to tell it from the element
      }
      String unique = n;
      for (int i = 2; !used.add(unique.toLowerCase(Locale.ROOT)); i++) {
        unique = n + "_" + i;
      }
      out.put(k, unique);
    }
    return out;
  }
}
