package io.dsap.engine.source;

import com.github.luben.zstd.ZstdInputStream;
import io.dsap.engine.error.DsapException;
import io.dsap.engine.error.ErrorCode;
import io.dsap.engine.error.Errors;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Opens data files: decompresses {@code .gz} and {@code .zst} transparently (told by magic bytes,
 * not the name), and for text files skips the byte order mark and re-encodes other character
 * sets as UTF-8, so every text reader parses UTF-8 bytes.
 */
public final class FileSource {
  private FileSource() {}

  /** The compression of {@code file}, from its first bytes. */
  public static Compression compression(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return Compression.of(in.readNBytes(4));
    } catch (IOException e) {
      throw Errors.io(file, e);
    }
  }

  /** The decompressed bytes of {@code file}, not counted as a scan (for probing). */
  public static byte[] head(Path file, int max) {
    try (InputStream in = decompressed(file, compression(file))) {
      byte[] b = in.readNBytes(max);
      ReadMetrics.sampled(b.length);
      return b;
    } catch (IOException e) {
      throw unreadable(file, e);
    }
  }

  /** Opens the decompressed bytes of {@code file} for a full scan (binary formats). */
  public static InputStream openBinary(Path file) {
    try {
      ReadMetrics.scanOpened();
      return counting(decompressed(file, compression(file)));
    } catch (IOException e) {
      throw unreadable(file, e);
    }
  }

  /** How the text file is stored; {@code encodingOption} (may be null) overrides detection. */
  public static TextLayout textLayout(Path file, String encodingOption) {
    Compression c = compression(file);
    return Encodings.detect(c, head(file, 1 << 20), encodingOption);
  }

  /** Opens a text file as UTF-8 bytes after its BOM, for a full scan. */
  public static InputStream openText(Path file, TextLayout layout) {
    try {
      ReadMetrics.scanOpened();
      return utf8(file, layout, counting(decompressed(file, layout.compression())));
    } catch (IOException e) {
      throw unreadable(file, e);
    }
  }

  /**
   * Opens a seekable text file ({@link TextLayout#seekable()}) at byte {@code offset} of its text
   * (after the BOM), for one split of a scan: its bytes count as scanned, the scan was counted
   * when it was opened.
   */
  public static InputStream openTextRange(Path file, TextLayout layout, long offset) {
    if (!layout.seekable()) {
      throw new IllegalArgumentException("only plain UTF-8 files can be read from an offset");
    }
    try {
      java.nio.channels.SeekableByteChannel ch = Files.newByteChannel(file);
      ch.position(offset + layout.bomLength());
      return counting(java.nio.channels.Channels.newInputStream(ch));
    } catch (IOException e) {
      throw Errors.io(file, e);
    }
  }

  /**
   * Up to {@code max} bytes of the UTF-8 text from {@code offset} (after the BOM). Ranges past the
   * start need a seekable layout; others read the start of the decoded stream.
   */
  public static byte[] readText(Path file, TextLayout layout, long offset, int max) {
    if (offset > 0 && !layout.seekable()) {
      throw new IllegalArgumentException("only the start of a compressed or re-encoded file can be sampled");
    }
    try (InputStream raw = layout.seekable() ? new BufferedInputStream(Files.newInputStream(file))
        : decompressed(file, layout.compression())) {
      InputStream in = layout.seekable() ? raw : utf8(file, layout, raw);
      if (layout.seekable()) {
        in.skipNBytes(Math.min(offset + layout.bomLength(), Files.size(file)));
      }
      byte[] b = in.readNBytes(max);
      ReadMetrics.sampled(b.length);
      return b;
    } catch (IOException e) {
      throw unreadable(file, e);
    }
  }

  /** Up to {@code max} raw bytes of the file on disk from {@code offset} (binary formats: footers, magic). */
  public static byte[] readBytes(Path file, long offset, int max) {
    try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file)) {
      java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate((int) Math.max(0, Math.min(max, ch.size() - offset)));
      while (buf.hasRemaining() && ch.read(buf, offset + buf.position()) > 0) {
        // positional reads until full
      }
      ReadMetrics.sampled(buf.position());
      return java.util.Arrays.copyOf(buf.array(), buf.position());
    } catch (IOException e) {
      throw Errors.io(file, e);
    }
  }

  /** Size of the file on disk. */
  public static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw Errors.io(file, e);
    }
  }

  private static InputStream decompressed(Path file, Compression c) throws IOException {
    InputStream in = Files.newInputStream(file);
    switch (c) {
      case GZIP: return new GZIPInputStream(in, 1 << 16);
      case ZSTD: return new ZstdInputStream(new BufferedInputStream(in, 1 << 16));
      default: return in;
    }
  }

  private static InputStream utf8(Path file, TextLayout layout, InputStream in) throws IOException {
    if (layout.bomLength() > 0) {
      in.skipNBytes(layout.bomLength());
    }
    if (layout.charset().equals(StandardCharsets.UTF_8)) {
      return in;
    }
    return new Utf8Encoder(new InputStreamReader(in, layout.charset().newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)));
  }

  private static InputStream counting(InputStream in) {
    return new FilterInputStream(in) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
          ReadMetrics.scanned(n);
        }
        return n;
      }
    };
  }

  private static DsapException unreadable(Path file, IOException e) {
    if (e instanceof java.util.zip.ZipException || e.getClass().getName().contains("Zstd")
        || e instanceof java.io.EOFException) {
      return new DsapException(ErrorCode.MALFORMED_DATA, "'" + file + "' could not be decompressed (" + e.getMessage()
          + "). The file may be truncated or not really compressed; check it with gzip -t or zstd -t.", e);
    }
    return Errors.io(file, e);
  }

  /** Opens the decoded text like {@link #openText}, for detection: its bytes count as sampled, not scanned. */
  public static InputStream openTextSample(Path file, TextLayout layout) {
    try {
      InputStream raw = new BufferedInputStream(decompressed(file, layout.compression()), 1 << 16);
      return new FilterInputStream(utf8(file, layout, raw)) {
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
      throw unreadable(file, e);
    }
  }

  // --- kept for callers that predate TextLayout: the layout is detected with defaults

  /** Length of the byte order mark that starts the (decompressed) file. */
  public static int bomLength(Path file) {
    return textLayout(file, null).bomLength();
  }

  /** Opens a text file with a detected layout (see {@link #openText}). */
  public static InputStream open(Path file) {
    return openText(file, textLayout(file, null));
  }

  /** Reads from the start of the decoded text with a detected layout (see {@link #readText}). */
  public static byte[] readRange(Path file, long offset, int max) {
    return readText(file, textLayout(file, null), offset, max);
  }
}
