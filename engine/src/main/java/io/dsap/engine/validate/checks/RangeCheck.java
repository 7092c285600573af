package io.dsap.engine.validate.checks;

import io.dsap.engine.schema.Severity;
import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.validate.AbstractCheck;
import io.dsap.engine.validate.Check;
import io.dsap.engine.validate.IssueSink;
import io.dsap.engine.validate.Rows;
import io.dsap.engine.validate.Values;
import io.dsap.engine.batch.LongVector;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * {@code range}: values between {@code min} and {@code max} (inclusive; either may be absent).
 * Numbers and dates compare as numbers, text compares by code points.
 */
public final class RangeCheck extends AbstractCheck {
  private final int c;
  private final ColumnSpec spec;
  private final String minText;
  private final String maxText;
  private final BigDecimal min;
  private final BigDecimal max;
  private final String expected;
  private int boundsScale = Integer.MIN_VALUE;
  private boolean boundsFit;
  private long low;
  private long high;

  public RangeCheck(ColumnSpec spec, int c, String min, String max, Severity severity, double mostly) {
    super("range", spec.name(), severity, mostly);
    this.c = c;
    this.spec = spec;
    this.minText = min;
    this.maxText = max;
    this.min = min == null ? null : Values.comparable(spec.type(), min);
    this.max = max == null ? null : Values.comparable(spec.type(), max);
    this.expected = min != null && max != null ? "between " + min + " and " + max
        : min != null ? ">= " + min : "<= " + max;
  }

  @Override
  public Check forSplit() {
    return freshCopy();
  }

  @Override
  protected void scan(Rows rows) {
    if (rows.column(c) instanceof LongVector longs && longBounds(longs.scale())) {
      scanLongs(rows, longs);
      return;
    }
    boolean numeric = spec.type() != io.dsap.engine.types.ColumnType.VARCHAR;
    for (int r = 0; r < rows.size(); r++) {
      Object v = rows.value(r, c);
      if (v == null) {
        continue;
      }
      checked++;
      int below;
      int above;
      if (numeric) {
        BigDecimal x = Values.comparable(spec.type(), v);
        if (x == null) {
          continue; // NaN and infinities have no place on the line
        }
        below = min != null && x.compareTo(min) < 0 ? 1 : 0;
        above = max != null && x.compareTo(max) > 0 ? 1 : 0;
      } else {
        String s = v.toString();
        below = minText != null && s.compareTo(minText) < 0 ? 1 : 0;
        above = maxText != null && s.compareTo(maxText) > 0 ? 1 : 0;
      }
      if (below + above > 0) {
        failedAt(r);
      }
    }
  }

  /**
   * Numbers, dates and times stored as longs (decimals unscaled): compared with the bounds moved
   * to the vector's scale, as longs. For a whole x, x < min exactly when x < ceil(min), and
   * x > max when x > floor(max).
   */
  private void scanLongs(Rows rows, LongVector v) {
    long[] x = v.values();
    long lo = low;
    long hi = high;
    for (int r = 0; r < rows.size(); r++) {
      if (v.isNull(r)) {
        continue;
      }
      checked++;
      if (x[r] < lo || x[r] > hi) {
        failedAt(r);
      }
    }
  }

  /** Sets the long bounds for values at {@code scale}; false when a bound does not fit a long. */
  private boolean longBounds(int scale) {
    if (scale != boundsScale) {
      BigDecimal lo = min == null ? BigDecimal.valueOf(Long.MIN_VALUE)
          : min.movePointRight(scale).setScale(0, RoundingMode.CEILING);
      BigDecimal hi = max == null ? BigDecimal.valueOf(Long.MAX_VALUE)
          : max.movePointRight(scale).setScale(0, RoundingMode.FLOOR);
      boundsFit = fits(lo) && fits(hi);
      low = boundsFit ? lo.longValueExact() : 0;
      high = boundsFit ? hi.longValueExact() : 0;
      boundsScale = scale;
    }
    return boundsFit;
  }

  private static boolean fits(BigDecimal b) {
    return b.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0 && b.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0;
  }

  @Override
  protected void report(Rows rows, int r, IssueSink out) {
    boolean below = below(rows, r);
    String text = rows.text(r, c);
    String msg = column + " " + text + " is " + (below ? "below the minimum " + minText
        : "above the maximum " + maxText);
    fail(rows, r, text, expected, msg, "Correct the value on line " + rows.line(r) + ", or widen the range ("
        + (below ? "min" : "max") + ": in the schema) if " + text + " is legitimate.", out);
  }

  /** Whether failing row {@code r} is below the range (else above), as {@link #scan} compared it. */
  private boolean below(Rows rows, int r) {
    if (rows.column(c) instanceof LongVector longs && longBounds(longs.scale())) {
      return longs.values()[r] < low;
    }
    Object v = rows.value(r, c);
    if (spec.type() != io.dsap.engine.types.ColumnType.VARCHAR) {
      return min != null && Values.comparable(spec.type(), v).compareTo(min) < 0;
    }
    return minText != null && v.toString().compareTo(minText) < 0;
  }

  @Override
  public int[] columnsRead() {
    return new int[] {c};
  }
}
