package io.dsap.engine.profile;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Rows that repeat an earlier row exactly (every column equal), found by their 64-bit row hashes.
 *
 * <p>Hashes (mixed, so their top bits are uniform) go to one of {@link #PARTITIONS} partitions by
 * their top bits and are only appended there; a partition is deduplicated when its buffer is full,
 * on merge and at the end, in a small hash table that stays in the cache (one large table missed
 * the cache on nearly every row). All copies of a row land in the same partition, so duplicates
 * are counted partition by partition and merging two states is merging partition by partition.
 *
 * <p>Up to {@link #MAX_ROWS} distinct rows the count is exact. Past that, the highest partitions
 * are dropped until the partitions kept hold at most {@link #MAX_ROWS} distinct rows; their
 * duplicates are counted exactly and the rest are not seen, so the count is a lower bound. Which
 * partitions are kept depends only on the rows, not on how the file was split or merged.
 *
 * <p>The states of one table's splits may share a {@link #sharedKeep() bound}: a partition one
 * state had to drop is dropped by all (it would be dropped after their merge anyway), so later
 * splits of a large file skip most rows at one comparison.
 */
public final class DuplicateRowsState {
  public static final int MAX_ROWS = 1_000_000;
  static final int PARTITION_BITS = 10;
  static final int PARTITIONS = 1 << PARTITION_BITS;
  private static final int SHIFT = Long.SIZE - PARTITION_BITS;
  private static final int MIN_CAPACITY = 64;
  private static final long[] NONE = new long[0];

  /** Per partition: hashes, distinct ones first ({@code [0, distinct)}), then those not yet checked. */
  private final long[][] data = new long[PARTITIONS][];
  private final int[] fill = new int[PARTITIONS];
  private final int[] distinct = new int[PARTITIONS];
  private final long[] duplicates = new long[PARTITIONS];
  private int keep = PARTITIONS; // partitions [0, keep) are counted, the others were dropped
  private long held; // distinct hashes known in the kept partitions (a lower bound until settled)
  private long rows;
  private long[] table = NONE; // scratch for deduplicating one partition; 0 marks a free slot
  private final AtomicInteger shared; // the least keep of the states sharing it

  public DuplicateRowsState() {
    this(sharedKeep());
  }

  /** A state of one split of a table; {@code shared} comes from {@link #sharedKeep()}, one per table. */
  DuplicateRowsState(AtomicInteger shared) {
    this.shared = shared;
    Arrays.fill(data, NONE);
  }

  /** A bound for the split states of one table: every one drops the partitions any one dropped. */
  static AtomicInteger sharedKeep() {
    return new AtomicInteger(PARTITIONS);
  }

  /** Adds the hashes of rows {@code [0, n)}. */
  public void add(long[] rowHash, int n) {
    rows += n;
    if (shared.get() < keep) {
      drop(shared.get());
    }
    long[][] data = this.data;
    int[] fill = this.fill;
    int keep = this.keep;
    for (int r = 0; r < n; r++) {
      long h = Hashing.mix(rowHash[r]); // a bijection: equal rows stay equal, distinct stay distinct
      int p = (int) (h >>> SHIFT);
      if (p >= keep) {
        continue;
      }
      long[] a = data[p];
      int f = fill[p];
      if (f == a.length) {
        makeRoom(p);
        keep = this.keep;
        if (p >= keep) {
          continue;
        }
        a = data[p];
        f = fill[p];
      }
      a[f] = h;
      fill[p] = f + 1;
    }
  }

  /** Partition {@code p} is full: deduplicate it, then drop partitions or give it more room. */
  private void makeRoom(int p) {
    dedupe(p);
    while (held > MAX_ROWS) {
      drop(keep - 1);
    }
    if (p < keep) {
      long[] a = data[p];
      int d = distinct[p];
      if (a.length == 0 || d > a.length / 2) {
        data[p] = Arrays.copyOf(a, Math.max(MIN_CAPACITY, 2 * d));
      }
    }
  }

  /** Checks partition {@code p}'s new hashes against its distinct ones and keeps the new distinct ones. */
  private void dedupe(int p) {
    long[] a = data[p];
    int len = fill[p];
    int d = distinct[p];
    if (len == d) {
      return;
    }
    int slots = Integer.highestOneBit(Math.max(len, 8) * 2 - 1) * 2; // at most half full
    if (table.length < slots) {
      table = new long[slots];
    } else {
      Arrays.fill(table, 0, slots, 0L);
    }
    long[] t = table;
    int mask = slots - 1;
    boolean zero = false; // the hash 0 itself, kept apart from the free-slot marker
    for (int i = 0; i < d; i++) {
      long h = a[i];
      if (h == 0) {
        zero = true;
        continue;
      }
      int s = (int) h & mask;
      while (t[s] != 0) {
        s = (s + 1) & mask;
      }
      t[s] = h;
    }
    int before = d;
    for (int i = before; i < len; i++) {
      long h = a[i];
      if (h == 0) {
        if (!zero) {
          zero = true;
          a[d++] = 0;
        }
        continue;
      }
      int s = (int) h & mask;
      long at;
      while ((at = t[s]) != 0 && at != h) {
        s = (s + 1) & mask;
      }
      if (at == 0) {
        t[s] = h;
        a[d++] = h;
      }
    }
    duplicates[p] += (len - before) - (d - before);
    held += d - before;
    distinct[p] = d;
    fill[p] = d;
  }

  /** Stops counting partition {@code p} (the highest kept) and everything above it. */
  private void drop(int p) {
    if (p < keep) {
      shared.accumulateAndGet(p, Math::min);
    }
    for (int q = p; q < keep; q++) {
      held -= distinct[q];
      data[q] = NONE;
      fill[q] = 0;
      distinct[q] = 0;
      duplicates[q] = 0;
    }
    keep = p;
  }

  /**
   * Adds another state's rows. Partition by partition, from the lowest: each is deduplicated
   * in full, so the distinct count so far is exact, and the merge stops where it passes
   * {@link #MAX_ROWS} (the partitions above would be dropped anyway).
   */
  public void merge(DuplicateRowsState o) {
    rows += o.rows;
    drop(Math.min(Math.min(keep, o.keep), shared.get()));
    long seen = 0;
    for (int p = 0; p < keep; p++) {
      int extra = o.fill[p];
      if (extra > 0) {
        long[] a = data[p];
        int f = fill[p];
        if (f + extra > a.length) {
          a = data[p] = Arrays.copyOf(a, Math.max(MIN_CAPACITY, f + extra));
        }
        System.arraycopy(o.data[p], 0, a, f, extra);
        fill[p] = f + extra;
      }
      duplicates[p] += o.duplicates[p];
      dedupe(p);
      seen += distinct[p];
      if (seen > MAX_ROWS) {
        drop(p);
      }
    }
  }

  /** Deduplicates every kept partition, dropping the highest ones past {@link #MAX_ROWS}. */
  private void settle() {
    long seen = 0;
    for (int p = 0; p < keep; p++) {
      dedupe(p);
      seen += distinct[p];
      if (seen > MAX_ROWS) {
        drop(p);
      }
    }
  }

  public long rows() {
    return rows;
  }

  public long duplicates() {
    settle();
    long sum = 0;
    for (int p = 0; p < keep; p++) {
      sum += duplicates[p];
    }
    return sum;
  }

  /** False when some rows' hashes were not kept and {@link #duplicates()} may be low. */
  public boolean exact() {
    settle();
    return keep == PARTITIONS;
  }

  /** Bytes held for row hashes (buffers and the scratch table), to check the memory bound. */
  long bytes() {
    long words = table.length;
    for (long[] a : data) {
      words += a.length;
    }
    return words * Long.BYTES;
  }
}
