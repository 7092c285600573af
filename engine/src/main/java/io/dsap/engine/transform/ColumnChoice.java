package io.dsap.engine.transform;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A choice (a strategy or method name) made for every eligible column, for some columns by name,
 * or both: {@code median}, {@code amount:median, status:mode}, {@code median, status:mode}.
 * Column names match case-insensitively, as SQL identifiers do.
 *
 * @param all the choice for columns not named, or null
 * @param columns choices by column name (insertion order kept)
 */
public record ColumnChoice(String all, Map<String, String> columns) implements java.io.Serializable {
  public static final ColumnChoice NONE = new ColumnChoice(null, Map.of());

  public ColumnChoice {
    columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
  }

  /** The choice for {@code column}: its own, else the one for all columns, else null. */
  public String forColumn(String column) {
    for (Map.Entry<String, String> e : columns.entrySet()) {
      if (e.getKey().equalsIgnoreCase(column)) {
        return e.getValue();
      }
    }
    return all;
  }

  /** True when {@code column} is named explicitly (an inapplicable choice is then an error, not skipped). */
  public boolean names(String column) {
    return columns.keySet().stream().anyMatch(k -> k.equalsIgnoreCase(column));
  }

  public boolean isEmpty() {
    return all == null && columns.isEmpty();
  }

  /**
   * Parses the text form: entries separated by commas, each {@code choice} (all columns) or
   * {@code column:choice}. A column name with a comma or colon is written in double quotes.
   */
  static ColumnChoice parseText(String key, String text) {
    String all = null;
    Map<String, String> cols = new LinkedHashMap<>();
    for (String entry : SpecText.split(text, ',')) {
      if (entry.isBlank()) {
        continue;
      }
      int colon = SpecText.indexOutsideQuotes(entry, ':');
      if (colon < 0) {
        if (all != null) {
          throw SpecText.bad(key, text, "two choices for all columns ('" + all + "' and '" + entry.trim()
              + "'); name the column of one of them, e.g. amount:" + entry.trim());
        }
        all = norm(entry);
      } else {
        cols.put(SpecText.unquote(entry.substring(0, colon).trim()), norm(entry.substring(colon + 1)));
      }
    }
    return new ColumnChoice(all, cols);
  }

  /** From YAML: a string (the text form) or a map column -> choice ({@code '*'} for all columns). */
  static ColumnChoice parse(String key, Object value) {
    if (value == null) {
      return NONE;
    }
    if (value instanceof Map<?, ?> m) {
      String all = null;
      Map<String, String> cols = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        String choice = SpecText.scalar(key + "." + e.getKey(), e.getValue());
        if (Objects.equals(String.valueOf(e.getKey()), "*")) {
          all = norm(choice);
        } else {
          cols.put(String.valueOf(e.getKey()), norm(choice));
        }
      }
      return new ColumnChoice(all, cols);
    }
    return parseText(key, SpecText.scalar(key, value));
  }

  private static String norm(String s) {
    String t = s.trim();
    int eq = t.indexOf('=');
    // the name is case-insensitive, a value after '=' (constant=Unknown) is kept as written
    return eq < 0 ? t.toLowerCase(Locale.ROOT) : t.substring(0, eq).trim().toLowerCase(Locale.ROOT) + "="
        + t.substring(eq + 1).trim();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    if (all != null) {
      sb.append(all);
    }
    columns.forEach((c, v) -> sb.append(sb.length() > 0 ? ", " : "").append(c).append(':').append(v));
    return sb.toString();
  }
}
