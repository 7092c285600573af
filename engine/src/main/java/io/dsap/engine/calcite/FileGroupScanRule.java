package io.dsap.engine.calcite;

import io.dsap.engine.aggregate.GroupBy;
import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.types.ColumnType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Turns a {@code GROUP BY} over a file scan into a {@link FileGroupScan} when every part of it has
 * a vector implementation that gives exactly what Calcite's Enumerable aggregate gives: keys of
 * type VARCHAR, INTEGER, BIGINT, BOOLEAN or DATE; {@code COUNT(*)}, {@code COUNT(col)} of any
 * column; {@code SUM}/{@code $SUM0} of INTEGER, BIGINT, DOUBLE or DECIMAL up to 18 digits;
 * {@code MIN}/{@code MAX} of INTEGER, BIGINT, DATE or DECIMAL up to 18 digits. {@code AVG} is
 * reduced by Calcite to {@code SUM}/{@code COUNT} first. No DISTINCT, FILTER, WITHIN GROUP or
 * grouping sets. A {@code WHERE} condition pushed into the scan ({@link FileFilterScanRule}) is
 * evaluated per batch before aggregating. Everything else stays in Calcite. {@code -Ddsap.pushdown.groupBy=false} turns the
 * rule off (to compare plans).
 */
public final class FileGroupScanRule extends RelRule<FileRuleConfig> {
  /** The system property that turns the rule off when {@code false}. */
  public static final String PROPERTY = "dsap.pushdown.groupBy";

  private static final EnumSet<ColumnType> KEYS =
      EnumSet.of(ColumnType.VARCHAR, ColumnType.INTEGER, ColumnType.BIGINT, ColumnType.BOOLEAN, ColumnType.DATE);
  private static final EnumSet<ColumnType> MIN_MAX =
      EnumSet.of(ColumnType.INTEGER, ColumnType.BIGINT, ColumnType.DATE, ColumnType.DECIMAL);

  FileGroupScanRule(FileRuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    if (!Boolean.parseBoolean(System.getProperty(PROPERTY, "true"))) {
      return;
    }
    LogicalAggregate agg = call.rel(0);
    LogicalFileScan scan = call.rel(call.rels.length - 1);
    // an aggregate over a projection of columns (GROUP BY b, a) reads the scan through it
    int[] fields = call.rels.length == 3
        ? FileProjectScanRule.fieldsOf(((LogicalProject) call.rel(1)).getProjects(), scan.fields) : scan.fields;
    if (fields == null || scan.limit >= 0) {
      return;
    }
    if (agg.getGroupSet().isEmpty() || agg.getGroupType() != org.apache.calcite.rel.core.Aggregate.Group.SIMPLE) {
      return;
    }
    List<ColumnSpec> columns = scan.fileTable.columns();
    List<Integer> projection = new ArrayList<>();
    List<Integer> keyList = agg.getGroupSet().asList();
    int[] keys = new int[keyList.size()];
    ColumnType[] keyTypes = new ColumnType[keys.length];
    for (int i = 0; i < keys.length; i++) {
      int field = fields[keyList.get(i)];
      keyTypes[i] = columns.get(field).type();
      if (!KEYS.contains(keyTypes[i])) {
        return;
      }
      keys[i] = position(projection, field);
    }
    List<GroupBy.Agg> aggs = new ArrayList<>();
    for (AggregateCall c : agg.getAggCallList()) {
      if (c.isDistinct() || c.filterArg >= 0 || !c.collation.getFieldCollations().isEmpty() || c.isApproximate()
          || c.getArgList().size() > 1) {
        return;
      }
      GroupBy.Agg a = c.getArgList().isEmpty() ? countStar(c)
          : vectorAggregate(c, columns.get(fields[c.getArgList().get(0)]), projection,
              fields[c.getArgList().get(0)]);
      if (a == null) {
        return;
      }
      aggs.add(a);
    }
    if (scan.filter != null) {
      for (int c : scan.filter.columns()) {
        position(projection, c); // the scan's WHERE condition, evaluated before aggregating
      }
    }
    GroupBy plan = new GroupBy(projection.stream().mapToInt(Integer::intValue).toArray(), keys, keyTypes, aggs,
        scan.filter);
    double groups = agg.estimateRowCount(agg.getCluster().getMetadataQuery());
    call.transformTo(new FileGroupScan(agg.getCluster(), scan.getTable(), scan.fileTable, agg.getRowType(), plan,
        groups));
  }

  private static GroupBy.Agg countStar(AggregateCall c) {
    return c.getAggregation().getKind() == org.apache.calcite.sql.SqlKind.COUNT
        ? new GroupBy.Agg(GroupBy.Kind.COUNT_STAR, -1, false, GroupBy.Out.LONG, 0) : null;
  }

  /** The vector form of an aggregate of one column, or null when it has none that is exact. */
  private static GroupBy.Agg vectorAggregate(AggregateCall c, ColumnSpec column, List<Integer> projection,
      int field) {
    RelDataType type = c.getType();
    ColumnType arg = column.type();
    boolean longVector = arg != ColumnType.DECIMAL || column.precision() <= ColumnSpec.LONG_DECIMAL_PRECISION;
    switch (c.getAggregation().getKind()) {
      case COUNT:
        return new GroupBy.Agg(GroupBy.Kind.COUNT, position(projection, field), false, GroupBy.Out.LONG, 0);
      case SUM:
      case SUM0: {
        GroupBy.Kind kind = c.getAggregation().getKind() == org.apache.calcite.sql.SqlKind.SUM
            ? GroupBy.Kind.SUM : GroupBy.Kind.SUM0;
        GroupBy.Out out = sumOut(arg, type, column);
        if (out == null || !longVector) {
          return null;
        }
        return new GroupBy.Agg(kind, position(projection, field), arg == ColumnType.DOUBLE, out, column.scale());
      }
      case MIN:
      case MAX: {
        if (!MIN_MAX.contains(arg) || !longVector || !sameType(type, column)) {
          return null;
        }
        GroupBy.Out out = switch (arg) {
          case INTEGER, DATE -> GroupBy.Out.INT;
          case BIGINT -> GroupBy.Out.LONG;
          default -> GroupBy.Out.DECIMAL;
        };
        GroupBy.Kind kind = c.getAggregation().getKind() == org.apache.calcite.sql.SqlKind.MIN
            ? GroupBy.Kind.MIN : GroupBy.Kind.MAX;
        return new GroupBy.Agg(kind, position(projection, field), false, out, column.scale());
      }
      default:
        return null;
    }
  }

  /** How a sum of {@code arg} is handed to Calcite as {@code type}, or null when not exactly. */
  private static GroupBy.Out sumOut(ColumnType arg, RelDataType type, ColumnSpec column) {
    SqlTypeName t = type.getSqlTypeName();
    switch (arg) {
      case INTEGER:
      case BIGINT:
        return t == SqlTypeName.INTEGER ? GroupBy.Out.INT : t == SqlTypeName.BIGINT ? GroupBy.Out.LONG : null;
      case DOUBLE:
        return t == SqlTypeName.DOUBLE ? GroupBy.Out.DOUBLE : null;
      case DECIMAL:
        return t == SqlTypeName.DECIMAL && type.getScale() == column.scale() ? GroupBy.Out.DECIMAL : null;
      default:
        return null;
    }
  }

  private static boolean sameType(RelDataType type, ColumnSpec column) {
    SqlTypeName t = type.getSqlTypeName();
    switch (column.type()) {
      case INTEGER: return t == SqlTypeName.INTEGER;
      case BIGINT: return t == SqlTypeName.BIGINT;
      case DATE: return t == SqlTypeName.DATE;
      case DECIMAL: return t == SqlTypeName.DECIMAL && type.getScale() == column.scale();
      default: return false;
    }
  }

  private static int position(List<Integer> projection, int field) {
    int i = projection.indexOf(field);
    if (i < 0) {
      projection.add(field);
      i = projection.size() - 1;
    }
    return i;
  }
}
