package io.dsap.engine.quality;

import io.dsap.engine.detect.ColumnSchema;
import io.dsap.engine.detect.DataSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The rows of {@code quality_report(path)}: per column and per table, completeness, validity,
 * consistency, uniqueness (key candidates only) and overall, from a detected schema
 * (docs/quality-score.md gives the formulas).
 */
public final class QualityReport {
  /** A column is a key candidate when at least this share of its values are distinct (and it is exactly counted). */
  public static final double KEY_CANDIDATE_MIN_DISTINCT = 0.95;

  /** Types whose near-unique columns are key candidates (measures and dates are not keys). */
  private static final Set<String> KEY_TYPES = Set.of("INTEGER", "BIGINT", "VARCHAR");

  /** One row: {@code scope} is {@code table} or {@code column} ({@code column} null for the table). */
  public record Row(String scope, String column, String dimension, double score, String detail) {}

  private QualityReport() {}

  /** Whether {@code c} is a key candidate: an INTEGER, BIGINT or VARCHAR column, >= 95% distinct, counted exactly. */
  public static boolean keyCandidate(ColumnSchema c) {
    String base = c.sqlType().replaceAll("\\(.*", "").toUpperCase(Locale.ROOT);
    return KEY_TYPES.contains(base) && c.distinctExact() && c.values() > 0
        && c.distinctCount() >= KEY_CANDIDATE_MIN_DISTINCT * c.values();
  }

  /** distinct / values for a key candidate, else null. */
  public static Double uniqueness(ColumnSchema c) {
    return keyCandidate(c) ? (double) c.distinctCount() / c.values() : null;
  }

  /** The column's score with uniqueness (when a key candidate) and {@code weights}. */
  public static QualityScore columnScore(ColumnSchema c, QualityWeights weights) {
    QualityScore q = c.quality();
    return QualityScore.of(q.completeness(), q.validity(), q.consistency(), uniqueness(c), weights);
  }

  /**
   * The table's score: each dimension the mean of its columns' (uniqueness over key candidates
   * only, null when there is none), overall weighted by {@code weights}.
   */
  public static QualityScore tableScore(DataSchema schema, QualityWeights weights) {
    int n = schema.columns().size();
    if (n == 0) {
      return QualityScore.of(1, 1, 1, null, weights);
    }
    double c = 0;
    double v = 0;
    double s = 0;
    double u = 0;
    int keys = 0;
    for (ColumnSchema col : schema.columns()) {
      c += col.quality().completeness();
      v += col.quality().validity();
      s += col.quality().consistency();
      Double cu = uniqueness(col);
      if (cu != null) {
        u += cu;
        keys++;
      }
    }
    return QualityScore.of(c / n, v / n, s / n, keys == 0 ? null : u / keys, weights);
  }

  /** Table rows first (completeness, validity, consistency, uniqueness, overall), then each column's. */
  public static List<Row> rows(DataSchema schema, QualityWeights weights) {
    List<Row> out = new ArrayList<>();
    QualityScore t = tableScore(schema, weights);
    int n = schema.columns().size();
    long keys = schema.columns().stream().filter(QualityReport::keyCandidate).count();
    out.add(new Row("table", null, "completeness", t.completeness(), "mean of " + n + " columns"));
    out.add(new Row("table", null, "validity", t.validity(), "mean of " + n + " columns"));
    out.add(new Row("table", null, "consistency", t.consistency(), "mean of " + n + " columns"));
    if (t.uniqueness() != null) {
      out.add(new Row("table", null, "uniqueness", t.uniqueness(), "mean of " + keys + " key candidate columns"));
    }
    out.add(new Row("table", null, "overall", t.overall(), "weighted mean, " + describe(weights)));
    for (ColumnSchema c : schema.columns()) {
      QualityScore q = columnScore(c, weights);
      long values = c.values();
      out.add(new Row("column", c.name(), "completeness", q.completeness(),
          values + " of " + c.rows() + " rows not missing"));
      out.add(new Row("column", c.name(), "validity", q.validity(),
          c.valid() + " of " + values + " values valid"
              + (c.semanticType() == null ? " " + c.sqlType() : " " + c.sqlType() + " and " + c.semanticType())));
      out.add(new Row("column", c.name(), "consistency", q.consistency(),
          c.consistent() + " of " + values + " values consistent"));
      if (q.uniqueness() != null) {
        out.add(new Row("column", c.name(), "uniqueness", q.uniqueness(),
            c.distinctCount() + " distinct of " + values + " values"));
      }
      out.add(new Row("column", c.name(), "overall", q.overall(), "weighted mean, " + describe(weights)));
    }
    return out;
  }

  /** {@code completeness=1,validity=1,consistency=1,uniqueness=1}. */
  public static String describe(QualityWeights w) {
    return "completeness=" + num(w.completeness()) + ",validity=" + num(w.validity()) + ",consistency="
        + num(w.consistency()) + ",uniqueness=" + num(w.uniqueness());
  }

  private static String num(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
