package io.dsap.engine.calcite;

import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;

/**
 * Pushes {@code LIMIT n [OFFSET m]} without {@code ORDER BY} into a {@link LogicalFileScan}: the
 * scan stops after {@code n + m} rows (that pass its filter) and stops its reading threads. The
 * limit stays above the scan too, where it applies the offset. Only constant limits.
 * {@code -Ddsap.pushdown.limit=false} turns the rule off (to compare plans).
 */
public final class FileLimitScanRule extends RelRule<FileRuleConfig> {
  /** The system property that turns the rule off when {@code false}. */
  public static final String PROPERTY = "dsap.pushdown.limit";

  FileLimitScanRule(FileRuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    if (!Boolean.parseBoolean(System.getProperty(PROPERTY, "true"))) {
      return;
    }
    LogicalSort sort = call.rel(0);
    LogicalFileScan scan = call.rel(1);
    if (!sort.getCollation().getFieldCollations().isEmpty() || sort.fetch == null) {
      return;
    }
    long fetch = constant(sort.fetch);
    long offset = sort.offset == null ? 0 : constant(sort.offset);
    if (fetch < 0 || offset < 0) {
      return;
    }
    long n = fetch + offset;
    if (scan.limit >= 0 && scan.limit <= n) {
      return;
    }
    call.transformTo(sort.copy(sort.getTraitSet(), scan.withLimit(n), sort.getCollation(), sort.offset, sort.fetch));
  }

  private static long constant(RexNode n) {
    if (n instanceof RexLiteral l) {
      Long v = l.getValueAs(Long.class);
      return v == null || v > Long.MAX_VALUE / 2 ? -1 : v;
    }
    return -1; // a parameter: not known when planning
  }
}
