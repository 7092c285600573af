package io.dsap.engine.calcite;

import io.dsap.engine.filter.Expr;
import io.dsap.engine.filter.RowFilter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptCluster;
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
 * A scan of a {@link FileTable} as the planner's rules see it, in the logical convention (so it
 * sits in the same subsets as the logical filters, projections, sorts and aggregates above it and
 * the rules see them paired): the {@code fields} it outputs, the {@code filter} rows must pass
 * ({@link FileFilterScanRule}) and the {@code limit} after which it stops ({@link FileLimitScanRule}).
 * {@link FileRules#TO_ENUMERABLE} turns it into the executable {@link FileTableScan}.
 */
public final class LogicalFileScan extends TableScan {
  final FileTable fileTable;
  final int[] fields;
  /** Rows must pass this to be returned; null: every row. */
  final RowFilter filter;
  /** Most rows returned; -1: no limit. */
  final long limit;

  /** A scan of every field of {@code fileTable}, as {@code toRel} makes it. */
  LogicalFileScan(RelOptCluster cluster, RelOptTable table, FileTable fileTable, int[] fields) {
    this(cluster, table, fileTable, fields, null, -1);
  }

  private LogicalFileScan(RelOptCluster cluster, RelOptTable table, FileTable fileTable, int[] fields,
      RowFilter filter, long limit) {
    super(cluster, cluster.traitSetOf(Convention.NONE), List.of(), table);
    this.fileTable = fileTable;
    this.fields = fields;
    this.filter = filter;
    this.limit = limit;
  }

  /** This scan with other output fields (the filter still reads what it needs). */
  LogicalFileScan withFields(int[] newFields) {
    return new LogicalFileScan(getCluster(), table, fileTable, newFields, filter, limit);
  }

  /** This scan with {@code more} added (AND) to its filter; only for a scan without a limit. */
  LogicalFileScan withFilter(RowFilter more) {
    if (limit >= 0) {
      throw new IllegalStateException("a filter applies before a limit");
    }
    RowFilter f = filter == null ? more : new RowFilter(new Expr.Logic(true, List.of(filter.condition(), more.condition())));
    return new LogicalFileScan(getCluster(), table, fileTable, fields, f, limit);
  }

  LogicalFileScan withLimit(long n) {
    return new LogicalFileScan(getCluster(), table, fileTable, fields, filter, n);
  }

  FileScanSpec spec() {
    return new FileScanSpec(fields, filter, limit);
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return this;
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return explain(super.explainTerms(pw), fields, filter, limit);
  }

  static RelWriter explain(RelWriter pw, int[] fields, RowFilter filter, long limit) {
    return pw.item("fields", Arrays.toString(fields))
        .itemIf("filter", filter, filter != null)
        .itemIf("limit", limit, limit >= 0);
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    return rows(table, filter, limit);
  }

  static double rows(RelOptTable table, RowFilter filter, long limit) {
    double rows = table.getRowCount();
    if (filter != null) {
      rows *= 0.25; // Calcite's guess for a condition it knows nothing about
    }
    return limit >= 0 ? Math.min(rows, limit) : rows;
  }

  @Override
  public RelDataType deriveRowType() {
    return rowType(table, fields, getCluster());
  }

  static RelDataType rowType(RelOptTable table, int[] fields, RelOptCluster cluster) {
    List<RelDataTypeField> all = table.getRowType().getFieldList();
    List<RelDataTypeField> picked = new ArrayList<>();
    for (int f : fields) {
      picked.add(all.get(f));
    }
    return cluster.getTypeFactory().createStructType(picked);
  }

  @Override
  public void register(RelOptPlanner planner) {
    planner.addRule(FileRules.PROJECT_SCAN);
    planner.addRule(FileRules.AGGREGATE_SCAN);
    planner.addRule(FileRules.COUNT_SCAN);
    planner.addRule(FileRules.GROUP_SCAN);
    planner.addRule(FileRules.GROUP_PROJECT_SCAN);
    planner.addRule(FileRules.FILTER_SCAN);
    planner.addRule(FileRules.LIMIT_SCAN);
    planner.addRule(FileRules.TO_ENUMERABLE);
  }
}
