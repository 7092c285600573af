package io.dsap.engine.format;

import java.nio.file.Path;
import java.util.Locale;

/**
 * What detection knows of a file before choosing its format: its path, size and first bytes.
 *
 * @param file the file
 * @param size size in bytes on disk
 * @param head the first bytes of the content (at most {@link #HEAD_BYTES})
 */
public record FileProbe(Path file, long size, byte[] head) {
  public static final int HEAD_BYTES = 4096;

  /** The extension in lower case without the dot, ignoring a compression suffix; "" if none. */
  public String extension() {
    String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
    for (String c : new String[] {".gz", ".zst"}) {
      if (n.endsWith(c)) {
        n = n.substring(0, n.length() - c.length());
      }
    }
    int dot = n.lastIndexOf('.');
    return dot <= 0 ? "" : n.substring(dot + 1);
  }

  /** Whether the content starts with {@code magic}. */
  public boolean startsWith(byte[] magic) {
    if (head.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (head[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
