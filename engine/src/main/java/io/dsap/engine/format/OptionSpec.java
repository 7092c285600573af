package io.dsap.engine.format;

import java.util.Objects;

/**
 * One option a format accepts, as users write it ({@code delimiter => ';'}).
 *
 * @param name option name
 * @param type {@code VARCHAR}, {@code BOOLEAN} or {@code INTEGER}
 * @param description what it does and its default, one line
 */
public record OptionSpec(String name, String type, String description) {
  public OptionSpec {
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(type, "type is null");
    Objects.requireNonNull(description, "description is null");
  }

  public static OptionSpec text(String name, String description) {
    return new OptionSpec(name, "VARCHAR", description);
  }

  public static OptionSpec bool(String name, String description) {
    return new OptionSpec(name, "BOOLEAN", description);
  }

  public static OptionSpec integer(String name, String description) {
    return new OptionSpec(name, "INTEGER", description);
  }
}
