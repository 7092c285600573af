package io.dsap.engine.validate.checks;

/**
 * A set of 128-bit row fingerprints with the line each was first seen on: 20 bytes a slot, 2 to
 * 4 slots per row (40 to 80 bytes a row). Two different rows share a fingerprint with
 * probability about n^2 / 2^129: none in practice.
 */
final class Hash128Map {
  private long[] hi = new long[1024];
  private long[] lo = new long[1024];
  private int[] lines = new int[1024];
  private int size;

  int size() {
    return size;
  }

  /** Whether adding one more row would make the table grow beyond {@code bytes}. */
  boolean wouldGrowPast(long bytes) {
    return (size + 1) * 2 >= hi.length && 40L * hi.length > bytes;
  }

  /** 0 if new, else the line the row was first seen on (-1 when beyond 2^31). */
  int putIfAbsent(long h, long l, long line) {
    if (size * 2 >= hi.length) {
      grow();
    }
    int mask = hi.length - 1;
    int i = LongLineMap.mix(h ^ l) & mask;
    while (lines[i] != 0) {
      if (hi[i] == h && lo[i] == l) {
        return lines[i];
      }
      i = (i + 1) & mask;
    }
    hi[i] = h;
    lo[i] = l;
    lines[i] = line > Integer.MAX_VALUE || line < 1 ? -1 : (int) line;
    size++;
    return 0;
  }

  private void grow() {
    long[] oh = hi;
    long[] ol = lo;
    int[] oli = lines;
    hi = new long[oh.length * 2];
    lo = new long[oh.length * 2];
    lines = new int[oh.length * 2];
    int mask = hi.length - 1;
    for (int j = 0; j < oh.length; j++) {
      if (oli[j] != 0) {
        int i = LongLineMap.mix(oh[j] ^ ol[j]) & mask;
        while (lines[i] != 0) {
          i = (i + 1) & mask;
        }
        hi[i] = oh[j];
        lo[i] = ol[j];
        lines[i] = oli[j];
      }
    }
  }
}
