package io.dsap.engine.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A wide map is full exactly when its keys are more than the limit, span 2^20 or more, and span
 * 2^27 or more or repeat more than the limit, however they arrive and however the parts are
 * merged; while not full its counts are the true counts.
 */
class WideLongCountMapTest {
  private static final int LIMIT = 300;

  @Test
  void fullnessDependsOnTheKeySetAloneAndCountsAreExact() {
    Random rnd = new Random(17);
    long[] spans = {50, 5_000, 70_000, 600_000, (1 << 20) - 1, 1 << 20, 3_000_000, BitCounts.MAX_SPAN - 1,
        BitCounts.MAX_SPAN, BitCounts.MAX_SPAN + 70L};
    for (int t = 0; t < 400; t++) {
      long span = spans[t % spans.length];
      int distinct = 1 + rnd.nextInt(2 * LIMIT);
      long lo = rnd.nextInt(2_000_000) - 1_000_000;
      long[] pool = new long[distinct];
      for (int i = 0; i < distinct; i++) {
        pool[i] = lo + (span <= 1 ? 0 : (long) (rnd.nextDouble() * span));
      }
      pool[0] = lo; // the span is exactly as chosen
      pool[distinct - 1] = lo + span - 1;
      // few repeats (around the limit) or many
      int n = t % 2 == 0 ? distinct + rnd.nextInt(2 * LIMIT) : distinct * (1 + rnd.nextInt(4));
      long[] keys = new long[n];
      Map<Long, Long> truth = new HashMap<>();
      for (int i = 0; i < n; i++) {
        keys[i] = i < distinct ? pool[i] : pool[rnd.nextInt(distinct)];
        truth.merge(keys[i], 1L, Long::sum);
      }
      for (int i = n - 1; i > 0; i--) { // shuffle
        int j = rnd.nextInt(i + 1);
        long x = keys[i];
        keys[i] = keys[j];
        keys[j] = x;
      }
      long min = truth.keySet().stream().mapToLong(Long::longValue).min().getAsLong();
      long max = truth.keySet().stream().mapToLong(Long::longValue).max().getAsLong();
      long repeated = truth.values().stream().filter(c -> c > 1).count();
      boolean wantFull = truth.size() > LIMIT && max - min >= LongCountMap.WIDE_MAX
          && (max - min >= BitCounts.MAX_SPAN || repeated > LIMIT);
      String at = "trial " + t + ": " + truth.size() + " keys over " + (max - min + 1);

      // one pass, stopping where the owner would
      LongCountMap one = new LongCountMap(LIMIT, 0, true);
      int done = one.addAll(keys, 0, n);
      assertEquals(wantFull, one.full(), at);
      if (!wantFull) {
        assertEquals(n, done, at);
        assertEquals(truth, counts(one), at);
      }

      // three parts merged in a random order, as split states are
      int c1 = rnd.nextInt(n + 1);
      int c2 = c1 + rnd.nextInt(n - c1 + 1);
      LongCountMap[] parts = {part(keys, 0, c1), part(keys, c1, c2), part(keys, c2, n)};
      int first = rnd.nextInt(3);
      LongCountMap merged = parts[first];
      boolean full = merged.full();
      for (int k = 1; k < 3 && !full; k++) {
        LongCountMap o = parts[(first + k) % 3];
        if (o.full() || !merged.absorbs(o)) {
          full = true;
          break;
        }
        if (t % 4 < 2) {
          merged.addAllOf(o); // as states merge
        } else {
          o.forEach((key, count, b, s, e) -> merged.add(key, count, b, s, e));
        }
        full = merged.full();
      }
      assertEquals(wantFull, full, at + " merged");
      if (!wantFull) {
        assertEquals(truth, counts(merged), at + " merged");
      }
    }
  }

  @Test
  void aSparseWideMapStaysHashedAndSmall() {
    LongCountMap m = new LongCountMap(LIMIT, 0, true);
    for (long k = 0; k < 100; k++) {
      m.add(k * 10_000, 1, null, 0, 0); // 100 keys over a span of about a million: no dense array
    }
    assertFalse(m.full());
    assertEquals(100, m.size());
    assertEquals(100, counts(m).size());
  }

  private static LongCountMap part(long[] keys, int from, int to) {
    LongCountMap m = new LongCountMap(LIMIT, 0, true);
    m.addAll(keys, from, to);
    return m;
  }

  private static Map<Long, Long> counts(LongCountMap m) {
    Map<Long, Long> c = new HashMap<>();
    m.forEach((key, count, b, s, e) -> c.merge(key, count, Long::sum));
    return c;
  }
}
