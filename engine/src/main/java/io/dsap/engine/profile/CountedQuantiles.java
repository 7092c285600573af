package io.dsap.engine.profile;

import java.util.Arrays;

/**
 * Exact quantiles from a column's exact value counts: distinct values sorted, with the running
 * count, so a column of 10 M rows and 50 distinct values gets exact answers from 50 entries.
 * Same definitions as {@link QuantilesState}'s exact mode (nearest rank, no interpolation).
 */
final class CountedQuantiles implements Quantiles {
  private final double[] values; // distinct, ascending
  private final long[] upTo; // upTo[i]: values at or below values[i]
  private final long n;

  /** {@code values[i]} seen {@code counts[i]} times, in any order; NaN must be left out. */
  CountedQuantiles(double[] values, long[] counts, int size) {
    this.values = new double[size];
    this.upTo = new long[size];
    long sum = 0;
    if (ascending(values, size)) { // dense counts come in key order: no sort
      for (int i = 0; i < size; i++) {
        this.values[i] = values[i];
        sum += counts[i];
        upTo[i] = sum;
      }
    } else {
      Integer[] order = new Integer[size];
      for (int i = 0; i < size; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
      for (int i = 0; i < size; i++) {
        this.values[i] = values[order[i]];
        sum += counts[order[i]];
        upTo[i] = sum;
      }
    }
    this.n = sum;
  }

  private static boolean ascending(double[] values, int size) {
    for (int i = 1; i < size; i++) {
      if (!(Double.compare(values[i - 1], values[i]) < 0)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public long count() {
    return n;
  }

  @Override
  public boolean exact() {
    return true;
  }

  @Override
  public double quantile(double q) {
    if (n == 0) {
      return Double.NaN;
    }
    long rank = Math.max(1, Math.min(n, (long) Math.ceil(q * n))); // as index ceil(q n) - 1 of the sorted values
    int i = Arrays.binarySearch(upTo, rank);
    return values[i >= 0 ? i : -i - 1];
  }

  @Override
  public double rank(double x, boolean inclusive) {
    int i = Arrays.binarySearch(values, x == 0 ? 0.0 : x); // -0.0 is 0.0, as the counts key it
    int below; // distinct values below x (or at or below)
    if (i >= 0) {
      below = inclusive ? i + 1 : i;
    } else {
      below = -i - 1;
    }
    return below == 0 ? 0 : (double) upTo[below - 1] / n;
  }

  @Override
  public double min() {
    return values[0];
  }

  @Override
  public double max() {
    return values[values.length - 1];
  }

  /**
   * Exact quantiles from counts held as {@link BitCounts}, answered by binary search over the
   * keys rather than from a list of them (a column of 10 M unique ids needs no 160 MB list).
   * {@code number} turns a key into its value and must not decrease as the key grows.
   */
  static Quantiles ofRanks(BitCounts.Ranks ranks, java.util.function.LongToDoubleFunction number) {
    return new Quantiles() {
      @Override
      public long count() {
        return ranks.total();
      }

      @Override
      public boolean exact() {
        return true;
      }

      @Override
      public double quantile(double q) {
        long n = ranks.total();
        if (n == 0) {
          return Double.NaN;
        }
        long rank = Math.max(1, Math.min(n, (long) Math.ceil(q * n)));
        long lo = ranks.min(); // the smallest key with at least rank values at or below it
        long hi = ranks.max();
        while (lo < hi) {
          long mid = lo + (hi - lo) / 2;
          if (ranks.upTo(mid) >= rank) {
            hi = mid;
          } else {
            lo = mid + 1;
          }
        }
        return number.applyAsDouble(lo);
      }

      @Override
      public double rank(double x, boolean inclusive) {
        long n = ranks.total();
        long lo = ranks.min() - 1; // the largest key whose value is below x (at or below: inclusive), or min - 1
        long hi = ranks.max();
        while (lo < hi) {
          long mid = lo + (hi - lo + 1) / 2;
          double v = number.applyAsDouble(mid);
          if (v < x || (inclusive && v == x)) {
            lo = mid;
          } else {
            hi = mid - 1;
          }
        }
        return n == 0 ? 0 : (double) ranks.upTo(lo) / n;
      }

      @Override
      public double min() {
        return number.applyAsDouble(ranks.min());
      }

      @Override
      public double max() {
        return number.applyAsDouble(ranks.max());
      }
    };
  }
}
