package io.dsap.engine.source;

/** How a file's bytes are compressed, told by its magic bytes. */
public enum Compression {
  NONE, GZIP, ZSTD;

  /** The compression whose magic bytes start {@code head}. */
  public static Compression of(byte[] head) {
    if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
      return GZIP;
    }
    if (head.length >= 4 && (head[0] & 0xff) == 0x28 && (head[1] & 0xff) == 0xb5 && (head[2] & 0xff) == 0x2f
        && (head[3] & 0xff) == 0xfd) {
      return ZSTD;
    }
    return NONE;
  }
}
