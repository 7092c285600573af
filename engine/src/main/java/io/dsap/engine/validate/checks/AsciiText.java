package io.dsap.engine.validate.checks;

/**
 * A reusable window on ASCII bytes as a {@link CharSequence}, so a regular expression can test a
 * text value without a String being made for it. Only for ASCII: a UTF-8 byte of a multi-byte
 * character is not a char (callers check {@link #ascii} first).
 */
final class AsciiText implements CharSequence {
  private byte[] bytes;
  private int start;
  private int length;

  static boolean ascii(byte[] b, int start, int end) {
    for (int i = start; i < end; i++) {
      if (b[i] < 0) {
        return false;
      }
    }
    return true;
  }

  AsciiText set(byte[] b, int start, int end) {
    this.bytes = b;
    this.start = start;
    this.length = end - start;
    return this;
  }

  @Override
  public int length() {
    return length;
  }

  @Override
  public char charAt(int index) {
    if (index < 0 || index >= length) {
      throw new IndexOutOfBoundsException(index);
    }
    return (char) bytes[start + index];
  }

  @Override
  public CharSequence subSequence(int from, int to) {
    return toString().subSequence(from, to);
  }

  @Override
  public String toString() {
    return new String(bytes, start, length, java.nio.charset.StandardCharsets.US_ASCII);
  }
}
