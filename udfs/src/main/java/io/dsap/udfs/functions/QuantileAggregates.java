package io.dsap.udfs.functions;

/**
 * {@code median}, {@code quantile}, {@code iqr} and {@code mad}: Calcite user-defined aggregates
 * (classes with {@code init}, {@code add}, {@code merge}, {@code result}) over a
 * {@link QuantileAccumulator}. NULL values are skipped; a group with no value gives NULL.
 */
public final class QuantileAggregates {
  private QuantileAggregates() {}

  private static QuantileAccumulator addValue(QuantileAccumulator a, Double x) {
    if (x != null) {
      a.add(x);
    }
    return a;
  }

  private static QuantileAccumulator mergeValues(QuantileAccumulator a, QuantileAccumulator b) {
    a.merge(b);
    if (a.q == null) {
      a.q = b.q;
    }
    return a;
  }

  /** {@code median(x)}: the middle value, the mean of the two middle ones for an even count. */
  public static final class Median {
    public static QuantileAccumulator init() {
      return new QuantileAccumulator();
    }

    public static QuantileAccumulator add(QuantileAccumulator a, Double x) {
      return addValue(a, x);
    }

    public static QuantileAccumulator merge(QuantileAccumulator a, QuantileAccumulator b) {
      return mergeValues(a, b);
    }

    public static Double result(QuantileAccumulator a) {
      return a.quantile(0.5);
    }
  }

  /** {@code quantile(x, q)}: the q-quantile, {@code q} the same number in [0, 1] for every row. */
  public static final class Quantile {
    static final String SIGNATURE = "quantile(x, q)";

    public static QuantileAccumulator init() {
      return new QuantileAccumulator();
    }

    public static QuantileAccumulator add(QuantileAccumulator a, Double x, Double q) {
      if (q == null || q.isNaN() || q < 0 || q > 1) {
        throw ArgumentErrors.bad(SIGNATURE, "q", q, "expected a fraction between 0 and 1, e.g. 0.9 for the 90th"
            + " percentile");
      }
      if (a.q == null) {
        a.q = q;
      } else if (!a.q.equals(q)) {
        throw ArgumentErrors.bad(SIGNATURE, "q", q, "expected the same q for every row of a group (first was "
            + a.q + ")");
      }
      return addValue(a, x);
    }

    public static QuantileAccumulator merge(QuantileAccumulator a, QuantileAccumulator b) {
      return mergeValues(a, b);
    }

    public static Double result(QuantileAccumulator a) {
      return a.q == null ? null : a.quantile(a.q);
    }
  }

  /** {@code iqr(x)}: the interquartile range, third quartile minus first. */
  public static final class Iqr {
    public static QuantileAccumulator init() {
      return new QuantileAccumulator();
    }

    public static QuantileAccumulator add(QuantileAccumulator a, Double x) {
      return addValue(a, x);
    }

    public static QuantileAccumulator merge(QuantileAccumulator a, QuantileAccumulator b) {
      return mergeValues(a, b);
    }

    public static Double result(QuantileAccumulator a) {
      Double q3 = a.quantile(0.75);
      return q3 == null ? null : q3 - a.quantile(0.25);
    }
  }

  /** {@code mad(x)}: the median absolute deviation, median(|x - median(x)|), not scaled. */
  public static final class Mad {
    public static QuantileAccumulator init() {
      return new QuantileAccumulator();
    }

    public static QuantileAccumulator add(QuantileAccumulator a, Double x) {
      return addValue(a, x);
    }

    public static QuantileAccumulator merge(QuantileAccumulator a, QuantileAccumulator b) {
      return mergeValues(a, b);
    }

    public static Double result(QuantileAccumulator a) {
      return a.medianAbsoluteDeviation();
    }
  }
}
