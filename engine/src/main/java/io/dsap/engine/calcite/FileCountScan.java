package io.dsap.engine.calcite;

import io.dsap.engine.filter.RowFilter;
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
 * {@code SELECT count(*)} of a file table, pushed into the scan: the file's splits are counted in
 * parallel and no column is read or handed to Calcite. The count is the rows the scan returns
 * (rejected records are not rows), exactly what {@code count(*)} over the plain scan gives. With a
 * filter, each split evaluates it on the vectors of the columns it reads and counts the rows that pass.
 * Generated code passes the table as a stashed value, so every such query shares its code.
 */
public final class FileCountScan extends AbstractRelNode implements EnumerableRel {
  final RelOptTable table;
  final FileTable fileTable;
  private final RelDataType type;
  private final RowFilter filter; // null: every row counts

  FileCountScan(RelOptCluster cluster, RelOptTable table, FileTable fileTable, RelDataType type, RowFilter filter) {
    super(cluster, cluster.traitSetOf(EnumerableConvention.INSTANCE));
    this.table = table;
    this.fileTable = fileTable;
    this.type = type;
    this.filter = filter;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new FileCountScan(getCluster(), table, fileTable, type, filter);
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
    return super.explainTerms(pw).item("table", table.getQualifiedName()).item("count", type.getFieldCount())
        .itemIf("fields", filter == null ? null : java.util.Arrays.toString(filter.columns()), filter != null)
        .itemIf("filter", filter, filter != null);
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    return 1;
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    // reads what a scan of no column reads, but hands one row to Calcite instead of every row
    double rows = table.getRowCount();
    return planner.getCostFactory().makeCost(rows * 0.01, rows * 0.01, 0);
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    Expression tableExpr = implementor.stash(fileTable, FileTable.class);
    Expression columns = implementor.stash(type.getFieldCount(), int.class);
    if (filter == null) {
      return ScanResults.of(implementor, getRowType(),
        Expressions.call(tableExpr, "count", implementor.getRootExpression(), columns));
    }
    Expression filterExpr = implementor.stash(filter, RowFilter.class);
    return ScanResults.of(implementor, getRowType(),
        Expressions.call(tableExpr, "count", implementor.getRootExpression(), columns, filterExpr));
  }
}
