package io.dsap.engine.format;

import java.nio.file.Path;
import java.util.List;

/**
 * A file format dsap can read: it recognises its files and opens them as tables. Formats are
 * found with {@link java.util.ServiceLoader}; a jar that lists a class in
 * {@code META-INF/services/io.dsap.engine.format.FormatReader} adds a format (docs/formats.md).
 *
 * <p>Implementations are stateless and thread-safe. {@link #open} runs while a query is planned,
 * so it must be cheap: detect from a sample, never read the whole file.
 */
public interface FormatReader {
  /** Short lower-case name used in options and {@code file_info}: {@code csv}, {@code json}. */
  String name();

  /** File extensions (lower case, no dot) this format claims, e.g. {@code csv}, {@code tsv}. */
  List<String> extensions();

  /** How surely this format reads the file, judged from its first bytes and its name. */
  Match probe(FileProbe probe);

  /**
   * The tables in the file: one, named {@code ""}, for most formats; several for formats that hold
   * several (the sheets of a workbook).
   */
  default List<String> tables(Path file, FormatOptions options) {
    return List.of("");
  }

  /** Opens one table of the file (detection included). {@code table} is one of {@link #tables}. */
  TableSource open(Path file, String displayName, String table, FormatOptions options);

  /** The options this format accepts, for validation, docs and error messages. */
  List<OptionSpec> options();
}
