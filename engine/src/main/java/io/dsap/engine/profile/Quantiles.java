package io.dsap.engine.profile;

import io.dsap.engine.profile.QuantilesState.Bin;

/**
 * What profile asks of a numeric column's distribution: nearest-rank quantiles, ranks, and the
 * histogram and IQR outliers derived from them. Answered exactly from the value counts
 * ({@link CountedQuantiles}) or by a sketch past the exact limit ({@link QuantilesState}).
 */
public interface Quantiles {
  /** Values seen (NaN excluded). */
  long count();

  boolean exact();

  /** The q-quantile: the smallest value whose rank is at least q; NaN when empty. */
  double quantile(double q);

  /** Share of values below {@code x} ({@code inclusive}: at or below). */
  double rank(double x, boolean inclusive);

  double min();

  double max();

  /** Values below q25 - 1.5 IQR or above q75 + 1.5 IQR (Tukey's fences). */
  default long outliers() {
    if (count() == 0) {
      return 0;
    }
    double q1 = quantile(0.25);
    double q3 = quantile(0.75);
    double below = rank(q1 - 1.5 * (q3 - q1), false);
    double above = 1 - rank(q3 + 1.5 * (q3 - q1), true);
    return Math.round((below + above) * count());
  }

  /**
   * {@link QuantilesState#BINS} equal-width bins from the minimum to the maximum; each counts
   * values in [lo, hi), the last one includes the maximum. Empty when the column is empty; one
   * bin when constant.
   */
  default Bin[] histogram() {
    if (count() == 0) {
      return new Bin[0];
    }
    double min = min();
    double max = max();
    long n = count();
    if (min == max) {
      return new Bin[] {new Bin(min, max, n)};
    }
    int bins = QuantilesState.BINS;
    double width = (max - min) / bins;
    Bin[] out = new Bin[bins];
    double below = 0;
    for (int i = 0; i < bins; i++) {
      double lo = min + width * i;
      double hi = i == bins - 1 ? max : min + width * (i + 1);
      double upTo = i == bins - 1 ? 1 : rank(hi, false);
      out[i] = new Bin(lo, hi, Math.round(upTo * n) - Math.round(below * n));
      below = upTo;
    }
    return out;
  }
}
