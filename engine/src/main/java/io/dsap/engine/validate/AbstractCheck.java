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

  protected AbstractCheck(String name, String column, Severity severity, double mostly) {
    this.name = name;
    this.column = column;
    this.severity = severity;
    this.mostly = mostly;
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
