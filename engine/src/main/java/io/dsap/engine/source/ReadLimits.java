package io.dsap.engine.source;

import io.dsap.engine.error.DsapException;
import io.dsap.engine.error.ErrorCode;
import java.nio.file.Path;

/**
 * Process-wide limits on what dsap reads. Embedded use has none; the server sets them from its
 * configuration at start, because one server process is one engine shared by all its users.
 */
public final class ReadLimits {
  private static volatile long maxFileSize = Long.MAX_VALUE;

  private ReadLimits() {}

  /** Files larger than {@code bytes} are refused from now on; {@code Long.MAX_VALUE} for no limit. */
  public static void setMaxFileSize(long bytes) {
    if (bytes <= 0) {
      throw new IllegalArgumentException("max file size must be positive: " + bytes);
    }
    maxFileSize = bytes;
  }

  public static long maxFileSize() {
    return maxFileSize;
  }

  /** Fails if {@code file} is over the limit; {@code displayName} is the name users know it by. */
  public static void checkSize(Path file, String displayName) {
    long limit = maxFileSize;
    if (limit == Long.MAX_VALUE) {
      return;
    }
    long size = file.toFile().length();
    if (size > limit) {
      throw new DsapException(ErrorCode.FILE_TOO_LARGE, "file '" + displayName + "' is " + bytes(size)
          + ", over this server's limit of " + bytes(limit) + " per file (server.limits.max_file_size)."
          + " Ask the administrator to raise the limit, or split the file.");
    }
  }

  /** A byte count as people read it: 512 bytes, 1.5 KiB, 20.0 MiB. */
  static String bytes(long n) {
    if (n < 1024) {
      return n + " bytes";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double v = n;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(java.util.Locale.ROOT, "%.1f %s", v, units[u]);
  }
}
