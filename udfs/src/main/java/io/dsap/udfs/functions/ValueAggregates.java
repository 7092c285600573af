package io.dsap.udfs.functions;

import io.dsap.engine.profile.MomentsState;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.Union;

/**
 * {@code entropy}, {@code approx_distinct}, {@code skewness}, {@code kurtosis} and
 * {@code completeness}: Calcite user-defined aggregates. NULL values are skipped (except by
 * {@code completeness}, which counts them); a group with no value gives NULL.
 */
public final class ValueAggregates {
  /** log2 of the HLL sketch's buckets: 4096 buckets, a relative error of about 1.6% (one standard deviation). */
  static final int HLL_LG_K = 12;

  private ValueAggregates() {}

  /** Occurrences per distinct value (exact: memory grows with the number of distinct values). */
  public static final class Counts {
    final Map<Object, long[]> counts = new HashMap<>();
    long total;

    void add(Object v) {
      counts.computeIfAbsent(v, k -> new long[1])[0]++;
      total++;
    }

    void merge(Counts o) {
      o.counts.forEach((k, c) -> counts.computeIfAbsent(k, x -> new long[1])[0] += c[0]);
      total += o.total;
    }
  }

  /** {@code entropy(x)}: Shannon entropy of the value distribution, in bits. */
  public static final class Entropy {
    public static Counts init() {
      return new Counts();
    }

    public static Counts add(Counts a, Object x) {
      if (x != null) {
        a.add(x);
      }
      return a;
    }

    public static Counts merge(Counts a, Counts b) {
      a.merge(b);
      return a;
    }

    public static Double result(Counts a) {
      if (a.total == 0) {
        return null;
      }
      double h = 0;
      for (long[] c : a.counts.values()) {
        double p = (double) c[0] / a.total;
        h -= p * Math.log(p);
      }
      return h == 0 ? 0.0 : h / Math.log(2); // no -0.0
    }
  }

  /** {@code approx_distinct(x)}: distinct non-null values, estimated with a HyperLogLog sketch. */
  public static final class ApproxDistinct {
    public static Union init() {
      return new Union(HLL_LG_K);
    }

    public static Union add(Union a, Object x) {
      if (x instanceof Number n) {
        a.update(n.doubleValue()); // 1 and 1.0 are one value, as SQL compares them
      } else if (x != null) {
        // a marker byte first: the sketch ignores empty input, and '' is a value
        byte[] text = String.valueOf(x).getBytes(StandardCharsets.UTF_8);
        byte[] b = new byte[text.length + 1];
        b[0] = 1;
        System.arraycopy(text, 0, b, 1, text.length);
        a.update(b);
      }
      return a;
    }

    public static Union merge(Union a, Union b) {
      a.update(b.getResult());
      return a;
    }

    public static Long result(Union a) {
      HllSketch s = a.getResult();
      return Math.round(s.getEstimate());
    }
  }

  /** {@code skewness(x)}: population skewness, the same number {@code profile()} reports. */
  public static final class Skewness {
    public static MomentsState init() {
      return new MomentsState();
    }

    public static MomentsState add(MomentsState a, Double x) {
      if (x != null) {
        a.add(x);
      }
      return a;
    }

    public static MomentsState merge(MomentsState a, MomentsState b) {
      a.merge(b);
      return a;
    }

    public static Double result(MomentsState a) {
      double v = a.skewness();
      return Double.isNaN(v) ? null : v;
    }
  }

  /** {@code kurtosis(x)}: excess kurtosis (0 for a normal distribution), as {@code profile()} reports it. */
  public static final class Kurtosis {
    public static MomentsState init() {
      return new MomentsState();
    }

    public static MomentsState add(MomentsState a, Double x) {
      if (x != null) {
        a.add(x);
      }
      return a;
    }

    public static MomentsState merge(MomentsState a, MomentsState b) {
      a.merge(b);
      return a;
    }

    public static Double result(MomentsState a) {
      double v = a.kurtosis();
      return Double.isNaN(v) ? null : v;
    }
  }

  /** {@code completeness(x)}: the share of rows where x is present (not NULL, not empty text). */
  public static final class Completeness {
    public static long[] init() {
      return new long[2];
    }

    public static long[] add(long[] a, Object x) {
      a[1]++;
      if (x != null && !(x instanceof String s && s.isBlank())) {
        a[0]++;
      }
      return a;
    }

    public static long[] merge(long[] a, long[] b) {
      a[0] += b[0];
      a[1] += b[1];
      return a;
    }

    public static Double result(long[] a) {
      return a[1] == 0 ? null : (double) a[0] / a[1];
    }
  }
}
