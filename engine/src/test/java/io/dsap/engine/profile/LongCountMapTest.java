package io.dsap.engine.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The exact counts agree with a plain map whatever the keys: a small span (the dense array),
 * a span that widens in both directions, keys at the ends of the long range, and a spread that
 * moves the counts into the hash table.
 */
class LongCountMapTest {
  @Test
  void countsEqualAMapForEveryKeyShape() {
    Random rnd = new Random(3);
    long[][] streams = {
        rnd.longs(50_000, 19_000, 20_461).toArray(), // dates: dense all along
        rnd.longs(50_000, -40_000, 20_000).toArray(), // widens down and up, stays dense
        {Long.MAX_VALUE, Long.MIN_VALUE, 0, Long.MAX_VALUE - 1, Long.MIN_VALUE + 1, 0, Long.MAX_VALUE},
        {5, 6, 7, Long.MAX_VALUE - 3, 5, Long.MAX_VALUE - 3}, // an extreme key after a dense start
        rnd.longs(60_000, 0, 1_000_000).toArray(), // spread: hashed
        {1, 2, 3, 65_537, 3, 1}, // just past the dense span
        {1, 2, 3, 65_536, 3, 1}, // a span of exactly 65,536 keys
    };
    for (long[] keys : streams) {
      LongCountMap m = new LongCountMap(ValueCountsState.EXACT_LIMIT, 0);
      Map<Long, Long> expected = new HashMap<>();
      int half = keys.length / 2;
      assertEquals(half, m.addAll(keys, 0, half)); // the batch path
      for (int i = half; i < keys.length; i++) {
        m.add(keys[i], 1, null, 0, 0); // one at a time, as merges do
      }
      for (long k : keys) {
        expected.merge(k, 1L, Long::sum);
      }
      Map<Long, Long> got = new HashMap<>();
      m.forEach((key, count, b, s, e) -> assertEquals(null, got.put(key, count), "key visited once"));
      assertEquals(expected, got);
      assertEquals(expected.size(), m.size());
      assertFalse(m.full());
    }
  }

  @Test
  void addAllStopsRightAfterTheKeyThatFillsTheMap() {
    LongCountMap m = new LongCountMap(100, 0);
    long[] keys = new long[300];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = i * 1_000_003L; // spread: hashed
    }
    int done = m.addAll(keys, 0, keys.length);
    assertEquals(101, done, "the 101st distinct key overflows");
    assertTrue(m.full());
  }
}
