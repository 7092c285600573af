package io.dsap.engine.format.parquet;

import io.dsap.engine.format.FileProbe;
import io.dsap.engine.format.FormatOptions;
import io.dsap.engine.format.FormatReader;
import io.dsap.engine.format.Match;
import io.dsap.engine.format.OptionSpec;
import io.dsap.engine.format.TableSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Apache Parquet files. Types come from the file's schema, so there is nothing to detect: opening
 * a file reads only its footer.
 */
public final class ParquetFormat implements FormatReader {
  static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
  static final List<OptionSpec> OPTIONS = List.of(
      OptionSpec.bool("binary_as_string", "read BINARY columns without a STRING annotation as VARCHAR"
          + " (files from old writers); default false: VARBINARY"));

  @Override
  public String name() {
    return "parquet";
  }

  @Override
  public List<String> extensions() {
    return List.of("parquet", "parq", "pq");
  }

  @Override
  public Match probe(FileProbe probe) {
    if (probe.startsWith(MAGIC)) {
      return Match.MAGIC;
    }
    return extensions().contains(probe.extension()) ? Match.EXTENSION : Match.NONE;
  }

  @Override
  public TableSource open(Path file, String displayName, String table, FormatOptions options) {
    options.checkKnown(name(), OPTIONS, List.of());
    boolean binaryAsString = Boolean.TRUE.equals(options.bool("binary_as_string"));
    return new ParquetTableSource(file, displayName, ParquetFiles.readFooter(file, displayName), binaryAsString);
  }

  @Override
  public List<OptionSpec> options() {
    return OPTIONS;
  }
}
