package io.dsap.engine.source;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * How a text file is stored: compression, character set, byte order mark, and whether the
 * character set was detected or set by the user.
 */
public record TextLayout(Compression compression, Charset charset, int bomLength, boolean detected) {
  public TextLayout {
    Objects.requireNonNull(compression, "compression is null");
    Objects.requireNonNull(charset, "charset is null");
  }

  /** Plain UTF-8 on disk: byte offsets in the file are byte offsets in the text, and ranges can be read directly. */
  public boolean seekable() {
    return compression == Compression.NONE && charset.equals(StandardCharsets.UTF_8);
  }

  /** The encoding as {@code file_info} shows it: {@code UTF-8}, {@code UTF-16LE (BOM)}, {@code windows-1252}. */
  public String describe() {
    String s = charset.name() + (bomLength > 0 ? " (BOM)" : "");
    return compression == Compression.NONE ? s : s + ", " + compression.name().toLowerCase(java.util.Locale.ROOT);
  }
}
