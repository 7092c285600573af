package io.dsap.engine.quality;

import io.dsap.engine.detect.ColumnSchema;
import io.dsap.engine.detect.DataSchema;
import io.dsap.engine.validate.CheckResult;
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
    return columnScore(c, weights, RuleResults.NONE);
  }

  /**
   * The column's score; with a schema's {@code rules}, validity is the smallest of the type fit,
   * the semantic match and each of the column's rule checks: {@code min(valid, values - failed) / values}.
   */
  public static QualityScore columnScore(ColumnSchema c, QualityWeights weights, RuleResults rules) {
    QualityScore q = c.quality();
    return QualityScore.of(q.completeness(), validity(c, rules), q.consistency(), uniqueness(c), weights);
  }

  /** Valid values of {@code c}: detection's count, lowered by the worst of the schema's checks on it. */
  static long valid(ColumnSchema c, RuleResults rules) {
    long valid = c.valid();
    for (CheckResult r : rules.column(c.name())) {
      valid = Math.min(valid, Math.max(0, c.values() - r.failed()));
    }
    return valid;
  }

  private static double validity(ColumnSchema c, RuleResults rules) {
    if (rules.column(c.name()).isEmpty()) {
      return c.quality().validity();
    }
    return c.values() == 0 ? 1 : (double) valid(c, rules) / c.values();
  }

  /** Share of checked rows that pass the worst table rule, or null without rules. */
  static CheckResult worstRule(RuleResults rules) {
    CheckResult worst = null;
    for (CheckResult r : rules.tableRules()) {
      if (r.checked() > 0 && (worst == null || passShare(r) < passShare(worst))) {
        worst = r;
      }
    }
    return worst;
  }

  private static double passShare(CheckResult r) {
    return r.checked() == 0 ? 1 : (double) (r.checked() - r.failed()) / r.checked();
  }

  /**
   * The table's score: each dimension the mean of its columns' (uniqueness over key candidates
   * only, null when there is none), overall weighted by {@code weights}.
   */
  public static QualityScore tableScore(DataSchema schema, QualityWeights weights) {
    return tableScore(schema, weights, RuleResults.NONE);
  }

  /**
   * The table's score with a schema's {@code rules}: column validity as in
   * {@link #columnScore(ColumnSchema, QualityWeights, RuleResults)}; the table's validity is the
   * mean of its columns', or the pass share of its worst table rule when that is lower.
   */
  public static QualityScore tableScore(DataSchema schema, QualityWeights weights, RuleResults rules) {
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
      v += columnScore(col, weights, rules).validity();
      s += col.quality().consistency();
      Double cu = uniqueness(col);
      if (cu != null) {
        u += cu;
        keys++;
      }
    }
    double validity = v / n;
    CheckResult worst = worstRule(rules);
    if (worst != null) {
      validity = Math.min(validity, passShare(worst));
    }
    return QualityScore.of(c / n, validity, s / n, keys == 0 ? null : u / keys, weights);
  }

  /** Table rows first (completeness, validity, consistency, uniqueness, overall), then each column's. */
  public static List<Row> rows(DataSchema schema, QualityWeights weights) {
    return rows(schema, weights, RuleResults.NONE);
  }

  /** The rows with validity judged by a schema's {@code rules} too. */
  public static List<Row> rows(DataSchema schema, QualityWeights weights, RuleResults rules) {
    List<Row> out = new ArrayList<>();
    QualityScore t = tableScore(schema, weights, rules);
    int n = schema.columns().size();
    long keys = schema.columns().stream().filter(QualityReport::keyCandidate).count();
    out.add(new Row("table", null, "completeness", t.completeness(), "mean of " + n + " columns"));
    CheckResult worst = worstRule(rules);
    String tableValidity = "mean of " + n + " columns";
    double columnsMean = tableScore(schema, weights, new RuleResults(rules.schema(), rules.byColumn(), List.of()))
        .validity();
    if (worst != null && passShare(worst) < columnsMean) {
      tableValidity = worst.check() + ": " + (worst.checked() - worst.failed()) + " of " + worst.checked()
          + " rows pass (below the mean of " + n + " columns)";
    } else if (!rules.tableRules().isEmpty()) {
      tableValidity += "; " + rules.tableRules().size() + " table rules of " + rules.schema() + " checked";
    }
    out.add(new Row("table", null, "validity", t.validity(), tableValidity));
    out.add(new Row("table", null, "consistency", t.consistency(), "mean of " + n + " columns"));
    if (t.uniqueness() != null) {
      out.add(new Row("table", null, "uniqueness", t.uniqueness(), "mean of " + keys + " key candidate columns"));
    }
    out.add(new Row("table", null, "overall", t.overall(), "weighted mean, " + describe(weights)));
    for (ColumnSchema c : schema.columns()) {
      QualityScore q = columnScore(c, weights, rules);
      long values = c.values();
      out.add(new Row("column", c.name(), "completeness", q.completeness(),
          values + " of " + c.rows() + " rows not missing"));
      out.add(new Row("column", c.name(), "validity", q.validity(),
          valid(c, rules) + " of " + values + " values valid"
              + (c.semanticType() == null ? " " + c.sqlType() : " " + c.sqlType() + " and " + c.semanticType())
              + ruleDetail(rules.column(c.name()), rules.schema())));
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

  /** {@code ; schema orders: range 2 failed, allowed_values 0 failed}, or empty without checks. */
  private static String ruleDetail(List<CheckResult> checks, String schema) {
    if (checks.isEmpty()) {
      return "";
    }
    StringBuilder s = new StringBuilder("; schema ").append(schema).append(':');
    String sep = " ";
    for (CheckResult r : checks) {
      s.append(sep).append(r.check()).append(' ').append(r.failed()).append(" failed");
      sep = ", ";
    }
    return s.toString();
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
