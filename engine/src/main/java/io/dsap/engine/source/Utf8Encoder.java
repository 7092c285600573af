package io.dsap.engine.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;

/** Re-encodes a character stream as UTF-8 bytes, so every reader parses one encoding. */
final class Utf8Encoder extends InputStream {
  private final Reader reader;
  private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder();
  private final CharBuffer chars = CharBuffer.allocate(64 * 1024);
  private final ByteBuffer bytes = ByteBuffer.allocate(256 * 1024);
  private boolean eof;

  Utf8Encoder(Reader reader) {
    this.reader = reader;
    chars.flip();
    bytes.flip();
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    while (!bytes.hasRemaining()) {
      if (eof && !chars.hasRemaining()) {
        return -1;
      }
      fill();
    }
    int n = Math.min(len, bytes.remaining());
    bytes.get(b, off, n);
    return n;
  }

  private void fill() throws IOException {
    chars.compact();
    int r = eof ? -1 : reader.read(chars);
    if (r < 0) {
      eof = true;
    }
    chars.flip();
    bytes.clear();
    CoderResult cr = encoder.encode(chars, bytes, eof);
    if (cr.isError()) {
      cr.throwException();
    }
    if (eof) {
      encoder.flush(bytes);
    }
    bytes.flip();
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
