package io.dsap.engine.source;

import io.dsap.engine.error.Errors;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/**
 * Tells a text file's character set from its first bytes: a byte order mark, else UTF-16
 * without one (zero bytes in every other position), else UTF-8 if the bytes are valid UTF-8, else
 * windows-1252 (which also reads ISO-8859-1 text).
 */
public final class Encodings {
  public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private Encodings() {}

  /** The layout for {@code head} (decompressed first bytes); {@code option} wins when set. */
  static TextLayout detect(Compression compression, byte[] head, String option) {
    int bom = 0;
    Charset bomCharset = null;
    if (head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
      bom = 3;
      bomCharset = StandardCharsets.UTF_8;
    } else if (head.length >= 2 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE) {
      bom = 2;
      bomCharset = StandardCharsets.UTF_16LE;
    } else if (head.length >= 2 && (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF) {
      bom = 2;
      bomCharset = StandardCharsets.UTF_16BE;
    }
    if (option != null && !option.isBlank()) {
      Charset c = charset(option);
      // a BOM of the same family is still skipped
      boolean sameFamily = bomCharset != null && (c.equals(bomCharset)
          || (c.equals(StandardCharsets.UTF_16) && bom == 2));
      return new TextLayout(compression, c.equals(StandardCharsets.UTF_16) && bomCharset != null ? bomCharset : c,
          sameFamily ? bom : 0, false);
    }
    if (bomCharset != null) {
      return new TextLayout(compression, bomCharset, bom, true);
    }
    Charset utf16 = utf16WithoutBom(head);
    if (utf16 != null) {
      return new TextLayout(compression, utf16, 0, true);
    }
    return new TextLayout(compression, validUtf8(head, head.length) < 0 ? StandardCharsets.UTF_8 : WINDOWS_1252, 0,
        true);
  }

  /** The charset named by an {@code encoding =>} option, or an error listing common names. */
  public static Charset charset(String name) {
    String n = name.trim();
    if (n.equalsIgnoreCase("latin1") || n.equalsIgnoreCase("latin-1")) {
      n = "ISO-8859-1";
    }
    try {
      return Charset.forName(n);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw Errors.invalidOption("encoding", name,
          "a character set such as 'utf-8', 'utf-16', 'utf-16le', 'windows-1252' or 'iso-8859-1'");
    }
  }

  private static Charset utf16WithoutBom(byte[] b) {
    int n = Math.min(b.length, 4096) & ~1;
    if (n < 8) {
      return null;
    }
    int zeroEven = 0;
    int zeroOdd = 0;
    for (int i = 0; i < n; i += 2) {
      if (b[i] == 0) {
        zeroEven++;
      }
      if (b[i + 1] == 0) {
        zeroOdd++;
      }
    }
    int pairs = n / 2;
    if (zeroOdd > pairs * 0.6 && zeroEven < pairs * 0.1) {
      return StandardCharsets.UTF_16LE;
    }
    if (zeroEven > pairs * 0.6 && zeroOdd < pairs * 0.1) {
      return StandardCharsets.UTF_16BE;
    }
    return null;
  }

  /**
   * Checks {@code b[0, length)} as UTF-8. Returns -1 when valid (a sequence cut off by the end is
   * allowed), else the offset of the first invalid byte.
   */
  public static int validUtf8(byte[] b, int length) {
    return validUtf8(b, 0, length, true);
  }

  /** Like {@link #validUtf8(byte[], int)} on {@code b[start, end)}; {@code cutOk} allows a cut-off last sequence. */
  public static int validUtf8(byte[] b, int start, int end, boolean cutOk) {
    int i = start;
    while (i < end) {
      int c = b[i] & 0xff;
      if (c < 0x80) {
        i++;
        continue;
      }
      int need;
      int min;
      if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
        min = 0x80;
      } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        min = 0x800;
      } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        min = 0x10000;
      } else {
        return i;
      }
      int cp = c & (0x3F >> need);
      for (int k = 1; k <= need; k++) {
        if (i + k >= end) {
          return cutOk ? -1 : i;
        }
        int cc = b[i + k] & 0xff;
        if ((cc & 0xC0) != 0x80) {
          return i;
        }
        cp = (cp << 6) | (cc & 0x3F);
      }
      if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        return i;
      }
      i += need + 1;
    }
    return -1;
  }
}
