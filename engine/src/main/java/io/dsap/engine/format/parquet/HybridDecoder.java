package io.dsap.engine.format.parquet;

import java.util.Arrays;
import org.apache.parquet.column.values.bitpacking.BytePacker;
import org.apache.parquet.column.values.bitpacking.Packer;

/**
 * Parquet's RLE / bit-packed hybrid encoding (definition levels, dictionary ids) decoded in bulk:
 * a run of one value is filled at once, bit-packed groups are unpacked eight at a time by
 * parquet-encoding's generated {@link BytePacker}s. parquet-column's own decoder hands out one
 * value per call, which was the top of the profile of a Parquet GROUP BY.
 */
final class HybridDecoder {
  private byte[] buf;
  private int pos;
  private int end;
  private int bitWidth;
  private BytePacker packer;
  private boolean packed;
  private int runLeft;
  private int runValue;
  private int[] unpacked = new int[64];
  private int unpackedPos;
  private final byte[] padded = new byte[32];

  /** Starts decoding {@code b[from, to)} with values of {@code bitWidth} bits (0 to 32). */
  void init(byte[] b, int from, int to, int bitWidth) {
    if (bitWidth < 0 || bitWidth > 32) {
      throw new IllegalStateException("invalid bit width " + bitWidth + " in RLE/bit-packed data");
    }
    this.buf = b;
    this.pos = from;
    this.end = to;
    if (packer == null || this.bitWidth != bitWidth) {
      packer = Packer.LITTLE_ENDIAN.newBytePacker(bitWidth);
    }
    this.bitWidth = bitWidth;
    this.runLeft = 0;
  }

  /**
   * Whether the data starts with a run of {@code value} at least {@code n} long (a page without
   * nulls): then those {@code n} values are consumed, else nothing is.
   */
  boolean startsWithRun(int value, int n) {
    int start = pos;
    if (n > 0 && pos < end) {
      int header = varInt();
      if ((header & 1) == 0 && (header >>> 1) >= n) {
        int v = 0;
        for (int i = 0, bytes = (bitWidth + 7) / 8; i < bytes; i++) {
          v |= (byte_() & 0xff) << (8 * i);
        }
        if (v == value) {
          packed = false;
          runValue = v;
          runLeft = (header >>> 1) - n;
          return true;
        }
      }
    }
    pos = start;
    runLeft = 0;
    return false;
  }

  /** Reads the next {@code n} values into {@code out[off, off + n)}. */
  void read(int[] out, int off, int n) {
    while (n > 0) {
      if (runLeft == 0) {
        nextRun();
      }
      int m = Math.min(n, runLeft);
      if (packed) {
        System.arraycopy(unpacked, unpackedPos, out, off, m);
        unpackedPos += m;
      } else {
        Arrays.fill(out, off, off + m, runValue);
      }
      runLeft -= m;
      off += m;
      n -= m;
    }
  }

  private void nextRun() {
    int header = varInt();
    if ((header & 1) == 0) {
      packed = false;
      runLeft = header >>> 1;
      int v = 0;
      for (int i = 0, bytes = (bitWidth + 7) / 8; i < bytes; i++) {
        v |= (byte_() & 0xff) << (8 * i);
      }
      runValue = v;
    } else {
      packed = true;
      int groups = header >>> 1;
      runLeft = groups * 8;
      if (unpacked.length < runLeft) {
        unpacked = new int[Math.max(runLeft, unpacked.length * 2)];
      }
      int g = 0;
      for (; g + 4 <= groups && pos + 4 * bitWidth <= end; g += 4) { // 32 values a call where the data allows
        packer.unpack32Values(buf, pos, unpacked, g * 8);
        pos += 4 * bitWidth;
      }
      for (; g < groups; g++) {
        if (pos + bitWidth <= end) {
          packer.unpack8Values(buf, pos, unpacked, g * 8);
        } else { // a last group cut short by the writer: pad with zeros
          Arrays.fill(padded, (byte) 0);
          System.arraycopy(buf, pos, padded, 0, Math.max(0, end - pos));
          packer.unpack8Values(padded, 0, unpacked, g * 8);
        }
        pos += bitWidth;
      }
      unpackedPos = 0;
    }
    if (runLeft == 0 && pos >= end) {
      throw new IllegalStateException("RLE/bit-packed data ends before its values");
    }
  }

  private int varInt() {
    int v = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      int b = byte_();
      v |= (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return v;
      }
    }
    throw new IllegalStateException("invalid run header in RLE/bit-packed data");
  }

  private int byte_() {
    if (pos >= end) {
      throw new IllegalStateException("RLE/bit-packed data ends before its values");
    }
    return buf[pos++];
  }
}
