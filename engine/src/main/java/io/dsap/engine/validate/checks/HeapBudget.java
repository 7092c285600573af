package io.dsap.engine.validate.checks;

/**
 * How much heap a check may keep for the values it must remember (unique keys, row
 * fingerprints): a share of the JVM's maximum heap, so a file too large for the heap stops the
 * check with an issue saying so instead of failing the whole validation with OutOfMemoryError.
 */
final class HeapBudget {
  /** Share of the maximum heap one check's table may take (the table doubles, so the old one is freed after). */
  static final double SHARE = 0.25;

  private HeapBudget() {}

  static long bytes() {
    return (long) (Runtime.getRuntime().maxMemory() * SHARE);
  }
}
