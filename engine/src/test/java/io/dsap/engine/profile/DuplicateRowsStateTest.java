package io.dsap.engine.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
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

  /** Rows {@code [from, to)} added in batches of 1,000, as the profiler does. */
  private static DuplicateRowsState state(long[] rows, int from, int to) {
    DuplicateRowsState s = new DuplicateRowsState();
    for (int start = from; start < to; start += 1000) {
      int len = Math.min(1000, to - start);
      long[] batch = new long[len];
      System.arraycopy(rows, start, batch, 0, len);
      s.add(batch, len);
    }
    return s;
  }
}
