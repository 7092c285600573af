package io.dsap.engine.csv;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Word-at-a-time byte search (SWAR: SIMD within a register) over {@code byte[]}: eight bytes are
 * tested with a handful of long operations instead of eight compare-and-branch steps. Plain Java,
 * no flags: the longs are read through a little-endian {@link VarHandle} view of the array.
 *
 * <p>{@link #matches} flags byte {@code i} of a word by setting bit {@code 8i+7}. Flags above the
 * lowest one may be false (a borrow runs upward), so callers only ever use the lowest flag
 * ({@link #firstByte}), which is exact; the lowest flag of an OR of several matches is exact too.
 */
final class Swar {
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;

  private Swar() {}

  /** The eight bytes at {@code b[i, i + 8)}, byte {@code i} lowest. */
  static long word(byte[] b, int i) {
    return (long) LONGS.get(b, i);
  }

  /** {@code c} repeated in every byte of a word (for {@link #matches}); 0 for a byte that never occurs. */
  static long broadcast(int c) {
    return (c & 0xff) * ONES;
  }

  /** Flags the bytes of {@code word} equal to the byte {@code pattern} repeats (see the class comment). */
  static long matches(long word, long pattern) {
    long x = word ^ pattern;
    return (x - ONES) & ~x & HIGHS;
  }

  private static final long LOWS7 = 0x7F7F7F7F7F7F7F7FL;

  /**
   * Flags, exactly, the bytes of {@code word} equal to any of the three bytes the patterns repeat:
   * unlike {@link #matches} no flag is false (no carry crosses a byte), so every flag of the word
   * can be used, not only the lowest.
   */
  static long matchesExactly(long word, long p1, long p2, long p3) {
    long x1 = word ^ p1;
    long x2 = word ^ p2;
    long x3 = word ^ p3;
    // high bit of a byte of t: the byte of x is not zero
    long t1 = ((x1 & LOWS7) + LOWS7) | x1;
    long t2 = ((x2 & LOWS7) + LOWS7) | x2;
    long t3 = ((x3 & LOWS7) + LOWS7) | x3;
    return ~(t1 & t2 & t3) & HIGHS;
  }

  /**
   * The flags of an exact match mask as eight bits, bit {@code i} for byte {@code i}: the eight
   * flags, each at bit {@code 8i+7}, are shifted to bit {@code 8i} and one multiplication adds
   * them up in the top byte (no two partial products share a bit, so nothing carries).
   */
  static long gather(long flags) {
    return ((flags >>> 7) * 0x0102040810204080L) >>> 56;
  }

  /** The byte index (0-7) of the lowest flag of a non-zero match mask. */
  static int firstByte(long mask) {
    return Long.numberOfTrailingZeros(mask) >>> 3;
  }

  /** The index of the first byte of {@code b[s, e)} that is not ASCII, or {@code e}. */
  static int firstNonAscii(byte[] b, int s, int e) {
    int i = s;
    for (; i + 8 <= e; i += 8) {
      long high = word(b, i) & HIGHS;
      if (high != 0) {
        return i + firstByte(high);
      }
    }
    for (; i < e; i++) {
      if (b[i] < 0) {
        return i;
      }
    }
    return e;
  }
}
