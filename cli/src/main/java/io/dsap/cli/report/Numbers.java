package io.dsap.cli.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** How the report writes numbers: counts with thousands separators, measures with at most 4 decimals. */
final class Numbers {
  private Numbers() {
  }

  /** 1234567 as "1,234,567"; null as "". */
  static String count(Long n) {
    return n == null ? "" : String.format(Locale.ROOT, "%,d", n);
  }

  /** A measure: at most 4 decimals, no trailing zeros ("3.5401", "2"); very large or small in scientific form. */
  static String measure(Double v) {
    if (v == null) {
      return "";
    }
    if (v.isNaN() || v.isInfinite()) {
      return v.toString();
    }
    double abs = Math.abs(v);
    if (abs >= 1e9 || (abs < 1e-4 && abs != 0)) {
      return String.format(Locale.ROOT, "%.4e", v);
    }
    BigDecimal d = BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
    return d.signum() == 0 ? "0" : d.toPlainString();
  }

  /** A share between 0 and 1 as a percentage with one decimal ("86.9%"). */
  static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", share * 100);
  }

  /** A percentage given in percent (validation_summary's failed_pct) with two decimals ("0.84%"). */
  static String percentValue(Double pct) {
    return pct == null ? "" : String.format(Locale.ROOT, "%.2f%%", pct);
  }

  /** A number for an SVG attribute: plain, at most 2 decimals. */
  static String svg(double v) {
    return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }
}
