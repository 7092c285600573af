package io.dsap.engine.validate.checks;

import io.dsap.engine.schema.OutlierSpec;
import io.dsap.engine.schema.Severity;
import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.validate.AbstractCheck;
import io.dsap.engine.validate.IssueSink;
import io.dsap.engine.validate.Rows;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;

/**
 * {@code outlier}: a numeric value far from the rest. {@code iqr}: outside
 * [Q1 - k*IQR, Q3 + k*IQR], quartiles from a KLL sketch (exact up to a few hundred values, then
 * within about 1.3% of rank). {@code zscore}: more than k standard deviations from the mean
 * (exact, Welford). Needs a first pass for the statistics.
 */
public final class OutlierCheck extends AbstractCheck {
  private final int c;
  private final OutlierSpec spec;
  private final KllDoublesSketch sketch = KllDoublesSketch.newHeapInstance(200);
  private long n;
  private double mean;
  private double m2;
  private double low = Double.NaN;
  private double high = Double.NaN;
  private String expected;

  public OutlierCheck(ColumnSpec column, int c, OutlierSpec spec, Severity severity, double mostly) {
    super("outlier", column.name(), severity, mostly);
    this.c = c;
    this.spec = spec;
  }

  @Override
  public boolean needsProfile() {
    return true;
  }

  @Override
  public void observe(Rows rows) {
    for (int r = 0; r < rows.size(); r++) {
      Object v = rows.value(r, c);
      if (v instanceof Number num) {
        double x = num.doubleValue();
        if (Double.isNaN(x) || Double.isInfinite(x)) {
          continue;
        }
        sketch.update(x);
        n++;
        double d = x - mean;
        mean += d / n;
        m2 += d * (x - mean);
      }
    }
  }

  private void bounds() {
    double k = spec.thresholdOrDefault();
    if (n == 0) {
      low = Double.NEGATIVE_INFINITY;
      high = Double.POSITIVE_INFINITY;
      expected = "no values";
    } else if (spec.iqr()) {
      double q1 = sketch.getQuantile(0.25, QuantileSearchCriteria.INCLUSIVE);
      double q3 = sketch.getQuantile(0.75, QuantileSearchCriteria.INCLUSIVE);
      double iqr = q3 - q1;
      low = q1 - k * iqr;
      high = q3 + k * iqr;
      expected = "between " + fmt(low) + " and " + fmt(high) + " (Q1 " + fmt(q1) + ", Q3 " + fmt(q3) + ", " + k
          + " x IQR)";
    } else {
      double sd = n > 1 ? Math.sqrt(m2 / (n - 1)) : 0;
      low = mean - k * sd;
      high = mean + k * sd;
      expected = "between " + fmt(low) + " and " + fmt(high) + " (mean " + fmt(mean) + " +/- " + k + " sd " + fmt(sd)
          + ")";
    }
  }

  private static String fmt(double d) {
    return BigDecimal.valueOf(d).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }

  @Override
  public void check(Rows rows, IssueSink out) {
    if (Double.isNaN(low)) {
      bounds();
    }
    for (int r = 0; r < rows.size(); r++) {
      Object v = rows.value(r, c);
      if (!(v instanceof Number num)) {
        continue;
      }
      checked++;
      double x = num.doubleValue();
      if (x < low || x > high) {
        String text = rows.text(r, c);
        fail(rows, r, text, expected, column + " " + text + " is an outlier (" + spec.method() + "): expected "
            + expected, "Check the value on line " + rows.line(r) + " (a typo, a unit mix-up?); if such values are"
            + " normal, raise outliers.threshold.", out);
      }
    }
  }

  @Override
  public int[] columnsRead() {
    return new int[] {c};
  }
}
