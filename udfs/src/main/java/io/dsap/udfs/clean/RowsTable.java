package io.dsap.udfs.clean;

import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.tree.Blocks;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A table a macro returns whose rows come from {@link #scan}: macros must return a
 * {@link TranslatableTable}, and a table outside any schema has no expression Calcite's own scan
 * could use, so the scan node hands the table to generated code as a stashed value (public: the
 * generated code calls it).
 */
public abstract class RowsTable extends AbstractTable implements TranslatableTable {
  /** The rows, in the row type's column order (Calcite's Java representation). */
  public abstract Enumerable<Object[]> scan(DataContext root);

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    return new Scan(context.getCluster(), relOptTable, this);
  }

  /** Full scan of a {@link RowsTable}. */
  static final class Scan extends TableScan implements EnumerableRel {
    private final RowsTable rows;

    Scan(RelOptCluster cluster, RelOptTable table, RowsTable rows) {
      super(cluster, cluster.traitSetOf(EnumerableConvention.INSTANCE), List.of(), table);
      this.rows = rows;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
      return new Scan(getCluster(), table, rows);
    }

    @Override
    public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
      PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY, false);
      Expression table = implementor.stash(rows, RowsTable.class);
      return implementor.result(physType, Blocks.toBlock(
          Expressions.call(table, "scan", implementor.getRootExpression())));
    }
  }
}
