package io.dsap.engine.transform;

import io.dsap.engine.profile.MomentsState;
import io.dsap.engine.profile.QuantilesState;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * What the stats pass learns about one column (after repair): nulls; for numbers, dates and
 * timestamps (as epoch days or milliseconds) mean and spread ({@link MomentsState}, exact),
 * quantiles ({@link QuantilesState}: exact up to 16,384 values, then KLL with ranks within about
 * 1.3%), and a seeded reservoir sample of {@link #SAMPLE} values for the median absolute
 * deviation (exact up to that many values); for every column exact value counts for up to
 * {@link #MAX_DISTINCT} distinct values (the mode and the categories of an encoding).
 */
public final class ColumnStats implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  public static final int SAMPLE = QuantilesState.EXACT_MAX;
  public static final int MAX_DISTINCT = 100_000;

  private final MomentsState moments = new MomentsState();
  private final QuantilesState quantiles = new QuantilesState();
  private final Map<Object, long[]> counts = new HashMap<>();
  private final double[] sample = new double[SAMPLE];
  private final Random random;
  private long rows;
  private long nulls;
  private long numbers;
  private double min = Double.NaN;
  private double max = Double.NaN;
  private boolean countsExact = true;

  ColumnStats(long seed) {
    this.random = new Random(seed);
  }

  void add(Object v) {
    rows++;
    if (v == null) {
      nulls++;
      return;
    }
    long[] c = counts.get(v);
    if (c != null) {
      c[0]++;
    } else if (counts.size() < MAX_DISTINCT) {
      counts.put(v, new long[] {1});
    } else {
      countsExact = false;
    }
    if (v instanceof Number n) {
      double d = n.doubleValue();
      if (Double.isNaN(d)) {
        return;
      }
      moments.add(d);
      quantiles.add(d);
      min = Double.isNaN(min) ? d : Math.min(min, d);
      max = Double.isNaN(max) ? d : Math.max(max, d);
      if (numbers < SAMPLE) {
        sample[(int) numbers] = d;
      } else {
        long j = (long) (random.nextDouble() * (numbers + 1));
        if (j < SAMPLE) {
          sample[(int) j] = d;
        }
      }
      numbers++;
    }
  }

  /**
   * Adds the statistics of another part of the same column (a Spark partition). Counts, moments
   * and extremes merge exactly; quantiles stay exact while the parts together hold at most
   * {@link #SAMPLE} values; the MAD samples are concatenated up to that size, beyond it drawn
   * from both in proportion to the values each part saw.
   */
  void merge(ColumnStats o) {
    rows += o.rows;
    nulls += o.nulls;
    moments.merge(o.moments);
    quantiles.merge(o.quantiles);
    if (!Double.isNaN(o.min)) {
      min = Double.isNaN(min) ? o.min : Math.min(min, o.min);
      max = Double.isNaN(max) ? o.max : Math.max(max, o.max);
    }
    for (Map.Entry<Object, long[]> e : o.counts.entrySet()) {
      long[] c = counts.get(e.getKey());
      if (c != null) {
        c[0] += e.getValue()[0];
      } else if (counts.size() < MAX_DISTINCT) {
        counts.put(e.getKey(), new long[] {e.getValue()[0]});
      } else {
        countsExact = false;
      }
    }
    countsExact &= o.countsExact;
    int na = (int) Math.min(numbers, SAMPLE);
    int nb = (int) Math.min(o.numbers, SAMPLE);
    if (na + nb <= SAMPLE) {
      System.arraycopy(o.sample, 0, sample, na, nb);
    } else {
      double[] a = Arrays.copyOf(sample, na);
      double[] b = Arrays.copyOf(o.sample, nb);
      double shareA = (double) numbers / (numbers + o.numbers);
      int leftA = na;
      int leftB = nb;
      for (int i = 0; i < SAMPLE; i++) {
        boolean fromA = leftB == 0 || (leftA > 0 && random.nextDouble() < shareA);
        double[] from = fromA ? a : b;
        int left = fromA ? leftA-- : leftB--;
        int j = random.nextInt(left); // without replacement: swap the taken value past the end
        sample[i] = from[j];
        from[j] = from[left - 1];
      }
    }
    numbers += o.numbers;
  }

  public long rows() {
    return rows;
  }

  public long nulls() {
    return nulls;
  }

  /** Non-null numeric values (numbers, or dates as days, timestamps as milliseconds). */
  public long numericCount() {
    return numbers;
  }

  public double mean() {
    return moments.mean();
  }

  /** Sample standard deviation (n - 1). */
  public double stddev() {
    return moments.stddev();
  }

  public double skewness() {
    return moments.skewness();
  }

  public double min() {
    return min;
  }

  public double max() {
    return max;
  }

  /** Nearest-rank quantile (a value of the column), as profile() gives it. */
  public double quantile(double q) {
    return quantiles.quantile(q);
  }

  public boolean quantilesExact() {
    return quantiles.exact();
  }

  /** Median (nearest rank) of |x - median| over the reservoir sample (all values when there are at most {@link #SAMPLE}). */
  public double mad() {
    int n = (int) Math.min(numbers, SAMPLE);
    if (n == 0) {
      return Double.NaN;
    }
    double median = quantile(0.5);
    double[] dev = new double[n];
    for (int i = 0; i < n; i++) {
      dev[i] = Math.abs(sample[i] - median);
    }
    Arrays.sort(dev);
    return dev[(int) Math.ceil(0.5 * n) - 1]; // nearest rank, like the median
  }

  public boolean madExact() {
    return numbers <= SAMPLE && quantiles.exact();
  }

  /** Whether {@link #counts()} holds every distinct value. */
  public boolean countsExact() {
    return countsExact;
  }

  /** Value -> count (values as the column holds them). */
  public Map<Object, Long> counts() {
    Map<Object, Long> m = new HashMap<>();
    counts.forEach((k, v) -> m.put(k, v[0]));
    return m;
  }

  /** The most frequent value; ties go to the smallest (numbers) or first in text order. Null when none. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Object mode() {
    Object best = null;
    long bestCount = 0;
    for (Map.Entry<Object, long[]> e : counts.entrySet()) {
      long c = e.getValue()[0];
      if (c > bestCount || (c == bestCount && best != null && compare(e.getKey(), best) < 0)) {
        best = e.getKey();
        bestCount = c;
      }
    }
    return best;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static int compare(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      if (x instanceof BigDecimal bx && y instanceof BigDecimal by) {
        return bx.compareTo(by);
      }
      return Double.compare(x.doubleValue(), y.doubleValue());
    }
    if (a instanceof Comparable ca && a.getClass() == b.getClass()) {
      return ca.compareTo(b);
    }
    return String.valueOf(a).compareTo(String.valueOf(b));
  }
}
