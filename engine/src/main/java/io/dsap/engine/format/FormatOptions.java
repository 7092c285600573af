package io.dsap.engine.format;

import io.dsap.engine.error.Errors;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Options given for reading a file (named function arguments or connection properties), by
 * lower-case name. Absent means "detect". Equal options give equal {@link #cacheKey()}s.
 */
public final class FormatOptions {
  public static final FormatOptions NONE = new FormatOptions(Map.of());

  private final Map<String, Object> values;

  private FormatOptions(Map<String, Object> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  /** Options from a map; null values are dropped (an omitted argument). */
  public static FormatOptions of(Map<String, ?> map) {
    Map<String, Object> m = new TreeMap<>();
    map.forEach((k, v) -> {
      if (v != null) {
        m.put(k.toLowerCase(Locale.ROOT), v);
      }
    });
    return new FormatOptions(m);
  }

  /** These options with {@code overrides} on top. */
  public FormatOptions with(FormatOptions overrides) {
    Map<String, Object> m = new TreeMap<>(values);
    m.putAll(overrides.values);
    return new FormatOptions(m);
  }

  public Map<String, Object> asMap() {
    return values;
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  public String text(String name) {
    Object v = values.get(name);
    return v == null ? null : v.toString();
  }

  public Boolean bool(String name) {
    Object v = values.get(name);
    if (v == null || v instanceof Boolean) {
      return (Boolean) v;
    }
    String s = v.toString().trim().toLowerCase(Locale.ROOT);
    if (s.equals("true") || s.equals("false")) {
      return Boolean.valueOf(s);
    }
    throw Errors.invalidOption(name, v, "true or false");
  }

  public Integer integer(String name) {
    Object v = values.get(name);
    if (v == null) {
      return null;
    }
    if (v instanceof Number n) {
      return n.intValue();
    }
    try {
      return Integer.valueOf(v.toString().trim());
    } catch (NumberFormatException e) {
      throw Errors.invalidOption(name, v, "a whole number");
    }
  }

  /** Fails on an option the format does not know, naming the ones it does. */
  public void checkKnown(String format, List<OptionSpec> known, List<String> alwaysAllowed) {
    for (String name : values.keySet()) {
      boolean ok = alwaysAllowed.contains(name) || known.stream().anyMatch(o -> o.name().equals(name));
      if (!ok) {
        throw Errors.invalidOption(name, values.get(name), "an option of the " + format + " format; it accepts "
            + known.stream().map(OptionSpec::name).collect(Collectors.joining(", ")));
      }
    }
  }

  /** A stable key for caches. */
  public String cacheKey() {
    return values.toString();
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
