package io.dsap.udfs.clean;

import io.dsap.engine.quality.QualityScore;
import io.dsap.engine.transform.DataTransformer;
import io.dsap.engine.transform.TransformPlan;
import io.dsap.engine.transform.TransformationReport;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The rows of {@code transform_report(...)}: one per (column, step) in the order the steps ran,
 * then table rows ({@code column_name} NULL): {@code rows} (read and returned; values_changed is
 * the rows removed), {@code quality} (score_before/score_after, each dimension in the detail) and,
 * with a schema, {@code validation} (issues_before/issues_after).
 */
final class TransformReportTable extends RowsTable {
  private final DataTransformer transformer;
  private final TransformPlan plan;
  private final String path;
  private final String schema;

  TransformReportTable(DataTransformer transformer, TransformPlan plan, String path, String schema) {
    this.transformer = transformer;
    this.plan = plan;
    this.path = path;
    this.schema = schema;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory f) {
    return f.builder()
        .add("column_name", SqlTypeName.VARCHAR).nullable(true)
        .add("step", SqlTypeName.VARCHAR)
        .add("detail", SqlTypeName.VARCHAR)
        .add("values_changed", SqlTypeName.BIGINT)
        .add("nulls_before", SqlTypeName.BIGINT).nullable(true)
        .add("nulls_after", SqlTypeName.BIGINT).nullable(true)
        .add("mean_before", SqlTypeName.DOUBLE).nullable(true)
        .add("mean_after", SqlTypeName.DOUBLE).nullable(true)
        .add("stddev_before", SqlTypeName.DOUBLE).nullable(true)
        .add("stddev_after", SqlTypeName.DOUBLE).nullable(true)
        .add("min_before", SqlTypeName.DOUBLE).nullable(true)
        .add("min_after", SqlTypeName.DOUBLE).nullable(true)
        .add("max_before", SqlTypeName.DOUBLE).nullable(true)
        .add("max_after", SqlTypeName.DOUBLE).nullable(true)
        .add("score_before", SqlTypeName.DOUBLE).nullable(true)
        .add("score_after", SqlTypeName.DOUBLE).nullable(true)
        .add("issues_before", SqlTypeName.BIGINT).nullable(true)
        .add("issues_after", SqlTypeName.BIGINT).nullable(true)
        .build();
  }

  @Override
  public Enumerable<Object[]> scan(DataContext root) {
    TransformationReport r = transformer.report(plan, path, schema);
    List<Object[]> rows = new ArrayList<>();
    for (TransformationReport.Entry e : r.steps()) {
      rows.add(new Object[] {e.column(), e.step(), e.detail(), e.valuesChanged(), e.nullsBefore(), e.nullsAfter(),
          round(e.meanBefore()), round(e.meanAfter()), round(e.stddevBefore()), round(e.stddevAfter()),
          e.minBefore(), e.minAfter(), e.maxBefore(), e.maxAfter(), null, null, null, null});
    }
    rows.add(new Object[] {null, "rows", r.rowsIn() + " rows read, " + r.rowsOut() + " returned"
        + (r.rowsRejected() > 0 ? ", " + r.rowsRejected() + " rejected by the reader (see rejects())" : ""),
        r.rowsIn() - r.rowsOut(), null, null, null, null, null, null, null, null, null, null, null, null, null,
        null});
    QualityScore before = r.quality().before();
    QualityScore after = r.quality().after();
    rows.add(new Object[] {null, "quality", "completeness " + pct(before.completeness()) + " -> "
        + pct(after.completeness()) + ", validity " + pct(before.validity()) + " -> " + pct(after.validity())
        + ", consistency " + pct(before.consistency()) + " -> " + pct(after.consistency()), 0L, null, null, null,
        null, null, null, null, null, null, null, round(before.overall()), round(after.overall()), null, null});
    if (r.validation() != null) {
      TransformationReport.Validation v = r.validation();
      rows.add(new Object[] {null, "validation", "against " + v.schema() + ": " + v.issuesBefore() + " issues ("
          + v.errorsBefore() + " errors) before, " + v.issuesAfter() + " (" + v.errorsAfter() + " errors) after",
          Math.max(0, v.issuesBefore() - v.issuesAfter()), null, null, null, null, null, null, null, null, null, null,
          null, null, v.issuesBefore(), v.issuesAfter()});
    }
    return Linq4j.asEnumerable(rows);
  }

  private static String pct(double d) {
    return String.format(java.util.Locale.ROOT, "%.3f", d);
  }

  /** Six significant digits, so report values are readable and stable across platforms. */
  static Double round(Double d) {
    if (d == null) {
      return null;
    }
    return new java.math.BigDecimal(d).round(new java.math.MathContext(6)).doubleValue();
  }
}
