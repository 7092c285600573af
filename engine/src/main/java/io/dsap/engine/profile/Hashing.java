package io.dsap.engine.profile;

/**
 * 64-bit hashes of values for distinct counting and duplicate rows. Not cryptographic; the final
 * mix spreads nearby keys (1, 2, 3 ...) over the whole table.
 */
public final class Hashing {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private Hashing() {}

  /** Hash of the bytes {@code b[s, e)}. */
  public static long bytes(byte[] b, int s, int e) {
    long h = FNV_OFFSET ^ (e - s);
    for (int i = s; i < e; i++) {
      h = (h ^ (b[i] & 0xff)) * FNV_PRIME;
    }
    return mix(h);
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
}
