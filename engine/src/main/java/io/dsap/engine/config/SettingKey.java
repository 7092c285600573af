package io.dsap.engine.config;

import java.util.List;
import java.util.Locale;

/**
 * One configuration key as the catalogue ({@link SettingKeys}) describes it: the single source for parsing,
 * {@code dsap config show}, {@code dsap.settings} and docs/configuration.md.
 *
 * @param name dotted key as written in dsap.yaml ({@code server.limits.max_rows})
 * @param type how the value is parsed
 * @param defaultValue the built-in default as text; empty means "not set"
 * @param description one sentence for users
 * @param allowed the allowed values of an {@link SettingType#ENUM} key, else empty
 * @param min smallest allowed number (numeric keys)
 * @param max largest allowed number (numeric keys)
 * @param secret never printed: shown as {@code ****}
 * @param example a value that shows the format, for the docs
 */
public record SettingKey(String name, SettingType type, String defaultValue, String description,
    List<String> allowed, double min, double max, boolean secret, String example) {

  public SettingKey {
    allowed = List.copyOf(allowed);
  }

  /** The environment variable: {@code DSAP_} and the name in capitals with dots as underscores. */
  public String envName() {
    return "DSAP_" + name.toUpperCase(Locale.ROOT).replace('.', '_');
  }

  /** What a valid value looks like, with the allowed values or the range, for error messages and the docs. */
  public String expected() {
    if (type == SettingType.ENUM) {
      return "one of " + String.join(", ", allowed);
    }
    if ((type == SettingType.INT || type == SettingType.LONG) && (min > Long.MIN_VALUE || max < Long.MAX_VALUE)) {
      return "a whole number from " + (long) min + (max >= Integer.MAX_VALUE ? " up" : " to " + (long) max);
    }
    if (type == SettingType.DOUBLE && min > -Double.MAX_VALUE) {
      return "a number from " + (min == Math.rint(min) ? String.valueOf((long) min) : String.valueOf(min))
          + (max < Double.MAX_VALUE ? " to " + max : " up");
    }
    return type.expected();
  }

  /** Whether the key may be left empty (its default is empty: "not set"). */
  public boolean optional() {
    return defaultValue.isEmpty();
  }
}
