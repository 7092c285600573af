package io.dsap.engine.calcite;

import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalFilter;

/**
 * Pushes the conjuncts of a {@code WHERE} condition that have an exact vector form
 * ({@link FilterTranslator}) into a {@link LogicalFileScan}; the others stay in a filter above it.
 * Not over a scan with a limit (the filter would then run before the limit).
 * {@code -Ddsap.pushdown.filter=false} turns the rule off (to compare plans).
 */
public final class FileFilterScanRule extends RelRule<FileRuleConfig> {
  /** The system property that turns the rule off when {@code false}. */
  public static final String PROPERTY = "dsap.pushdown.filter";

  FileFilterScanRule(FileRuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    if (!Boolean.parseBoolean(System.getProperty(PROPERTY, "true"))) {
      return;
    }
    LogicalFilter filter = call.rel(0);
    LogicalFileScan scan = call.rel(1);
    if (scan.limit >= 0) {
      return;
    }
    FilterTranslator.Split split = FilterTranslator.split(filter.getCondition(), scan.fields,
        scan.fileTable.columns(), filter.getCluster().getRexBuilder());
    if (split.pushed() == null) {
      return;
    }
    RelNode pushed = scan.withFilter(split.pushed());
    call.transformTo(split.residual() == null ? pushed
        : call.builder().push(pushed).filter(split.residual()).build());
  }
}
