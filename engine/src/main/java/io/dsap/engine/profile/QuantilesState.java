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
public final class QuantilesState implements Quantiles, java.io.Serializable {
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

  /** Adds {@code xs[0, n)} (none NaN) in one sketch update. */
  public void add(double[] xs, int n) {
    if (n == 0) {
      return;
    }
    sketch.update(xs, 0, n);
    for (int i = 0; i < n && values != null; i++) {
      keep(xs[i]);
    }
  }

  /** Adds {@code x} seen {@code times} times. */
  public void add(double x, long times) {
    sketch.update(x, times);
    if (values != null && size + times > EXACT_MAX) {
      values = null;
    }
    for (long i = 0; i < times && values != null; i++) {
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

  @Override
  public long count() {
    return sketch.getN();
  }

  @Override
  public double min() {
    return sketch.getMinItem();
  }

  @Override
  public double max() {
    return sketch.getMaxItem();
  }

  @Override
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
  @Override
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

  @Override
  public double rank(double x, boolean inclusive) {
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

  /** One histogram bin. */
  public record Bin(double lo, double hi, long count) {}
}
