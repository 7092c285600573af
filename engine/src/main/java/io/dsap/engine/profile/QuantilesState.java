package io.dsap.engine.profile;

import java.util.Arrays;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;

/**
 * Quantiles, histogram and IQR outliers of a numeric column. Up to {@link #EXACT_MAX} values are
 * kept (128 KB) and every answer is exact; past that a KLL sketch (K = 200) answers, with ranks
 * within about 1.3% (99% confidence), and {@link #exact()} is false.
 *
 * <p>A quantile q is the smallest value whose rank (share of values at or below it) is at least
 * q: nearest rank, no interpolation, so it is always a value of the column.
 */
public final class QuantilesState implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  static final int K = 200;
  public static final int EXACT_MAX = 16_384;
  public static final int BINS = 10;
  private transient KllDoublesSketch sketch = KllDoublesSketch.newHeapInstance(K);
  private double[] values = new double[64]; // null once past EXACT_MAX
  private int size;
  private boolean sorted;

  // the sketch travels as its own bytes (Spark ships states between processes)
  private void writeObject(java.io.ObjectOutputStream out) throws java.io.IOException {
    out.defaultWriteObject();
    out.writeObject(sketch.toByteArray());
  }

  private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
    in.defaultReadObject();
    sketch = KllDoublesSketch.heapify(org.apache.datasketches.memory.Memory.wrap((byte[]) in.readObject()));
  }

  public void add(double x) {
    sketch.update(x);
    if (values != null) {
      keep(x);
    }
  }

  private void keep(double x) {
    if (size == EXACT_MAX) {
      values = null; // the sketch has seen every value
      return;
    }
    if (size == values.length) {
      values = Arrays.copyOf(values, Math.min(EXACT_MAX, size * 2));
    }
    values[size++] = x;
    sorted = false;
  }

  public void merge(QuantilesState o) {
    sketch.merge(o.sketch);
    if (values != null && o.values != null) {
      for (int i = 0; i < o.size && values != null; i++) {
        keep(o.values[i]);
      }
    } else {
      values = null;
    }
  }

  public long count() {
    return sketch.getN();
  }

  public boolean exact() {
    return values != null;
  }

  private double[] sortedValues() {
    if (!sorted) {
      Arrays.sort(values, 0, size);
      sorted = true;
    }
    return values;
  }

  /** The q-quantile, or NaN when empty. */
  public double quantile(double q) {
    if (sketch.isEmpty()) {
      return Double.NaN;
    }
    if (values != null) {
      int i = (int) Math.ceil(q * size) - 1;
      return sortedValues()[Math.max(0, Math.min(size - 1, i))];
    }
    return sketch.getQuantile(q, QuantileSearchCriteria.INCLUSIVE);
  }

  /** Share of values below {@code x} ({@code inclusive}: at or below). */
  private double rank(double x, boolean inclusive) {
    if (values == null) {
      return sketch.getRank(x, inclusive ? QuantileSearchCriteria.INCLUSIVE : QuantileSearchCriteria.EXCLUSIVE);
    }
    double[] v = sortedValues();
    int n = 0;
    while (n < size && (v[n] < x || (inclusive && v[n] == x))) {
      n++;
    }
    return (double) n / size;
  }

  /** Values below q25 - 1.5 IQR or above q75 + 1.5 IQR (Tukey's fences). */
  public long outliers() {
    if (sketch.isEmpty()) {
      return 0;
    }
    double q1 = quantile(0.25);
    double q3 = quantile(0.75);
    double below = rank(q1 - 1.5 * (q3 - q1), false);
    double above = 1 - rank(q3 + 1.5 * (q3 - q1), true);
    return Math.round((below + above) * sketch.getN());
  }

  /**
   * {@link #BINS} equal-width bins from the minimum to the maximum; each counts values in
   * [lo, hi), the last one includes the maximum. Empty when the column is empty; one bin when
   * constant.
   */
  public Bin[] histogram() {
    if (sketch.isEmpty()) {
      return new Bin[0];
    }
    double min = sketch.getMinItem();
    double max = sketch.getMaxItem();
    if (min == max) {
      return new Bin[] {new Bin(min, max, sketch.getN())};
    }
    double width = (max - min) / BINS;
    Bin[] bins = new Bin[BINS];
    double below = 0;
    for (int i = 0; i < BINS; i++) {
      double lo = min + width * i;
      double hi = i == BINS - 1 ? max : min + width * (i + 1);
      double upTo = i == BINS - 1 ? 1 : rank(hi, false);
      bins[i] = new Bin(lo, hi, Math.round(upTo * sketch.getN()) - Math.round(below * sketch.getN()));
      below = upTo;
    }
    return bins;
  }

  /** One histogram bin. */
  public record Bin(double lo, double hi, long count) {}
}
