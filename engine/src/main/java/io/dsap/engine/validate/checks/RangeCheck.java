package io.dsap.engine.validate.checks;

import io.dsap.engine.schema.Severity;
import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.validate.AbstractCheck;
import io.dsap.engine.validate.IssueSink;
import io.dsap.engine.validate.Rows;
import io.dsap.engine.validate.Values;
import java.math.BigDecimal;

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
  public void check(Rows rows, IssueSink out) {
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
        String text = rows.text(r, c);
        String msg = column + " " + text + " is " + (below > 0 ? "below the minimum " + minText
            : "above the maximum " + maxText);
        fail(rows, r, text, expected, msg, "Correct the value on line " + rows.line(r) + ", or widen the range ("
            + (below > 0 ? "min" : "max") + ": in the schema) if " + text + " is legitimate.", out);
      }
    }
  }
}
