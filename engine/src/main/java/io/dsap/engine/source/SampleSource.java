package io.dsap.engine.source;

import java.io.InputStream;
import java.nio.file.Path;

/**
 * Opens a file for detection: a stream after any UTF-8 BOM whose bytes count as sampled, not
 * scanned ({@link ReadMetrics}), for formats that sample by streaming the first records.
 */
public final class SampleSource {
  private SampleSource() {}

  /**
   * The file's text as UTF-8 (decompressed, re-encoded, after the BOM); the caller reads a
   * bounded prefix and closes it.
   */
  public static InputStream open(Path file) {
    return FileSource.openTextSample(file, FileSource.textLayout(file, null));
  }
}
