package io.dsap.engine.validate.checks;

/**
 * How much heap a check may keep for the values it must remember (unique keys, row
 * fingerprints): a share of the JVM's maximum heap, so a file too large for the heap stops the
 * check with an issue saying so instead of failing the whole validation with OutOfMemoryError.
 */
final class HeapBudget {
  /** Share of the maximum heap one check's table may take: two such tables, each briefly next to its doubled copy, and the reader's splits must fit together. */
  static final double SHARE = 0.125;

  private HeapBudget() {}

  static long bytes() {
    return (long) (Runtime.getRuntime().maxMemory() * SHARE);
  }
}
