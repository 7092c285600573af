package io.dsap.engine.calcite;

import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalProject;

/** The planner rules for file scans. */
public final class FileRules {
  private FileRules() {}

  /** A projection of plain columns over a file scan. */
  public static final RelOptRule PROJECT_SCAN = FileRuleConfig.of(
      b0 -> b0.operand(LogicalProject.class).oneInput(b1 -> b1.operand(FileTableScan.class).noInputs()),
      FileProjectScanRule::new).toRule();

  /** An aggregate over a file scan. */
  public static final RelOptRule AGGREGATE_SCAN = FileRuleConfig.of(
      b0 -> b0.operand(LogicalAggregate.class).oneInput(b1 -> b1.operand(FileTableScan.class).noInputs()),
      FileAggregateScanRule::new).toRule();

  /** {@code count(*)} over a file scan, counted in the scan. */
  public static final RelOptRule COUNT_SCAN = FileRuleConfig.of(
      b0 -> b0.operand(LogicalAggregate.class).oneInput(b1 -> b1.operand(FileTableScan.class).noInputs()),
      FileCountScanRule::new).toRule();

  /** A {@code GROUP BY} over a file scan, aggregated in the scan. */
  public static final RelOptRule GROUP_SCAN = FileRuleConfig.of(
      b0 -> b0.operand(LogicalAggregate.class).oneInput(b1 -> b1.operand(FileTableScan.class).noInputs()),
      FileGroupScanRule::new).toRule();

  /**
   * A {@code GROUP BY} over a projection of columns over a file scan: the projection is in the
   * planner's logical convention and the scan in Enumerable, so the rule above never sees them paired.
   */
  public static final RelOptRule GROUP_PROJECT_SCAN = FileRuleConfig.of(
      b0 -> b0.operand(LogicalAggregate.class).oneInput(b1 -> b1.operand(LogicalProject.class)
          .oneInput(b2 -> b2.operand(FileTableScan.class).noInputs())),
      FileGroupScanRule::new).withDescription("FileGroupScanRule(project)").toRule();
}
