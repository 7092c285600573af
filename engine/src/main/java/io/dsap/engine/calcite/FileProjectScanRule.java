package io.dsap.engine.calcite;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;

/** Pushes a projection of plain column references into a {@link LogicalFileScan}. */
public final class FileProjectScanRule extends RelRule<FileRuleConfig> {

  FileProjectScanRule(FileRuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalProject project = call.rel(0);
    LogicalFileScan scan = call.rel(1);
    int[] fields = fieldsOf(project.getProjects(), scan.fields);
    if (fields == null) {
      return;
    }
    call.transformTo(scan.withFields(fields));
  }

  /** The scan fields for a projection of input references, or null if it computes anything. */
  static int[] fieldsOf(List<RexNode> exps, int[] scanFields) {
    int[] fields = new int[exps.size()];
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < exps.size(); i++) {
      if (!(exps.get(i) instanceof RexInputRef ref)) {
        return null;
      }
      fields[i] = scanFields[ref.getIndex()];
      if (!seen.add(fields[i])) {
        return null; // a repeated column stays a Project so the scan reads each column once
      }
    }
    return fields;
  }
}
