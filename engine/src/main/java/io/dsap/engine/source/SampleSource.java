package io.dsap.engine.source;

import io.dsap.engine.error.Errors;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens a file for detection: a stream after any UTF-8 BOM whose bytes count as sampled, not
 * scanned ({@link ReadMetrics}), for formats that sample by streaming the first records.
 */
public final class SampleSource {
  private SampleSource() {}

  /** The file after its BOM; the caller reads a bounded prefix and closes it. */
  public static InputStream open(Path file) {
    try {
      InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
      int bom = FileSource.bomLength(file);
      if (bom > 0) {
        in.skipNBytes(bom);
      }
      return new FilterInputStream(in) {
        @Override
        public int read() throws IOException {
          int b = super.read();
          if (b >= 0) {
            ReadMetrics.sampled(1);
          }
          return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          int n = super.read(b, off, len);
          if (n > 0) {
            ReadMetrics.sampled(n);
          }
          return n;
        }
      };
    } catch (IOException e) {
      throw Errors.io(file, e);
    }
  }
}
