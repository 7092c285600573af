package io.dsap.engine.profile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TopKeysTest {

  /** The heap gives what sorting every key by (count desc, key asc) and taking the first k gives. */
  @Test
  void sameAsSortingEverything() {
    Random r = new Random(7);
    for (int round = 0; round < 50; round++) {
      LongCountMap m = new LongCountMap(1 << 20, 0, round % 2 == 0);
      int distinct = 1 + r.nextInt(round < 25 ? 40 : 5_000);
      for (int i = 0; i < distinct * 3; i++) {
        long key = r.nextInt(distinct) * (round % 3 == 0 ? 1_000_003L : 1L) - distinct / 2;
        m.add(key, 1 + r.nextInt(3), null, 0, 0);
      }
      List<long[]> all = new ArrayList<>();
      m.forEach((key, count, b, s, e) -> all.add(new long[] {key, count}));
      all.sort(Comparator.<long[]>comparingLong(x -> -x[1]).thenComparingLong(x -> x[0]));
      for (int k : new int[] {0, 1, 10, 50, 100_000}) {
        long[][] top = TopKeys.of(m, k);
        assertEquals(Math.min(k, all.size()), top.length);
        for (int i = 0; i < top.length; i++) {
          assertArrayEquals(all.get(i), top[i], "round " + round + ", k " + k + ", rank " + i);
        }
      }
    }
  }
}
