package io.dsap.udfs.functions;

import java.util.Arrays;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;
import org.apache.datasketches.quantilescommon.QuantilesDoublesSketchIterator;

/**
 * The values one group of {@code median}, {@code quantile}, {@code iqr} or {@code mad} has seen.
 * Up to {@link #EXACT_MAX} values are kept (800 KB) and answers are exact, interpolated linearly
 * between the two nearest values (as PERCENTILE_CONT, numpy and pandas do). Past that, every value
 * goes to a KLL sketch (K = 200) and the answer is a value whose rank is within about 1.3% of the
 * one asked for (99% confidence), in memory that no longer grows.
 */
public final class QuantileAccumulator {
  static final int EXACT_MAX = 100_000;
  static final int K = 200;
  private double[] values = new double[16]; // null once the sketch has taken over
  private int size;
  private boolean sorted = true;
  private KllDoublesSketch sketch;
  /** The q of {@code quantile(x, q)}, fixed by its first row. */
  Double q;

  void add(double x) {
    if (values == null) {
      sketch.update(x);
      return;
    }
    if (size == EXACT_MAX) {
      sketch = KllDoublesSketch.newHeapInstance(K);
      for (int i = 0; i < size; i++) {
        sketch.update(values[i]);
      }
      values = null;
      sketch.update(x);
      return;
    }
    if (size == values.length) {
      values = Arrays.copyOf(values, Math.min(EXACT_MAX, size * 2));
    }
    values[size++] = x;
    sorted = false;
  }

  void merge(QuantileAccumulator o) {
    if (o.values != null) {
      for (int i = 0; i < o.size; i++) {
        add(o.values[i]);
      }
      return;
    }
    if (values != null) {
      QuantileAccumulator mine = new QuantileAccumulator();
      mine.values = values;
      mine.size = size;
      values = null;
      sketch = KllDoublesSketch.newHeapInstance(K);
      for (int i = 0; i < mine.size; i++) {
        sketch.update(mine.values[i]);
      }
    }
    sketch.merge(o.sketch);
  }

  long count() {
    return values != null ? size : sketch.getN();
  }

  boolean exact() {
    return values != null;
  }

  /** The q-quantile ({@code 0 <= q <= 1}), or null when no value was seen. */
  Double quantile(double q) {
    if (count() == 0) {
      return null;
    }
    if (values == null) {
      return sketch.getQuantile(q, QuantileSearchCriteria.INCLUSIVE);
    }
    return interpolate(sortedValues(), size, q);
  }

  /** The median of the distances from the median, or null when no value was seen. */
  Double medianAbsoluteDeviation() {
    Double median = quantile(0.5);
    if (median == null) {
      return null;
    }
    if (values != null) {
      double[] d = new double[size];
      for (int i = 0; i < size; i++) {
        d[i] = Math.abs(values[i] - median);
      }
      Arrays.sort(d);
      return interpolate(d, size, 0.5);
    }
    // from the sketch: its retained items stand for weight-many values each
    QuantilesDoublesSketchIterator it = sketch.iterator();
    KllDoublesSketch distances = KllDoublesSketch.newHeapInstance(K);
    while (it.next()) {
      double d = Math.abs(it.getQuantile() - median);
      for (long w = it.getWeight(); w > 0; w--) {
        distances.update(d);
      }
    }
    return distances.getQuantile(0.5, QuantileSearchCriteria.INCLUSIVE);
  }

  private double[] sortedValues() {
    if (!sorted) {
      Arrays.sort(values, 0, size);
      sorted = true;
    }
    return values;
  }

  /** Linear interpolation between the order statistics around {@code (n - 1) q} (type 7). */
  static double interpolate(double[] sorted, int n, double q) {
    double h = (n - 1) * q;
    int lo = (int) Math.floor(h);
    int hi = Math.min(n - 1, lo + 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
}
