package io.dsap.engine.transform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dsap.engine.error.DsapException;
import io.dsap.engine.error.ErrorCode;
import io.dsap.engine.error.Errors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What {@code clean()} does to a table, immutable. The same keys are a spec file's top-level
 * keys (YAML) and {@code clean()}'s named arguments; a value is either the text form that SQL
 * arguments use ({@code 'amount:median, status:mode'}) or, in YAML only, the equivalent map or
 * list. docs/cleaning.md describes every key.
 */
public record TransformSpec(
    String text,
    Selection numbers,
    Selection dates,
    ColumnChoice letterCase,
    ColumnChoice missing,
    String fillValue,
    ColumnChoice outliers,
    String outlierAction,
    Double outlierThreshold,
    long seed,
    int trees,
    int sampleSize,
    Map<String, String> derive,
    List<CustomStep> custom,
    ColumnChoice scale,
    ColumnChoice bin,
    int bins,
    ColumnChoice encode,
    int maxCategories,
    Map<String, List<String>> ordinalOrder) implements java.io.Serializable {

  /** Every key, in the order steps run; also the named arguments of clean() after {@code path} and {@code spec}. */
  public static final List<String> KEYS = List.of("text", "numbers", "dates", "case", "missing", "fill_value",
      "outliers", "outlier_action", "outlier_threshold", "seed", "trees", "sample_size", "derive", "custom",
      "scale", "bin", "bins", "encode", "max_categories", "ordinal_order");

  /** Keys whose value is a number (SQL arguments of type INTEGER or DOUBLE). */
  public static final Set<String> NUMERIC_KEYS = Set.of("outlier_threshold", "seed", "trees", "sample_size", "bins",
      "max_categories");

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Set<String> TEXT = Set.of("normalize", "trim", "none");
  private static final Set<String> ACTIONS = Set.of("cap", "remove", "null", "flag");

  /** The default spec: whitespace and Unicode normalised, numbers and dates repaired where a column is clearly one. */
  public static final TransformSpec DEFAULT = of(Map.of());

  public TransformSpec {
    derive = Collections.unmodifiableMap(new LinkedHashMap<>(derive));
    custom = List.copyOf(custom);
    ordinalOrder = Collections.unmodifiableMap(new LinkedHashMap<>(ordinalOrder));
  }

  /** Column selection for a repair: {@code auto} (columns that clearly hold such values), {@code none}, or named columns. */
  public record Selection(String mode, List<String> columns) implements java.io.Serializable {
    public static final Selection AUTO = new Selection("auto", List.of());
    public static final Selection NONE = new Selection("none", List.of());

    public Selection {
      columns = List.copyOf(columns);
    }

    static Selection parse(String key, Object value) {
      if (value == null) {
        return AUTO;
      }
      List<String> names = new ArrayList<>();
      if (value instanceof List<?> list) {
        list.forEach(v -> names.add(SpecText.scalar(key, v).trim()));
      } else {
        String s = SpecText.scalar(key, value).trim();
        if (s.equalsIgnoreCase("auto") || s.equalsIgnoreCase("true")) {
          return AUTO;
        }
        if (s.equalsIgnoreCase("none") || s.equalsIgnoreCase("false") || s.isEmpty()) {
          return NONE;
        }
        SpecText.split(s, ',').forEach(n -> names.add(SpecText.unquote(n)));
      }
      return new Selection("columns", names);
    }

    /** Whether {@code column} is selected; {@code auto} leaves the decision to the data. */
    public boolean named(String column) {
      return columns.stream().anyMatch(c -> c.equalsIgnoreCase(column));
    }

    @Override
    public String toString() {
      return mode.equals("columns") ? String.join(", ", columns) : mode;
    }
  }

  /** A plugin transformation applied to one column: {@code use: name, column: c, with: {...}}. */
  public record CustomStep(String name, String column, Map<String, Object> options) implements java.io.Serializable {
    public CustomStep {
      options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }
  }

  /** Parses a spec file (YAML or JSON). */
  public static TransformSpec fromFile(Path file) {
    try {
      return fromYaml(Files.readString(file), file.getFileName().toString());
    } catch (IOException e) {
      throw Errors.io(file, e);
    }
  }

  /** Parses spec text (YAML; JSON is YAML too). */
  public static TransformSpec fromYaml(String text) {
    return fromYaml(text, "the spec");
  }

  private static TransformSpec fromYaml(String text, String where) {
    return of(readMap(text, where));
  }

  /** The spec's keys and values as written (for merging with named arguments, which win). */
  public static Map<String, Object> readMap(String text, String where) {
    if (text == null || text.isBlank()) {
      return Map.of();
    }
    Object tree;
    try {
      tree = YAML.readValue(text, Object.class);
    } catch (JsonProcessingException e) {
      throw new DsapException(ErrorCode.INVALID_OPTION, where + " is not valid YAML: "
          + e.getOriginalMessage() + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr()
          + ", column " + e.getLocation().getColumnNr() + ")") + ". A spec is a map of cleaning options, e.g."
          + " 'missing: median'; docs/cleaning.md lists them.", e);
    }
    if (tree == null) {
      return Map.of();
    }
    if (!(tree instanceof Map<?, ?> m)) {
      throw new DsapException(ErrorCode.INVALID_OPTION, where + " must be a map of cleaning options (e.g."
          + " 'missing: median'), not " + tree.getClass().getSimpleName());
    }
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(String.valueOf(k), v));
    return out;
  }

  /**
   * A spec from keys and values: named arguments (text, numbers, booleans) or a parsed YAML map.
   * Null values are absent; unknown keys fail naming the known ones.
   */
  public static TransformSpec of(Map<String, ?> options) {
    Map<String, Object> o = new LinkedHashMap<>();
    for (Map.Entry<String, ?> e : options.entrySet()) {
      String key = e.getKey().toLowerCase(Locale.ROOT);
      if (!KEYS.contains(key)) {
        throw new DsapException(ErrorCode.INVALID_OPTION, "unknown cleaning option '" + e.getKey()
            + "'. Known options: " + String.join(", ", KEYS) + " (docs/cleaning.md).");
      }
      if (e.getValue() != null) {
        o.put(key, e.getValue());
      }
    }
    String text = choice("text", o.getOrDefault("text", "normalize"), TEXT);
    String action = o.containsKey("outlier_action")
        ? choice("outlier_action", o.get("outlier_action"), ACTIONS) : null;
    return new TransformSpec(
        text,
        Selection.parse("numbers", o.get("numbers")),
        Selection.parse("dates", o.get("dates")),
        ColumnChoice.parse("case", o.get("case")),
        ColumnChoice.parse("missing", o.get("missing")),
        o.containsKey("fill_value") ? SpecText.scalar("fill_value", o.get("fill_value")) : null,
        ColumnChoice.parse("outliers", o.get("outliers")),
        action,
        o.containsKey("outlier_threshold") ? number("outlier_threshold", o.get("outlier_threshold"), 0) : null,
        (long) number("seed", o.getOrDefault("seed", 42), Long.MIN_VALUE),
        (int) number("trees", o.getOrDefault("trees", 100), 1),
        (int) number("sample_size", o.getOrDefault("sample_size", 256), 2),
        derive(o.get("derive")),
        custom(o.get("custom")),
        ColumnChoice.parse("scale", o.get("scale")),
        ColumnChoice.parse("bin", o.get("bin")),
        (int) number("bins", o.getOrDefault("bins", 4), 1),
        ColumnChoice.parse("encode", o.get("encode")),
        (int) number("max_categories", o.getOrDefault("max_categories", 20), 1),
        ordinalOrder(o.get("ordinal_order")));
  }

  private static String choice(String key, Object value, Set<String> allowed) {
    String s = SpecText.scalar(key, value).trim().toLowerCase(Locale.ROOT);
    if (!allowed.contains(s)) {
      throw SpecText.bad(key, value, "expected one of " + String.join(", ", allowed.stream().sorted().toList()));
    }
    return s;
  }

  private static double number(String key, Object value, double min) {
    double d;
    if (value instanceof Number n) {
      d = n.doubleValue();
    } else {
      try {
        d = Double.parseDouble(SpecText.scalar(key, value).trim());
      } catch (NumberFormatException e) {
        throw SpecText.bad(key, value, "expected a number");
      }
    }
    if (d < min || Double.isNaN(d)) {
      throw SpecText.bad(key, value, "expected a number of at least " + (min == (long) min ? (long) min : min));
    }
    return d;
  }

  /** {@code 'total = quantity * price; big = amount > 100'} or a YAML map name -> expression. */
  private static Map<String, String> derive(Object value) {
    Map<String, String> out = new LinkedHashMap<>();
    if (value == null) {
      return out;
    }
    if (value instanceof Map<?, ?> m) {
      m.forEach((k, v) -> out.put(String.valueOf(k), SpecText.scalar("derive." + k, v)));
      return out;
    }
    String text = SpecText.scalar("derive", value);
    for (String part : SpecText.split(text, ';')) {
      if (part.isBlank()) {
        continue;
      }
      int eq = SpecText.indexOutsideQuotes(part, '=');
      if (eq <= 0 || part.substring(0, eq).isBlank()) {
        throw SpecText.bad("derive", text, "each derived column is 'name = SQL expression', separated by ';'"
            + " (e.g. 'total = quantity * price')");
      }
      out.put(SpecText.unquote(part.substring(0, eq)), part.substring(eq + 1).trim());
    }
    return out;
  }

  /** {@code 'code:upper_codes, phone:mask_digits'} or a YAML list of {use, column, with}. */
  private static List<CustomStep> custom(Object value) {
    List<CustomStep> out = new ArrayList<>();
    if (value == null) {
      return out;
    }
    if (value instanceof List<?> list) {
      for (Object item : list) {
        if (!(item instanceof Map<?, ?> m) || m.get("use") == null || m.get("column") == null) {
          throw SpecText.bad("custom", item, "each entry needs 'use' (the transformation) and 'column',"
              + " e.g. {use: upper_codes, column: code}");
        }
        Map<String, Object> with = new LinkedHashMap<>();
        if (m.get("with") instanceof Map<?, ?> w) {
          w.forEach((k, v) -> with.put(String.valueOf(k), v));
        }
        out.add(new CustomStep(String.valueOf(m.get("use")).trim(), String.valueOf(m.get("column")).trim(), with));
      }
      return out;
    }
    ColumnChoice c = ColumnChoice.parseText("custom", SpecText.scalar("custom", value));
    if (c.all() != null) {
      throw SpecText.bad("custom", value, "name the column of each transformation: column:transformation");
    }
    c.columns().forEach((col, name) -> out.add(new CustomStep(name, col, Map.of())));
    return out;
  }

  /** {@code 'size: S|M|L; grade: low|mid|high'} or a YAML map column -> list. */
  private static Map<String, List<String>> ordinalOrder(Object value) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (value == null) {
      return out;
    }
    if (value instanceof Map<?, ?> m) {
      m.forEach((k, v) -> {
        List<String> levels = new ArrayList<>();
        if (v instanceof List<?> l) {
          l.forEach(x -> levels.add(String.valueOf(x)));
        } else {
          for (String s : SpecText.scalar("ordinal_order." + k, v).split("\\|")) {
            levels.add(s.trim());
          }
        }
        out.put(String.valueOf(k), levels);
      });
      return out;
    }
    String text = SpecText.scalar("ordinal_order", value);
    for (String part : SpecText.split(text, ';')) {
      if (part.isBlank()) {
        continue;
      }
      int colon = SpecText.indexOutsideQuotes(part, ':');
      if (colon <= 0) {
        throw SpecText.bad("ordinal_order", text, "write 'column: level1|level2|level3', columns separated by ';'");
      }
      List<String> levels = new ArrayList<>();
      for (String s : part.substring(colon + 1).split("\\|")) {
        levels.add(s.trim());
      }
      out.put(SpecText.unquote(part.substring(0, colon)), levels);
    }
    return out;
  }
}
