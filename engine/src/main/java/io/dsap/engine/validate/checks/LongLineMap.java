package io.dsap.engine.validate.checks;

/**
 * A hash map from 64-bit keys to the line where each was first seen, in one primitive array of
 * (key, line) pairs so a lookup touches one cache line, not two: 16 bytes a slot, the table
 * doubles at 3/4 full, so 21 to 43 bytes a key (10 million keys: 256 MB). Lines beyond 2^31 are
 * stored as "unknown" (-1; 0 marks an empty slot).
 *
 * <p>Keys are placed in runs of {@link #RUN}: the run of {@code key >>> 3} lands at a hashed
 * place, the low 3 bits pick the slot in it. Sequential ids and dates (the usual unique keys)
 * then fill two cache lines per 8 keys instead of missing the cache on every key, while keys of a
 * power-of-two stride still spread over the table (at worst 8 to a run, probed within it).
 */
final class LongLineMap {
  private static final int INITIAL = 1024;
  static final int RUN = 8;

  private long[] table = new long[2 * INITIAL]; // slot i: key at 2i, line at 2i + 1
  private int slots = INITIAL;
  private int size;

  int size() {
    return size;
  }

  /** Whether adding one more key would make the table grow beyond {@code bytes}. */
  boolean wouldGrowPast(long bytes) {
    return size + 1 >= slots - (slots >>> 2) && 32L * slots > bytes;
  }

  /** Adds {@code key} first seen on {@code line}; returns 0 if new, else the line it was first seen on (-1 unknown). */
  int putIfAbsent(long key, long line) {
    if (size >= slots - (slots >>> 2)) {
      grow();
    }
    int i = find(key);
    if (table[2 * i + 1] != 0) {
      return (int) table[2 * i + 1];
    }
    table[2 * i] = key;
    table[2 * i + 1] = line > Integer.MAX_VALUE || line < 1 ? -1 : line;
    size++;
    return 0;
  }

  /** The line {@code key} was first seen on (-1 unknown), or 0 if it was not seen. */
  int get(long key) {
    return (int) table[2 * find(key) + 1]; // an empty slot holds line 0
  }

  boolean contains(long key) {
    return get(key) != 0;
  }

  /** The slot holding {@code key}, or the empty slot where it would go (stored lines are never 0). */
  private int find(long key) {
    long[] t = table;
    int mask = slots - 1;
    int i = slot(key) & mask;
    while (t[2 * i + 1] != 0 && t[2 * i] != key) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private void grow() {
    long[] old = table;
    slots *= 2;
    table = new long[2 * slots];
    int mask = slots - 1;
    for (int j = 0; j < old.length; j += 2) {
      if (old[j + 1] != 0) {
        int i = slot(old[j]) & mask;
        while (table[2 * i + 1] != 0) {
          i = (i + 1) & mask;
        }
        table[2 * i] = old[j];
        table[2 * i + 1] = old[j + 1];
      }
    }
  }

  private static int slot(long key) {
    return mix(key >>> 3) << 3 | (int) (key & (RUN - 1));
  }

  static int mix(long k) {
    long h = k * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
