package io.dsap.engine.profile;

/**
 * Rows that repeat an earlier row exactly (every column equal), found by a set of 64-bit row
 * hashes. The set holds at most {@link #MAX_ROWS} distinct rows (16 MB); past that, rows are
 * only checked against the rows already held, and the count is flagged as a lower bound.
 */
public final class DuplicateRowsState {
  public static final int MAX_ROWS = 1_000_000;
  private long[] keys = new long[1024]; // open addressing; 0 marks a free slot
  private boolean hasZero; // the row hash 0 itself, kept apart from the free-slot marker
  private int size;
  private long rows;
  private long duplicates;
  private boolean bounded;
  private int[] home = new int[0]; // per-batch scratch: each row's home slot
  @SuppressWarnings("unused")
  private long warm; // keeps the warming loads from being optimised away

  /**
   * Adds the hashes of rows {@code [0, n)}. A large set misses the cache on every probe; touching
   * the batch's home slots first, in a loop of independent loads, lets the CPU wait for many of
   * those misses at once instead of one after the other.
   */
  public void add(long[] rowHash, int n) {
    if (home.length < n) {
      home = new int[n];
    }
    long[] k = keys;
    int mask = k.length - 1;
    long touched = 0;
    for (int r = 0; r < n; r++) {
      int i = (int) Hashing.mix(rowHash[r]) & mask;
      home[r] = i;
      touched += k[i];
    }
    warm = touched;
    for (int r = 0; r < n; r++) {
      add(rowHash[r], 1, keys == k ? home[r] : -1); // -1: the set grew, the slot changed
    }
  }

  private void add(long hash, long times) {
    add(hash, times, -1);
  }

  /** {@code slot}: the hash's home slot in {@link #keys}, or -1 to compute it. */
  private void add(long hash, long times, int slot) {
    rows += times;
    if (hash == 0) {
      if (hasZero) {
        duplicates += times;
      } else if (size >= MAX_ROWS) {
        bounded = true;
      } else {
        hasZero = true;
        size++;
        duplicates += times - 1;
      }
      return;
    }
    long[] k = keys;
    int mask = k.length - 1;
    int i = slot >= 0 ? slot : (int) Hashing.mix(hash) & mask;
    long at;
    while ((at = k[i]) != 0 && at != hash) {
      i = (i + 1) & mask;
    }
    if (at != 0) {
      duplicates += times;
      return;
    }
    if (size >= MAX_ROWS) {
      bounded = true; // a new row we cannot remember: later copies of it go unnoticed
      return;
    }
    k[i] = hash;
    duplicates += times - 1;
    if (++size * 2 > k.length) {
      grow();
    }
  }

  private void grow() {
    long[] old = keys;
    keys = new long[old.length * 2];
    int mask = keys.length - 1;
    for (long h : old) {
      if (h != 0) {
        int i = (int) Hashing.mix(h) & mask;
        while (keys[i] != 0) {
          i = (i + 1) & mask;
        }
        keys[i] = h;
      }
    }
  }

  public void merge(DuplicateRowsState o) {
    long otherRows = o.rows;
    long otherDistinct = 0;
    long[] chunk = new long[1024]; // through the batch path: its warming loads overlap the cache misses
    int n = 0;
    for (long h : o.keys) {
      if (h != 0) {
        chunk[n++] = h;
        otherDistinct++;
        if (n == chunk.length) {
          add(chunk, n);
          n = 0;
        }
      }
    }
    add(chunk, n);
    if (o.hasZero) {
      add(0, 1);
      otherDistinct++;
    }
    duplicates += o.duplicates; // the other split's own repeats
    rows += otherRows - otherDistinct;
    bounded |= o.bounded;
  }

  public long rows() {
    return rows;
  }

  public long duplicates() {
    return duplicates;
  }

  /** False when the row set filled up and {@link #duplicates()} may be low. */
  public boolean exact() {
    return !bounded;
  }
}
