package io.dsap.engine.validate;

import java.util.List;

/**
 * One check on one file, with its state (counters, seen values). A validation calls
 * {@link #begin}, then (if {@link #needsProfile()}) {@link #observe} for every batch of a first
 * pass, then {@link #check} for every batch, then {@link #finish}. Checks never throw for bad
 * data: every failure is an {@link Issue}.
 */
public interface Check {
  /** Whether the check needs a first pass over the data (outliers need quartiles). */
  default boolean needsProfile() {
    return false;
  }

  /** Issues known before any row is read (missing columns). */
  default void begin(IssueSink out) {
  }

  /** First pass: gathers statistics. */
  default void observe(Rows rows) {
  }

  /** Second pass: checks each row of the batch. */
  void check(Rows rows, IssueSink out);

  /** Issues known only at the end (row count, freshness). */
  default void finish(IssueSink out) {
  }

  /**
   * A copy that checks one split's rows on a scan thread while other copies check other splits:
   * the same configuration, nothing counted, no state shared with this check. Null (the default)
   * when the check must see every row in file order on one thread (unique values, duplicate rows,
   * checks with a first pass or lazily loaded state).
   */
  default Check forSplit() {
    return null;
  }

  /**
   * Whether the check's results follow from the file's rows alone, not from the clock, other files
   * or plugin code: then a finished run's summary may be reused while the file is unchanged
   * ({@link SummaryCache}).
   */
  default boolean dependsOnFileOnly() {
    return true;
  }

  /**
   * The columns (file positions) whose values {@link #check} reads, or null (the default) for any
   * column. A validation materialises only the columns its checks read; the others are still
   * parsed and type-checked, so rejects do not change.
   */
  default int[] columnsRead() {
    return null;
  }

  /** Adds the counts of a copy made by {@link #forSplit()}; copies are absorbed in file order. */
  default void absorb(Check part) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " does not check splits");
  }

  /** What was checked and how much failed: usually one entry, some checks report several. */
  List<CheckResult> results();
}
