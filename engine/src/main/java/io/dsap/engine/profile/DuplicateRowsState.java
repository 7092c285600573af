package io.dsap.engine.profile;

/**
 * Rows that repeat an earlier row exactly (every column equal), found by a set of 64-bit row
 * hashes. The set holds at most {@link #MAX_ROWS} distinct rows (16 MB); past that, rows are
 * only checked against the rows already held, and the count is flagged as a lower bound.
 */
public final class DuplicateRowsState {
  public static final int MAX_ROWS = 1_000_000;
  private long[] keys = new long[1024];
  private boolean[] used = new boolean[1024];
  private int size;
  private long rows;
  private long duplicates;
  private boolean bounded;

  /** Adds the hashes of rows {@code [0, n)}. */
  public void add(long[] rowHash, int n) {
    for (int r = 0; r < n; r++) {
      add(rowHash[r], 1);
    }
  }

  private void add(long hash, long times) {
    rows += times;
    int slot = slot(hash);
    if (used[slot]) {
      duplicates += times;
      return;
    }
    if (size >= MAX_ROWS) {
      bounded = true; // a new row we cannot remember: later copies of it go unnoticed
      return;
    }
    used[slot] = true;
    keys[slot] = hash;
    duplicates += times - 1;
    if (++size * 2 > keys.length) {
      grow();
    }
  }

  private int slot(long hash) {
    int mask = keys.length - 1;
    int i = (int) Hashing.mix(hash) & mask;
    while (used[i] && keys[i] != hash) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private void grow() {
    long[] k = keys;
    boolean[] u = used;
    keys = new long[k.length * 2];
    used = new boolean[k.length * 2];
    for (int i = 0; i < k.length; i++) {
      if (u[i]) {
        int slot = slot(k[i]);
        used[slot] = true;
        keys[slot] = k[i];
      }
    }
  }

  public void merge(DuplicateRowsState o) {
    long otherRows = o.rows;
    long otherDistinct = 0;
    for (int i = 0; i < o.keys.length; i++) {
      if (o.used[i]) {
        add(o.keys[i], 1);
        otherDistinct++;
      }
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
