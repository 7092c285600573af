package io.dsap.engine.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The kinds of value a setting holds, and how each is parsed from text. */
public enum SettingType {
  STRING("text"),
  PATH("a file or folder path"),
  PATHS("one or more folder paths, separated by commas (a YAML list in dsap.yaml)"),
  INT("a whole number"),
  LONG("a whole number"),
  DOUBLE("a number"),
  BOOLEAN("true or false"),
  DURATION("a duration such as 500ms, 30s, 5m, 2h (0 = no limit)"),
  SIZE("a size in bytes such as 512KB, 100MB, 2GB (0 = no limit)"),
  ENUM("one of the allowed values");

  private static final Pattern DURATION_TEXT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?");
  private static final Pattern SIZE_TEXT = Pattern.compile("(\\d+)\\s*(b|kb|mb|gb|tb|k|m|g|t)?");

  private final String expected;

  SettingType(String expected) {
    this.expected = expected;
  }

  /** What a valid value looks like, for error messages and the docs. */
  public String expected() {
    return expected;
  }

  /**
   * Parses {@code text} (already trimmed, not empty) into this type's Java value; relative paths are resolved
   * against {@code base}. Throws IllegalArgumentException with the reason when the text is not a value.
   */
  Object parse(String text, SettingKey key, Path base) {
    return switch (this) {
      case STRING -> text;
      case PATH -> path(text, base);
      case PATHS -> paths(text, base);
      case INT -> (int) range(parseLong(text), key);
      case LONG -> range(parseLong(text), key);
      case DOUBLE -> doubleValue(text, key);
      case BOOLEAN -> bool(text);
      case DURATION -> duration(text);
      case SIZE -> size(text);
      case ENUM -> enumValue(text, key);
    };
  }

  private static Path path(String text, Path base) {
    try {
      Path p = Path.of(text.startsWith("~/") ? System.getProperty("user.home") + text.substring(1) : text);
      return (p.isAbsolute() || base == null ? p : base.resolve(p)).normalize();
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("not a path (" + e.getReason() + ")");
    }
  }

  private static List<Path> paths(String text, Path base) {
    List<Path> list = new ArrayList<>();
    for (String part : text.split(",")) {
      if (!part.isBlank()) {
        list.add(path(part.trim(), base));
      }
    }
    if (list.isEmpty()) {
      throw new IllegalArgumentException("no path given");
    }
    return List.copyOf(list);
  }

  private static long parseLong(String text) {
    try {
      return Long.parseLong(text.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a whole number");
    }
  }

  private static long range(long v, SettingKey key) {
    if (v < key.min() || v > key.max()) {
      throw new IllegalArgumentException("out of range");
    }
    return v;
  }

  private static double doubleValue(String text, SettingKey key) {
    double v;
    try {
      v = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a number");
    }
    if (Double.isNaN(v) || v < key.min() || v > key.max()) {
      throw new IllegalArgumentException("out of range");
    }
    return v;
  }

  private static boolean bool(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> throw new IllegalArgumentException("not true or false");
    };
  }

  private static Duration duration(String text) {
    String t = text.toLowerCase(Locale.ROOT);
    if (t.startsWith("p")) {
      try {
        return Duration.parse(text);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("not an ISO-8601 duration");
      }
    }
    Matcher m = DURATION_TEXT.matcher(t);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a duration");
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    return switch (unit) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }

  private static long size(String text) {
    Matcher m = SIZE_TEXT.matcher(text.toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("not a size");
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "b" : m.group(2);
    int shift = switch (unit.charAt(0)) {
      case 'k' -> 10;
      case 'm' -> 20;
      case 'g' -> 30;
      case 't' -> 40;
      default -> 0;
    };
    if (shift > 0 && n > (Long.MAX_VALUE >> shift)) {
      throw new IllegalArgumentException("too large");
    }
    return n << shift;
  }

  private static String enumValue(String text, SettingKey key) {
    for (String allowed : key.allowed()) {
      if (allowed.equalsIgnoreCase(text)) {
        return allowed;
      }
    }
    throw new IllegalArgumentException("not an allowed value");
  }
}
