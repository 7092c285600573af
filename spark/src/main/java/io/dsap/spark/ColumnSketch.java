package io.dsap.spark;

import java.io.Serializable;
import java.util.HashSet;
import java.util.Set;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.Union;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;

/**
 * The distinct-count and quantile state of one column over one partition, with the local
 * profiler's parameters: distinct values are counted exactly up to {@link #EXACT_LIMIT}, then by
 * an HLL sketch (lg k = 14); quantiles come from a KLL sketch (k = 200). Partitions' states are
 * merged on the driver: exact sets by union, sketches by the sketches' own union.
 */
final class ColumnSketch implements Serializable {
  private static final long serialVersionUID = 1L;
  /** As the local profiler's ValueCountsState.EXACT_LIMIT. */
  static final int EXACT_LIMIT = 65_536;
  static final int HLL_LG_K = 14;
  static final int KLL_K = 200;

  private Set<String> exact = new HashSet<>(); // null once past EXACT_LIMIT
  private byte[] hll;
  private byte[] kll;
  private transient HllSketch hllSketch = new HllSketch(HLL_LG_K);
  private transient KllDoublesSketch kllSketch = KllDoublesSketch.newHeapInstance(KLL_K);

  void add(String key, Double number) {
    if (exact != null && exact.add(key) && exact.size() > EXACT_LIMIT) {
      exact = null;
    }
    hllSketch.update(key);
    if (number != null && !number.isNaN()) {
      kllSketch.update(number);
    }
  }

  /** Freezes the sketches into bytes before the state leaves the partition. */
  ColumnSketch seal() {
    hll = hllSketch.toCompactByteArray();
    kll = kllSketch.toByteArray();
    return this;
  }

  /** Merges sealed partition states. */
  static Merged merge(Iterable<ColumnSketch> parts) {
    Set<String> exact = new HashSet<>();
    boolean overflow = false;
    Union union = new Union(HLL_LG_K);
    KllDoublesSketch quantiles = KllDoublesSketch.newHeapInstance(KLL_K);
    for (ColumnSketch p : parts) {
      if (p.exact == null || overflow) {
        overflow = true;
      } else {
        exact.addAll(p.exact);
        overflow = exact.size() > EXACT_LIMIT;
      }
      union.update(HllSketch.heapify(Memory.wrap(p.hll)));
      quantiles.merge(KllDoublesSketch.heapify(Memory.wrap(p.kll)));
    }
    HllSketch h = union.getResult();
    return overflow
        ? new Merged(Math.round(h.getEstimate()), false, (h.getUpperBound(2) - h.getEstimate()) / Math.max(1,
            h.getEstimate()), quantiles)
        : new Merged(exact.size(), true, 0, quantiles);
  }

  /** A column's merged distinct count (exact or estimated, with its relative error at 2 sigma) and quantiles. */
  record Merged(long distinct, boolean exact, double error, KllDoublesSketch quantiles) {
    Double quantile(double q) {
      return quantiles.isEmpty() ? null : quantiles.getQuantile(q);
    }
  }

  private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
    in.defaultReadObject(); // the transient sketches stay null: a deserialised state is sealed and only merged
  }
}
