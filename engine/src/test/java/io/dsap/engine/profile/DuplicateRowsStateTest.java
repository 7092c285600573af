package io.dsap.engine.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Duplicate rows counted over splits merged in either order match a plain set of the row hashes. */
class DuplicateRowsStateTest {
  @Test
  void splitsMergedInEitherOrderCountEveryRepeatOnce() {
    Random rnd = new Random(5);
    int n = 50_000;
    long[] rows = new long[n];
    for (int i = 0; i < n; i++) {
      // about 20,000 distinct rows, repeats within and across splits, and the hash 0 itself
      rows[i] = i % 997 == 0 ? 0 : rnd.nextInt(20_000) * 0x9e3779b97f4a7c15L + 1;
    }
    Set<Long> seen = new HashSet<>();
    long want = 0;
    for (long h : rows) {
      want += seen.add(h) ? 0 : 1;
    }
    for (int cut : new int[] {0, 1, 777, 25_000, n - 1, n}) {
      DuplicateRowsState a = state(rows, 0, cut);
      a.merge(state(rows, cut, n));
      DuplicateRowsState b = state(rows, cut, n);
      b.merge(state(rows, 0, cut));
      for (DuplicateRowsState s : new DuplicateRowsState[] {a, b}) {
        assertEquals(n, s.rows(), "cut " + cut);
        assertEquals(want, s.duplicates(), "cut " + cut);
        assertTrue(s.exact());
      }
    }
  }

  /**
   * Copies planted on both sides of every split border, and far apart: the file-order merge the
   * profiler does, the reverse order and a pairwise tree all count each copy once.
   */
  @Test
  void copiesAcrossSplitBordersAreCountedOnceInAnyMergeOrder() {
    int n = 400_000;
    int splits = 8;
    long[] rows = new long[n];
    for (int i = 0; i < n; i++) {
      rows[i] = distinctRow(i);
    }
    int step = n / splits;
    int planted = 0;
    for (int border = step; border < n; border += step) {
      rows[border] = rows[border - 1]; // the first row of a split repeats the last of the one before
      rows[border + 1] = rows[border - 2];
      rows[border + 2] = rows[3]; // a row of the first split again
      planted += 3;
    }
    rows[n - 1] = rows[0]; // first and last rows
    planted++;
    assertEquals(planted, duplicatesBySorting(rows));
    for (boolean shareBound : new boolean[] {false, true}) {
      for (String order : new String[] {"file", "reverse", "tree"}) {
        DuplicateRowsState s = merged(rows, splits, order, shareBound);
        assertEquals(n, s.rows(), order);
        assertEquals(planted, s.duplicates(), order);
        assertTrue(s.exact(), order);
      }
    }
  }

  /** The count is exact up to {@link DuplicateRowsState#MAX_ROWS} distinct rows and no further. */
  @Test
  void exactUpToTheLimitOfDistinctRows() {
    int distinct = DuplicateRowsState.MAX_ROWS;
    long[] rows = new long[distinct + 1000];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = distinctRow(i % distinct); // 1,000 rows repeat the first ones
    }
    assertEquals(1000, duplicatesBySorting(rows));
    DuplicateRowsState atLimit = merged(rows, 3, "file", true);
    assertEquals(1000, atLimit.duplicates());
    assertTrue(atLimit.exact());

    long[] more = Arrays.copyOf(rows, rows.length + 1);
    more[rows.length] = distinctRow(distinct); // one distinct row too many
    DuplicateRowsState past = merged(more, 3, "file", true);
    assertFalse(past.exact());
    assertEquals(more.length, past.rows());
    assertTrue(past.duplicates() <= 1000, "a lower bound");
    assertTrue(past.duplicates() >= 900, "nearly every partition is still counted: " + past.duplicates());
  }

  /**
   * Past the limit: 2,500,000 distinct rows, 500,000 of them repeated. The count covers the rows
   * whose hashes fall in the partitions kept (about MAX_ROWS / 2,500,000 of them), whatever the
   * splits and the merge order, and the memory stays bounded.
   */
  @Test
  void pastTheLimitTheLowerBoundIsTheSameForAnySplitsAndMergeOrder() {
    int distinct = 2_500_000;
    int repeats = 500_000;
    long[] rows = new long[distinct + repeats];
    for (int i = 0; i < distinct; i++) {
      rows[i] = distinctRow(i);
    }
    Random rnd = new Random(11);
    for (int i = 0; i < repeats; i++) {
      rows[distinct + i] = distinctRow(i * 5); // every fifth row once more
    }
    shuffle(rows, rnd); // copies anywhere, within and across splits
    assertEquals(repeats, duplicatesBySorting(rows));

    Long first = null;
    for (int splits : new int[] {1, 3, 10}) {
      for (boolean shareBound : new boolean[] {false, true}) {
        for (String order : new String[] {"file", "reverse", "tree"}) {
          DuplicateRowsState s = merged(rows, splits, order, shareBound);
          String what = splits + " splits, " + order + (shareBound ? ", shared bound" : "");
          assertEquals(rows.length, s.rows(), what);
          assertFalse(s.exact(), what);
          if (first == null) {
            first = s.duplicates();
          }
          assertEquals(first, s.duplicates(), what);
        }
      }
    }
    // the kept partitions hold at most MAX_ROWS of the 2,500,000 distinct rows, and nearly that
    double kept = (double) DuplicateRowsState.MAX_ROWS / distinct;
    assertTrue(first < repeats, "a lower bound: " + first);
    assertEquals(repeats * kept, first, repeats * kept * 0.05, "about the kept share of the repeats");
  }

  /** Memory stays at about 16 MB whatever the rows, a state per split alive at once. */
  @Test
  void memoryIsBoundedPastTheLimit() {
    DuplicateRowsState s = new DuplicateRowsState();
    long[] batch = new long[8192];
    long max = 0;
    for (int b = 0; b < 6_000_000 / batch.length; b++) {
      for (int i = 0; i < batch.length; i++) {
        batch[i] = distinctRow(b * batch.length + i);
      }
      s.add(batch, batch.length);
      max = Math.max(max, s.bytes());
    }
    assertFalse(s.exact());
    assertTrue(max <= 17 << 20, "at most 17 MB: " + max);
  }

  @Test
  void theHashZeroIsARowLikeAnyOther() {
    long[] rows = {0, 5, 0, 0, 7, 5, 0};
    assertEquals(4, duplicatesBySorting(rows));
    for (int cut = 0; cut <= rows.length; cut++) {
      DuplicateRowsState a = state(rows, 0, cut);
      a.merge(state(rows, cut, rows.length));
      assertEquals(4, a.duplicates(), "cut " + cut);
      assertEquals(rows.length, a.rows());
      assertTrue(a.exact());
    }
    DuplicateRowsState once = state(new long[] {0, 1, 2}, 0, 3);
    assertEquals(0, once.duplicates(), "one row of hash 0 is no duplicate");
  }

  @Test
  void emptyStatesMergeToNothing() {
    DuplicateRowsState empty = new DuplicateRowsState();
    empty.add(new long[8], 0);
    assertEquals(0, empty.rows());
    assertEquals(0, empty.duplicates());
    assertTrue(empty.exact());

    long[] rows = {1, 2, 1, 3};
    DuplicateRowsState a = new DuplicateRowsState();
    a.merge(state(rows, 0, rows.length));
    a.merge(new DuplicateRowsState());
    DuplicateRowsState b = state(rows, 0, rows.length);
    b.merge(new DuplicateRowsState());
    for (DuplicateRowsState s : new DuplicateRowsState[] {a, b}) {
      assertEquals(4, s.rows());
      assertEquals(1, s.duplicates());
      assertTrue(s.exact());
    }
  }

  /** Row {@code i}'s hash as the profiler folds it (unmixed, so nearby rows have nearby hashes). */
  private static long distinctRow(long i) {
    return Hashing.fold(Hashing.fold(17, i), i % 7);
  }

  private static long duplicatesBySorting(long[] rows) {
    long[] sorted = rows.clone();
    Arrays.sort(sorted);
    long dups = 0;
    for (int i = 1; i < sorted.length; i++) {
      dups += sorted[i] == sorted[i - 1] ? 1 : 0;
    }
    return dups;
  }

  private static void shuffle(long[] rows, Random rnd) {
    for (int i = rows.length - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      long t = rows[i];
      rows[i] = rows[j];
      rows[j] = t;
    }
  }

  /** The rows cut into {@code splits} states, merged in file order, in reverse or pairwise. */
  private static DuplicateRowsState merged(long[] rows, int splits, String order, boolean shareBound) {
    AtomicInteger bound = DuplicateRowsState.sharedKeep();
    List<DuplicateRowsState> states = new ArrayList<>();
    int step = (rows.length + splits - 1) / splits;
    for (int from = 0; from < rows.length; from += step) {
      DuplicateRowsState s = shareBound ? new DuplicateRowsState(bound) : new DuplicateRowsState();
      add(s, rows, from, Math.min(rows.length, from + step));
      states.add(s);
    }
    switch (order) {
      case "file" -> {
        for (int i = 1; i < states.size(); i++) {
          states.get(0).merge(states.get(i));
        }
        return states.get(0);
      }
      case "reverse" -> {
        DuplicateRowsState last = states.get(states.size() - 1);
        for (int i = states.size() - 2; i >= 0; i--) {
          last.merge(states.get(i));
        }
        return last;
      }
      default -> {
        while (states.size() > 1) {
          List<DuplicateRowsState> next = new ArrayList<>();
          for (int i = 0; i < states.size(); i += 2) {
            if (i + 1 < states.size()) {
              states.get(i).merge(states.get(i + 1));
            }
            next.add(states.get(i));
          }
          states = next;
        }
        return states.get(0);
      }
    }
  }

  /** Rows {@code [from, to)} added in batches of 1,000, as the profiler does. */
  private static DuplicateRowsState state(long[] rows, int from, int to) {
    DuplicateRowsState s = new DuplicateRowsState();
    add(s, rows, from, to);
    return s;
  }

  private static void add(DuplicateRowsState s, long[] rows, int from, int to) {
    for (int start = from; start < to; start += 1000) {
      int len = Math.min(1000, to - start);
      long[] batch = new long[len];
      System.arraycopy(rows, start, batch, 0, len);
      s.add(batch, len);
    }
  }
}
