package io.dsap.engine.calcite;

import io.dsap.engine.aggregate.GroupBy;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.AbstractRelNode;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;

/**
 * A {@code GROUP BY} of a file table, pushed into the scan: each split is hash-aggregated over its
 * primitive vectors and the states merged (see {@link FileTable#group}); Calcite gets one row per
 * group instead of every row. {@link FileGroupScanRule} decides which aggregates qualify. Generated
 * code passes the table and the plan as stashed values, so queries of the same shape share code.
 */
public final class FileGroupScan extends AbstractRelNode implements EnumerableRel {
  final RelOptTable table;
  final FileTable fileTable;
  private final RelDataType type;
  private final GroupBy plan;
  private final double groups;

  FileGroupScan(RelOptCluster cluster, RelOptTable table, FileTable fileTable, RelDataType type, GroupBy plan,
      double groups) {
    super(cluster, cluster.traitSetOf(EnumerableConvention.INSTANCE));
    this.plan = plan;
    this.groups = groups;
    this.table = table;
    this.fileTable = fileTable;
    this.type = type;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new FileGroupScan(getCluster(), table, fileTable, type, plan, groups);
  }

  @Override
  protected RelDataType deriveRowType() {
    return type;
  }

  @Override
  public RelOptTable getTable() {
    return table;
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).item("table", table.getQualifiedName()).item("fields", Arrays.toString(plan.projection()))
        .item("group", Arrays.toString(plan.keys()))
        .item("aggs", plan.aggs().stream().map(a -> a.kind() + (a.arg() < 0 ? "()" : "($" + a.arg() + ")")).toList())
        .itemIf("filter", plan.filter(), plan.filter() != null);
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    return groups;
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    // reads what a scan of the same columns reads, but hands no row to Calcite until the groups are
    // done: a fraction of that scan's cost, so it always beats the scan plus Calcite's aggregate
    double rows = table.getRowCount();
    double share = (plan.projection().length + 2D) / (table.getRowType().getFieldCount() + 2D);
    return planner.getCostFactory().makeCost(rows * share * 0.01, rows * share * 0.01, 0);
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    Expression tableExpr = implementor.stash(fileTable, FileTable.class);
    Expression planExpr = implementor.stash(plan, GroupBy.class);
    return ScanResults.of(implementor, getRowType(),
        Expressions.call(tableExpr, "group", implementor.getRootExpression(), planExpr));
  }
}
