package io.dsap.engine.calcite;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.tree.Blocks;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;

/**
 * Scan of a {@link FileTable} that reads only {@code fields}. Generated code passes the table and
 * the field list as stashed values, not literals, so queries of the same shape share compiled code.
 */
public final class FileTableScan extends TableScan implements EnumerableRel {
  final FileTable fileTable;
  final int[] fields;

  FileTableScan(RelOptCluster cluster, RelOptTable table, FileTable fileTable, int[] fields) {
    super(cluster, cluster.traitSetOf(EnumerableConvention.INSTANCE), List.of(), table);
    this.fileTable = fileTable;
    this.fields = fields;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new FileTableScan(getCluster(), table, fileTable, fields);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).item("fields", Arrays.toString(fields));
  }

  @Override
  public RelDataType deriveRowType() {
    List<RelDataTypeField> all = table.getRowType().getFieldList();
    List<RelDataTypeField> picked = new ArrayList<>();
    for (int f : fields) {
      picked.add(all.get(f));
    }
    return getCluster().getTypeFactory().createStructType(picked);
  }

  @Override
  public void register(RelOptPlanner planner) {
    planner.addRule(FileRules.PROJECT_SCAN);
    planner.addRule(FileRules.AGGREGATE_SCAN);
    planner.addRule(FileRules.COUNT_SCAN);
    planner.addRule(FileRules.GROUP_SCAN);
    planner.addRule(FileRules.GROUP_PROJECT_SCAN);
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    // fewer columns read costs less, so the planner prefers the narrow scan
    double share = (fields.length + 2D) / (table.getRowType().getFieldCount() + 2D);
    return super.computeSelfCost(planner, mq).multiplyBy(share);
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY, false);
    Expression tableExpr = implementor.stash(fileTable, FileTable.class);
    Expression fieldsExpr = implementor.stash(fields, int[].class);
    return implementor.result(physType, Blocks.toBlock(
        Expressions.call(tableExpr, "scan", implementor.getRootExpression(), fieldsExpr)));
  }
}
