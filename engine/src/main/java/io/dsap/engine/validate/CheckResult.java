package io.dsap.engine.validate;

import io.dsap.engine.schema.Severity;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The outcome of one check over a file.
 *
 * @param check the check's name
 * @param column the column, or null
 * @param severity severity of its failures
 * @param mostly share of rows that must pass
 * @param checked rows (or items) checked
 * @param failed how many failed
 * @param example the first failure's message, or null
 */
public record CheckResult(String check, String column, Severity severity, double mostly, long checked, long failed,
    String example) {

  /** Failed share in percent, two decimals. */
  public BigDecimal failedPct() {
    if (checked == 0) {
      return BigDecimal.ZERO.setScale(2);
    }
    return BigDecimal.valueOf(failed * 100.0 / checked).setScale(2, RoundingMode.HALF_UP);
  }

  /** pass when nothing failed or the failures are within tolerance; else fail (error) or warn (warning). */
  public Status status() {
    if (failed == 0 || (checked > 0 && failed <= Math.floor((1.0 - mostly) * checked + 1e-9))) {
      return Status.PASS;
    }
    return severity == Severity.ERROR ? Status.FAIL : Status.WARN;
  }

  /** As a SQL row: check_name, column_name, severity, checked, failed, failed_pct, status, example. */
  public Object[] toRow() {
    return new Object[] {check, column, severity.text(), checked, failed, failedPct(), status().text(), example};
  }
}
