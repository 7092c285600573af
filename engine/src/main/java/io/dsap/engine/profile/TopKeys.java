package io.dsap.engine.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The {@code k} keys of a {@link LongCountMap} with the highest counts, ties by smaller key, in
 * that order. A bounded heap: the profile's finish runs on one thread after the parallel scan, and
 * sorting every distinct value of a wide column (300,000 prices) to keep ten was most of it.
 */
final class TopKeys {
  /** Most frequent first: the worst kept entry is the head. */
  private static final Comparator<long[]> RANK =
      Comparator.<long[]>comparingLong(x -> -x[1]).thenComparingLong(x -> x[0]);

  private TopKeys() {}

  /** {@code {key, count}} pairs, most frequent first, ties by key; at most {@code k}. */
  static long[][] of(LongCountMap counts, int k) {
    if (k <= 0) {
      return new long[0][];
    }
    PriorityQueue<long[]> kept = new PriorityQueue<>(k + 1, RANK.reversed());
    counts.forEach((key, count, b, s, e) -> {
      if (kept.size() < k) {
        kept.add(new long[] {key, count});
      } else {
        long[] worst = kept.peek();
        if (count > worst[1] || (count == worst[1] && key < worst[0])) {
          kept.poll();
          kept.add(new long[] {key, count});
        }
      }
    });
    List<long[]> top = new ArrayList<>(kept);
    top.sort(RANK);
    return top.toArray(new long[0][]);
  }
}
