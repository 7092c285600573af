package io.dsap.engine.source;

import io.dsap.engine.error.Errors;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens a data file as a byte stream, positioned after any UTF-8 byte order mark. */
public final class FileSource {
  private FileSource() {}

  /** Length of the UTF-8 BOM at the start of the file (0 or 3). */
  public static int bomLength(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] b = in.readNBytes(3);
      return b.length == 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF ? 3 : 0;
    } catch (IOException e) {
      throw Errors.io(file, e);
    }
  }

  /** Opens the file after its BOM for a full scan. */
  public static InputStream open(Path file) {
    try {
      InputStream in = Files.newInputStream(file);
      int bom = bomLength(file);
      if (bom > 0) {
        in.skipNBytes(bom);
      }
      ReadMetrics.scanOpened();
      return new java.io.FilterInputStream(in) {
        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          int n = super.read(b, off, len);
          if (n > 0) {
            ReadMetrics.scanned(n);
          }
          return n;
        }
      };
    } catch (IOException e) {
      throw Errors.io(file, e);
    }
  }

  /** Reads up to {@code max} bytes from {@code offset} (after the BOM). */
  public static byte[] readRange(Path file, long offset, int max) {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      in.skipNBytes(Math.min(offset + bomLength(file), Files.size(file)));
      byte[] b = in.readNBytes(max);
      ReadMetrics.sampled(b.length);
      return b;
    } catch (IOException e) {
      throw Errors.io(file, e);
    }
  }
}
