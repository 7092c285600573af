package io.dsap.engine.format;

import io.dsap.engine.error.DsapException;
import io.dsap.engine.error.ErrorCode;
import io.dsap.engine.error.Errors;
import io.dsap.engine.source.FileSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * The formats on the class path, and the choice of one for a file: magic bytes first, then the
 * extension, then the content.
 */
public final class FormatRegistry {
  private static volatile FormatRegistry defaults;

  private final List<FormatReader> formats;

  public FormatRegistry(List<FormatReader> formats) {
    this.formats = List.copyOf(formats);
  }

  /** The formats found by {@link ServiceLoader} next to dsap's own classes. */
  public static FormatRegistry defaults() {
    FormatRegistry r = defaults;
    if (r == null) {
      List<FormatReader> found = new ArrayList<>();
      // dsap's own loader: inside DBeaver the context loader is not the driver's
      ServiceLoader.load(FormatReader.class, FormatRegistry.class.getClassLoader()).forEach(found::add);
      r = new FormatRegistry(found);
      defaults = r;
    }
    return r;
  }

  public List<FormatReader> formats() {
    return formats;
  }

  /** The format called {@code name}, or an error listing the known ones. */
  public FormatReader byName(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    for (FormatReader f : formats) {
      if (f.name().equals(n)) {
        return f;
      }
    }
    throw Errors.invalidOption("format", name, "one of " + names());
  }

  /** The format that reads {@code file}, or an error that says what was seen. */
  public FormatReader detect(Path file) {
    FileProbe probe = probe(file);
    return best(probe, Match.CONTENT).orElseThrow(() -> unsupported(probe));
  }

  /**
   * The format of a file found while listing a folder: only a match by magic bytes or extension
   * counts, so notes and scripts next to the data do not become tables.
   */
  public Optional<FormatReader> detectForListing(Path file) {
    return best(probe(file), Match.EXTENSION);
  }

  private Optional<FormatReader> best(FileProbe probe, Match atLeast) {
    FormatReader best = null;
    Match bestMatch = Match.NONE;
    for (FormatReader f : formats) {
      Match m = f.probe(probe);
      if (m.compareTo(bestMatch) > 0) {
        best = f;
        bestMatch = m;
      }
    }
    return bestMatch.compareTo(atLeast) >= 0 ? Optional.of(best) : Optional.empty();
  }

  /** Reads the first bytes of a file for detection. */
  public static FileProbe probe(Path file) {
    byte[] head = FileSource.head(file, FileProbe.HEAD_BYTES);
    return new FileProbe(file, file.toFile().length(), head);
  }

  private DsapException unsupported(FileProbe probe) {
    StringBuilder hex = new StringBuilder();
    for (int i = 0; i < Math.min(8, probe.head().length); i++) {
      hex.append(String.format("%02x ", probe.head()[i] & 0xff));
    }
    return new DsapException(ErrorCode.UNSUPPORTED_FORMAT, "cannot tell the format of '" + probe.file()
        + "' (extension '" + probe.extension() + "', first bytes " + hex.toString().trim()
        + "). Supported formats: " + names() + ". Name the format with the matching read_* function,"
        + " e.g. read_csv('" + probe.file().getFileName() + "').");
  }

  private String names() {
    return formats.stream().map(f -> f.name() + " (" + String.join(", ", f.extensions()) + ")")
        .collect(Collectors.joining(", "));
  }
}
