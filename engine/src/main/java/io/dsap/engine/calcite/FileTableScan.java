package io.dsap.engine.calcite;

import io.dsap.engine.filter.RowFilter;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;

/**
 * The executable scan of a {@link FileTable}: what a {@link LogicalFileScan} planned (the fields
 * it outputs, the filter evaluated on the vectors, the limit). Generated code passes the table and
 * a {@link FileScanSpec} as stashed values, not literals, so queries of the same shape share
 * compiled code whatever their constants.
 */
public final class FileTableScan extends TableScan implements EnumerableRel {
  final FileTable fileTable;
  final int[] fields;
  private final RowFilter filter;
  private final long limit;

  FileTableScan(LogicalFileScan logical) {
    super(logical.getCluster(), logical.getCluster().traitSetOf(EnumerableConvention.INSTANCE), List.of(),
        logical.getTable());
    this.fileTable = logical.fileTable;
    this.fields = logical.fields;
    this.filter = logical.filter;
    this.limit = logical.limit;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return this;
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return LogicalFileScan.explain(super.explainTerms(pw), fields, filter, limit);
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    return LogicalFileScan.rows(table, filter, limit);
  }

  @Override
  public RelDataType deriveRowType() {
    return LogicalFileScan.rowType(table, fields, getCluster());
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    // fewer columns read costs less, so the planner prefers the narrow scan
    double share = (fields.length + 2D) / (table.getRowType().getFieldCount() + 2D);
    if (filter != null) {
      share *= 0.5; // fewer rows handed to Calcite: cheaper than the scan plus Calcite's filter
    }
    if (limit >= 0) {
      share *= Math.min(1, (limit + 1D) / Math.max(1, table.getRowCount()));
    }
    return super.computeSelfCost(planner, mq).multiplyBy(share);
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    Expression tableExpr = implementor.stash(fileTable, FileTable.class);
    Expression specExpr = implementor.stash(new FileScanSpec(fields, filter, limit), FileScanSpec.class);
    return ScanResults.of(implementor, getRowType(),
        Expressions.call(tableExpr, "scan", implementor.getRootExpression(), specExpr));
  }
}
