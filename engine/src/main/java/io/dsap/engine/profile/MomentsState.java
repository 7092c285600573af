package io.dsap.engine.profile;

/**
 * Count, mean and the second to fourth central moments of a numeric column, updated one value at
 * a time (Welford) and merged with the pairwise formulas of Pébay (2008), so splits can be
 * combined without a second pass and without the cancellation of naive sums of powers.
 */
public final class MomentsState implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private long n;
  private double mean;
  private double m2;
  private double m3;
  private double m4;

  /**
   * Adds one value. Both adds multiply by {@code 1 / n} rather than divide by {@code n}: the
   * reciprocal depends only on the count, so in a loop it is computed ahead while the previous
   * value's update is still running, instead of a division latency on every value's critical path.
   */
  public void add(double x) {
    long n1 = n;
    n++;
    double delta = x - mean;
    double deltaN = delta * (1.0 / n);
    double deltaN2 = deltaN * deltaN;
    double term1 = delta * deltaN * n1;
    mean += deltaN;
    m4 += term1 * deltaN2 * (n * (double) n - 3 * n + 3) + 6 * deltaN2 * m2 - 4 * deltaN * m3;
    m3 += term1 * deltaN * (n - 2) - 3 * deltaN * m2;
    m2 += term1;
  }

  /**
   * Adds {@code xs[0, count)} one by one, as {@link #add(double)} would (the same arithmetic, so the
   * same digits as the {@code skewness} and {@code kurtosis} aggregates), with the state in locals.
   */
  public void add(double[] xs, int count) {
    long k = n;
    double mu = mean;
    double s2 = m2;
    double s3 = m3;
    double s4 = m4;
    for (int i = 0; i < count; i++) {
      long k1 = k;
      k++;
      double delta = xs[i] - mu;
      double deltaN = delta * (1.0 / k); // the division does not wait for mu: off the loop's dependency chain
      double deltaN2 = deltaN * deltaN;
      double term1 = delta * deltaN * k1;
      mu += deltaN;
      s4 += term1 * deltaN2 * (k * (double) k - 3 * k + 3) + 6 * deltaN2 * s2 - 4 * deltaN * s3;
      s3 += term1 * deltaN * (k - 2) - 3 * deltaN * s2;
      s2 += term1;
    }
    n = k;
    mean = mu;
    m2 = s2;
    m3 = s3;
    m4 = s4;
  }

  /**
   * Adds the whole numbers {@code xs[0, count)} divided by {@code divisor} (10^scale for unscaled
   * decimals, 1 for integers): the same values and arithmetic as {@link #add(double[], int)} on
   * {@code xs[i] / divisor}, without a pass that converts them first.
   */
  public void add(long[] xs, int count, double divisor) {
    boolean divide = divisor != 1; // x / 1.0 == x: the division is skipped, not the value changed
    long k = n;
    double mu = mean;
    double s2 = m2;
    double s3 = m3;
    double s4 = m4;
    for (int i = 0; i < count; i++) {
      long k1 = k;
      k++;
      double x = divide ? xs[i] / divisor : xs[i];
      double delta = x - mu;
      double deltaN = delta * (1.0 / k);
      double deltaN2 = deltaN * deltaN;
      double term1 = delta * deltaN * k1;
      mu += deltaN;
      s4 += term1 * deltaN2 * (k * (double) k - 3 * k + 3) + 6 * deltaN2 * s2 - 4 * deltaN * s3;
      s3 += term1 * deltaN * (k - 2) - 3 * deltaN * s2;
      s2 += term1;
    }
    n = k;
    mean = mu;
    m2 = s2;
    m3 = s3;
    m4 = s4;
  }

  public void merge(MomentsState o) {
    if (o.n == 0) {
      return;
    }
    if (n == 0) {
      n = o.n;
      mean = o.mean;
      m2 = o.m2;
      m3 = o.m3;
      m4 = o.m4;
      return;
    }
    double na = n;
    double nb = o.n;
    double nx = na + nb;
    double delta = o.mean - mean;
    double d2 = delta * delta;
    double d3 = d2 * delta;
    double d4 = d2 * d2;
    double newM4 = m4 + o.m4 + d4 * na * nb * (na * na - na * nb + nb * nb) / (nx * nx * nx)
        + 6 * d2 * (na * na * o.m2 + nb * nb * m2) / (nx * nx) + 4 * delta * (na * o.m3 - nb * m3) / nx;
    double newM3 = m3 + o.m3 + d3 * na * nb * (na - nb) / (nx * nx) + 3 * delta * (na * o.m2 - nb * m2) / nx;
    m2 = m2 + o.m2 + d2 * na * nb / nx;
    m3 = newM3;
    m4 = newM4;
    mean = mean + delta * nb / nx;
    n += o.n;
  }

  public long count() {
    return n;
  }

  /** Mean, or NaN when empty. */
  public double mean() {
    return n == 0 ? Double.NaN : mean;
  }

  /** Sample variance (divides by n - 1, as SQL's VAR_SAMP); NaN below two values. */
  public double variance() {
    return n < 2 ? Double.NaN : m2 / (n - 1);
  }

  public double stddev() {
    return Math.sqrt(variance());
  }

  /** Population skewness g1 = m3 / m2^1.5 (moments divided by n); NaN when constant. */
  public double skewness() {
    return n < 2 || m2 == 0 ? Double.NaN : Math.sqrt(n) * m3 / Math.pow(m2, 1.5);
  }

  /** Excess kurtosis g2 = n m4 / m2² - 3 (0 for a normal distribution); NaN when constant. */
  public double kurtosis() {
    return n < 2 || m2 == 0 ? Double.NaN : n * m4 / (m2 * m2) - 3;
  }
}
