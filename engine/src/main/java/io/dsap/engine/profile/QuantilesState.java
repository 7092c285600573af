package io.dsap.engine.profile;

import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;

/**
 * Quantiles, histogram and IQR outliers of a numeric column from one KLL sketch. While the
 * column has at most about {@link #K} values the sketch keeps them all and every answer is
 * exact; beyond, ranks are within about 1.3% (normalized rank error at K = 200, 99% confidence).
 *
 * <p>A quantile q is the smallest value whose rank (share of values at or below it) is at least
 * q: nearest rank, no interpolation, so it is always a value of the column.
 */
public final class QuantilesState {
  static final int K = 200;
  public static final int BINS = 10;
  private final KllDoublesSketch sketch = KllDoublesSketch.newHeapInstance(K);

  public void add(double x) {
    sketch.update(x);
  }

  public void merge(QuantilesState o) {
    sketch.merge(o.sketch);
  }

  public long count() {
    return sketch.getN();
  }

  public boolean exact() {
    return !sketch.isEstimationMode();
  }

  /** The q-quantile, or NaN when empty. */
  public double quantile(double q) {
    return sketch.isEmpty() ? Double.NaN : sketch.getQuantile(q, QuantileSearchCriteria.INCLUSIVE);
  }

  /** Values below q25 - 1.5 IQR or above q75 + 1.5 IQR (Tukey's fences). */
  public long outliers() {
    if (sketch.isEmpty()) {
      return 0;
    }
    double q1 = quantile(0.25);
    double q3 = quantile(0.75);
    double lo = q1 - 1.5 * (q3 - q1);
    double hi = q3 + 1.5 * (q3 - q1);
    double below = sketch.getRank(lo, QuantileSearchCriteria.EXCLUSIVE);
    double above = 1 - sketch.getRank(hi, QuantileSearchCriteria.INCLUSIVE);
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
    double[] splits = new double[BINS - 1];
    for (int i = 0; i < splits.length; i++) {
      splits[i] = min + width * (i + 1);
    }
    double[] pmf = sketch.getPMF(splits, QuantileSearchCriteria.EXCLUSIVE);
    Bin[] bins = new Bin[BINS];
    for (int i = 0; i < BINS; i++) {
      double lo = i == 0 ? min : splits[i - 1];
      double hi = i == BINS - 1 ? max : splits[i];
      bins[i] = new Bin(lo, hi, Math.round(pmf[i] * sketch.getN()));
    }
    return bins;
  }

  /** One histogram bin. */
  public record Bin(double lo, double hi, long count) {}
}
