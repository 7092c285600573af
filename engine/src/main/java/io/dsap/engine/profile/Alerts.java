package io.dsap.engine.profile;

import io.dsap.engine.profile.ColumnProfile.Alert;
import io.dsap.engine.profile.ValueCountsState.ValueCount;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The alerts of {@code profile}: rules over a column's metrics, each with a fixed threshold
 * (documented in docs/sql-reference.md). Names are stable, so {@code WHERE alerts LIKE '%missing%'}
 * keeps working; the details carry the numbers.
 */
final class Alerts {
  static final long HIGH_CARDINALITY_MIN = 50;
  static final double HIGH_CARDINALITY_SHARE = 0.5;
  static final double SKEWED = 2.0;
  static final double ZEROS_SHARE = 0.10;
  static final double STORED_AS_TEXT_SHARE = 0.90;
  static final double IMBALANCE = 0.5;
  /** A column with at most this many distinct values (exact) is treated as categorical. */
  static final int CATEGORICAL_MAX = 50;

  private Alerts() {}

  static List<Alert> of(ColumnProfile p, TableProfile table) {
    List<Alert> a = new ArrayList<>();
    long n = p.values();
    if (p.invalid() > 0) {
      a.add(new Alert("invalid", p.invalid() + " row(s) rejected because the value is not " + p.type()
          + "; see rejects('" + table.file() + "')"));
    }
    if (p.nulls() > 0) {
      a.add(new Alert("missing", p.nulls() + " of " + p.count() + " values are NULL (" + pct(p.nulls(), p.count())
          + ")"));
    }
    if (n > 1 && p.distinct() == 1) {
      a.add(new Alert("constant", "every value is '" + p.topValues().get(0).value() + "'"));
    }
    if (n > 1 && p.distinctExact() && p.distinct() == n) {
      a.add(new Alert("unique", "all " + n + " values are distinct (exact)"));
    } else if (p.textNumeric() != null && p.distinct() > HIGH_CARDINALITY_MIN
        && p.distinct() > HIGH_CARDINALITY_SHARE * n) {
      a.add(new Alert("high_cardinality", p.distinct() + (p.distinctExact() ? "" : " (approx.)")
          + " distinct values in " + n + " rows"));
    }
    if (p.skewness() != null && Math.abs(p.skewness()) > SKEWED) {
      a.add(new Alert("skewed", String.format(Locale.ROOT, "skewness %.2f (beyond ±%.0f)", p.skewness(), SKEWED)));
    }
    if (p.zeros() != null && n > 0 && p.zeros() > ZEROS_SHARE * n) {
      a.add(new Alert("zeros", p.zeros() + " of " + n + " values are 0 (" + pct(p.zeros(), n) + ")"));
    }
    if (p.outliers() != null && p.outliers() > 0) {
      a.add(new Alert("outliers", p.outliers() + (p.quantilesExact() ? "" : " (approx.)")
          + " value(s) outside [q25 - 1.5 IQR, q75 + 1.5 IQR] = [" + num(p.q25() - 1.5 * p.iqr()) + ", "
          + num(p.q75() + 1.5 * p.iqr()) + "]"));
    }
    if (p.textDates() != null && n > 0 && p.textDates() >= STORED_AS_TEXT_SHARE * n) {
      a.add(new Alert("date_stored_as_text", p.textDates() + " of " + n + " text values read as dates"));
    }
    if (p.textNumeric() != null && n > 0 && p.textNumeric() >= STORED_AS_TEXT_SHARE * n
        && p.textLeadingZeros() == 0) {
      a.add(new Alert("numeric_stored_as_text", p.textNumeric() + " of " + n + " text values read as numbers"));
    }
    boolean categorical = p.distinctExact() && p.distinct() >= 2 && p.distinct() <= CATEGORICAL_MAX
        && p.distinct() * 2 <= n;
    if (categorical && p.textNumeric() != null) {
      imbalance(p, a);
      List<String> values = p.topValues().stream().map(ValueCount::value).toList();
      List<String[]> pairs = NearDuplicates.pairs(values);
      if (!pairs.isEmpty()) {
        StringBuilder d = new StringBuilder();
        for (String[] pair : pairs) {
          d.append(d.length() == 0 ? "" : ", ").append('\'').append(pair[0]).append("' ~ '").append(pair[1])
              .append('\'');
        }
        a.add(new Alert("dirty_category", "near-duplicate spellings among the top values: " + d));
      }
    }
    if (table.duplicateRows() > 0) {
      a.add(new Alert("duplicates", table.duplicateRows() + (table.duplicatesExact() ? "" : "+")
          + " row(s) of the table repeat an earlier row exactly"));
    }
    return a;
  }

  /**
   * Imbalance = 1 - H / log(k) over the k categories (H = Shannon entropy of their shares): 0 when
   * every category is equally common, near 1 when one dominates. Needs every count, so only when
   * the top values hold all categories.
   */
  private static void imbalance(ColumnProfile p, List<Alert> a) {
    List<ValueCount> top = p.topValues();
    if (top.size() != p.distinct()) {
      return;
    }
    double n = top.stream().mapToLong(ValueCount::count).sum();
    double h = 0;
    for (ValueCount v : top) {
      double share = v.count() / n;
      h -= share * Math.log(share);
    }
    double imbalance = 1 - h / Math.log(top.size());
    if (imbalance > IMBALANCE) {
      a.add(new Alert("imbalance", String.format(Locale.ROOT, "imbalance %.2f: '%s' holds %s of the values",
          imbalance, top.get(0).value(), pct(top.get(0).count(), (long) n))));
    }
  }

  static String pct(long part, long whole) {
    return String.format(Locale.ROOT, "%.1f%%", whole == 0 ? 0.0 : 100.0 * part / whole);
  }

  private static String num(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : String.format(Locale.ROOT, "%.4g", d);
  }
}
