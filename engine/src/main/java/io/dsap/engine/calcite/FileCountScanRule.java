package io.dsap.engine.calcite;

import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.sql.SqlKind;

/**
 * Turns {@code count(*)} (no GROUP BY, no DISTINCT, no FILTER) over a file scan into a {@link FileCountScan};
 * a {@code WHERE} condition pushed into the scan is counted in the scan too.
 */
public final class FileCountScanRule extends RelRule<FileRuleConfig> {

  FileCountScanRule(FileRuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalAggregate agg = call.rel(0);
    LogicalFileScan scan = call.rel(1);
    if (scan.limit >= 0) {
      return; // count(*) of a LIMIT: rare, left to Calcite
    }
    if (!agg.getGroupSet().isEmpty() || agg.getGroupSets().size() != 1 || agg.getAggCallList().isEmpty()) {
      return;
    }
    for (AggregateCall c : agg.getAggCallList()) {
      if (c.getAggregation().getKind() != SqlKind.COUNT || !c.getArgList().isEmpty() || c.isDistinct()
          || c.filterArg >= 0) {
        return;
      }
    }
    call.transformTo(new FileCountScan(agg.getCluster(), scan.getTable(), scan.fileTable, agg.getRowType(),
        scan.filter));
  }
}
