package io.dsap.engine.calcite;

/** The planner rules for file scans. */
public final class FileRules {
  private FileRules() {}

  public static final FileProjectScanRule PROJECT_SCAN = FileProjectScanRule.Config.DEFAULT.toRule();
  public static final FileAggregateScanRule AGGREGATE_SCAN = FileAggregateScanRule.Config.DEFAULT.toRule();
}
