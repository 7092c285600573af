package io.dsap.engine.profile;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * 64-bit hashes of values for distinct counting and duplicate rows. Not cryptographic; the final
 * mix spreads nearby keys (1, 2, 3 ...) over the whole table.
 */
public final class Hashing {
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long SEED = 0xcbf29ce484222325L;
  private static final long MULTIPLIER = 0x9e3779b97f4a7c15L;

  private Hashing() {}

  /** Hash of the bytes {@code b[s, e)}, eight bytes at a time (one multiply per word). */
  public static long bytes(byte[] b, int s, int e) {
    long h = SEED ^ ((e - s) * MULTIPLIER);
    int i = s;
    for (; i + Long.BYTES <= e; i += Long.BYTES) {
      h = (h ^ (long) LONGS.get(b, i)) * MULTIPLIER;
      h ^= h >>> 32;
    }
    if (i < e) {
      h = (h ^ tail(b, s, i, e)) * MULTIPLIER;
    }
    return mix(h);
  }

  /**
   * The last 1 to 7 bytes {@code b[i, e)} as a little-endian number: from one word read that ends
   * at {@code e} (a value of 8 bytes or more) or starts at {@code i} (the array goes on past
   * {@code e}), else byte by byte. The same number either way, so hashes do not depend on where
   * the value sits in its array. {@link TextShapeState} reads the same bytes big-endian.
   */
  static long tail(byte[] b, int s, int i, int e) {
    int bits = (e - i) * Byte.SIZE;
    if (e - s >= Long.BYTES) {
      return (long) LONGS.get(b, e - Long.BYTES) >>> (Long.SIZE - bits);
    }
    if (i + Long.BYTES <= b.length) {
      return (long) LONGS.get(b, i) & ((1L << bits) - 1);
    }
    long tail = 0;
    for (int j = e - 1; j >= i; j--) {
      tail = (tail << 8) | (b[j] & 0xff);
    }
    return tail;
  }

  /** MurmurHash3's finaliser: a bijection on longs, so distinct values keep distinct hashes. */
  public static long mix(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }

  /** Folds a column value's hash into a row hash (order matters: (a, b) and (b, a) differ). */
  public static long combine(long rowHash, long valueHash) {
    return mix(rowHash * 31 + valueHash);
  }

  /**
   * A cheaper {@link #combine} for the per-row loop: a polynomial in the value hashes (order
   * matters); whoever looks the row hash up mixes it once.
   */
  static long fold(long rowHash, long valueHash) {
    return rowHash * MULTIPLIER + valueHash;
  }
}
