package io.dsap.engine.calcite;

import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalSort;

/** The planner rules for file scans. */
public final class FileRules {
  private FileRules() {}

  /** A projection of plain columns over a file scan. */
  public static final RelOptRule PROJECT_SCAN = FileRuleConfig.of(
      b0 -> b0.operand(LogicalProject.class).oneInput(b1 -> b1.operand(LogicalFileScan.class).noInputs()),
      FileProjectScanRule::new).toRule();

  /** An aggregate over a file scan. */
  public static final RelOptRule AGGREGATE_SCAN = FileRuleConfig.of(
      b0 -> b0.operand(LogicalAggregate.class).oneInput(b1 -> b1.operand(LogicalFileScan.class).noInputs()),
      FileAggregateScanRule::new).toRule();

  /** {@code count(*)} over a file scan, counted in the scan. */
  public static final RelOptRule COUNT_SCAN = FileRuleConfig.of(
      b0 -> b0.operand(LogicalAggregate.class).oneInput(b1 -> b1.operand(LogicalFileScan.class).noInputs()),
      FileCountScanRule::new).toRule();

  /** A {@code GROUP BY} over a file scan, aggregated in the scan. */
  public static final RelOptRule GROUP_SCAN = FileRuleConfig.of(
      b0 -> b0.operand(LogicalAggregate.class).oneInput(b1 -> b1.operand(LogicalFileScan.class).noInputs()),
      FileGroupScanRule::new).toRule();

  /**
   * A {@code GROUP BY} over a projection of columns (not, or not yet, pushed into the scan) over a
   * file scan.
   */
  public static final RelOptRule GROUP_PROJECT_SCAN = FileRuleConfig.of(
      b0 -> b0.operand(LogicalAggregate.class).oneInput(b1 -> b1.operand(LogicalProject.class)
          .oneInput(b2 -> b2.operand(LogicalFileScan.class).noInputs())),
      FileGroupScanRule::new).withDescription("FileGroupScanRule(project)").toRule();

  /** A {@code WHERE} condition over a file scan, evaluated in the scan where it can be. */
  public static final RelOptRule FILTER_SCAN = FileRuleConfig.of(
      b0 -> b0.operand(LogicalFilter.class).oneInput(b1 -> b1.operand(LogicalFileScan.class).noInputs()),
      FileFilterScanRule::new).toRule();

  /** {@code LIMIT} without {@code ORDER BY} over a file scan: the scan stops early. */
  public static final RelOptRule LIMIT_SCAN = FileRuleConfig.of(
      b0 -> b0.operand(LogicalSort.class).oneInput(b1 -> b1.operand(LogicalFileScan.class).noInputs()),
      FileLimitScanRule::new).toRule();

  /** The executable (Enumerable) scan of a logical file scan. */
  public static final RelOptRule TO_ENUMERABLE = ConverterRule.Config.INSTANCE
      .withConversion(LogicalFileScan.class, Convention.NONE, EnumerableConvention.INSTANCE, "FileScanToEnumerable")
      .withRuleFactory(c -> new ConverterRule(c) {
        @Override
        public RelNode convert(RelNode rel) {
          return new FileTableScan((LogicalFileScan) rel);
        }
      }).toRule();
}
