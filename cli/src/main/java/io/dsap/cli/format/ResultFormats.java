package io.dsap.cli.format;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The output formats by name: the value of {@code --format}. */
public final class ResultFormats {
  private static final Map<String, Supplier<ResultFormat>> FORMATS = new LinkedHashMap<>();

  static {
    FORMATS.put("table", TableFormat::new);
    FORMATS.put("csv", CsvFormat::new);
    FORMATS.put("json", JsonFormat::new);
  }

  private ResultFormats() {
  }

  /** Returns the format called {@code name} (case-insensitive). */
  public static ResultFormat named(String name) {
    Supplier<ResultFormat> format = FORMATS.get(name.toLowerCase(Locale.ROOT));
    if (format == null) {
      throw new IllegalArgumentException(
          "unknown format '" + name + "' (expected one of: " + String.join(", ", FORMATS.keySet()) + ")");
    }
    return format.get();
  }

  /** Lets picocli turn {@code --format NAME} into a format, and fail with the list of names. */
  public static final class Converter implements ITypeConverter<ResultFormat> {
    @Override
    public ResultFormat convert(String value) {
      try {
        return named(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** The format names, for picocli's ${COMPLETION-CANDIDATES} and shell completion. */
  public static final class Names implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return FORMATS.keySet().iterator();
    }
  }
}
