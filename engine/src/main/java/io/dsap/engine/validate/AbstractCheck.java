package io.dsap.engine.validate;

import io.dsap.engine.schema.Severity;
import java.util.List;

/** A check reporting one result: it counts what it checked and what failed, and keeps the first failure. */
public abstract class AbstractCheck implements Check, Cloneable {
  protected final String name;
  protected final String column;
  protected final Severity severity;
  protected final double mostly;
  protected long checked;
  protected long failed;
  private String example;
  private int[] failures = new int[64]; // the batch's failing rows, from scan() for report()
  private int failureCount;

  protected AbstractCheck(String name, String column, Severity severity, double mostly) {
    this.name = name;
    this.column = column;
    this.severity = severity;
    this.mostly = mostly;
  }

  /**
   * Checks a batch in two steps, for checks that override {@link #scan} and {@link #report}: the
   * per-row loop only notes the failing rows ({@link #failedAt}), then each is reported. Kept
   * apart (and called here, where every check's scan and report meet, so the JIT does not inline
   * them into one method), the loop compiles small and fast: with the issue's text built inside
   * it, a check's loop compiled to about 90 KB of machine code and seconds of compiler CPU in
   * every new JVM (each {@code dsap validate}).
   */
  @Override
  public void check(Rows rows, IssueSink out) {
    failureCount = 0;
    scan(rows);
    for (int i = 0; i < failureCount; i++) {
      report(rows, failures[i], out);
    }
  }

  /** Counts the batch's checked rows and notes each failing one with {@link #failedAt}; issues nothing. */
  protected void scan(Rows rows) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " overrides check, not scan");
  }

  /** Reports the failure of row {@code r} noted by {@link #scan}, rows in ascending order. */
  protected void report(Rows rows, int r, IssueSink out) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " overrides check, not report");
  }

  /** Notes that row {@code r} of the batch failed ({@link #scan}). */
  protected final void failedAt(int r) {
    if (failureCount == failures.length) {
      failures = java.util.Arrays.copyOf(failures, 2 * failureCount);
    }
    failures[failureCount++] = r;
  }

  /** Reports a failure of row {@code r}. */
  protected void fail(Rows rows, int r, String value, String expected, String message, String suggestion,
      IssueSink out) {
    fail(rows.line(r), rows.rowNumber(r), value, expected, message, suggestion, out);
  }

  /** Reports a failure at a line and record (both null for file-level findings). */
  protected void fail(Long line, Long rowNumber, String value, String expected, String message, String suggestion,
      IssueSink out) {
    fail(line, rowNumber, column, value, expected, message, suggestion, out);
  }

  /** Reports a failure about another column than the check's own (parse errors name the rejected column). */
  protected void fail(Long line, Long rowNumber, String onColumn, String value, String expected, String message,
      String suggestion, IssueSink out) {
    failed++;
    if (example == null) {
      example = (line == null ? "" : "line " + line + ": ") + message;
    }
    out.accept(new Issue(line, rowNumber, onColumn, name, severity, value, expected, message, suggestion));
  }

  /**
   * For {@link #forSplit()} of checks whose {@code check} only reads their configuration (and
   * caches derived from it): a shallow copy with nothing counted. Checks with scratch objects
   * replace them in the copy.
   */
  protected AbstractCheck freshCopy() {
    try {
      AbstractCheck copy = (AbstractCheck) clone();
      copy.checked = 0;
      copy.failed = 0;
      copy.example = null;
      copy.failures = new int[64]; // each copy its own: copies check splits at the same time
      copy.failureCount = 0;
      return copy;
    } catch (CloneNotSupportedException e) {
      throw new AssertionError(e);
    }
  }

  @Override
  public void absorb(Check part) {
    AbstractCheck p = (AbstractCheck) part;
    checked += p.checked;
    failed += p.failed;
    if (example == null) {
      example = p.example; // copies come in file order: the first one with a failure has the file's first
    }
  }

  @Override
  public List<CheckResult> results() {
    return List.of(new CheckResult(name, column, severity, mostly, checked, failed, example));
  }
}
