package io.dsap.engine.format.arrow;

import io.dsap.engine.format.FileProbe;
import io.dsap.engine.format.FormatOptions;
import io.dsap.engine.format.FormatReader;
import io.dsap.engine.format.Match;
import io.dsap.engine.format.OptionSpec;
import io.dsap.engine.format.TableSource;
import java.nio.file.Path;
import java.util.List;

/**
 * Apache Arrow IPC: the file format (Feather v2, {@code ARROW1} magic) and the stream format.
 * Types come from the schema: opening a file reads its schema and footer only. Reading needs no
 * JVM flags (see {@link IpcReader}).
 */
public final class ArrowFormat implements FormatReader {
  @Override
  public String name() {
    return "arrow";
  }

  @Override
  public List<String> extensions() {
    return List.of("arrow", "feather", "ipc", "arrows");
  }

  @Override
  public Match probe(FileProbe probe) {
    if (probe.startsWith(IpcReader.MAGIC)) {
      return Match.MAGIC;
    }
    // the stream format has no magic bytes: its extension decides
    return extensions().contains(probe.extension()) ? Match.EXTENSION : Match.NONE;
  }

  @Override
  public TableSource open(Path file, String displayName, String table, FormatOptions options) {
    options.checkKnown(name(), List.of(), List.of());
    try (IpcReader ipc = IpcReader.open(file, displayName)) {
      return new ArrowTableSource(file, displayName, ipc);
    }
  }

  @Override
  public List<OptionSpec> options() {
    return List.of();
  }
}
