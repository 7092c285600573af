package io.dsap.engine.validate;

import io.dsap.engine.schema.Severity;
import java.util.Objects;

/**
 * One problem: a (row, check) pair that failed, or a file-level finding (no row).
 *
 * @param line 1-based physical line where the record starts (1 for the header); null for file-level issues
 * @param rowNumber 1-based data record number, rejected records included; null for file-level issues
 * @param column the column concerned, or null
 * @param check the check's name ({@code not_null}, {@code parse}, {@code rule:positive_quantity})
 * @param severity error or warning
 * @param value the offending value as text, or null
 * @param expected what the check wanted
 * @param message what is wrong, where
 * @param suggestion what to do about it
 */
public record Issue(Long line, Long rowNumber, String column, String check, Severity severity, String value,
    String expected, String message, String suggestion) {
  public Issue {
    Objects.requireNonNull(check, "check is null");
    Objects.requireNonNull(severity, "severity is null");
    Objects.requireNonNull(message, "message is null");
  }

  /** Each severity's text, made once: a validation can return millions of rows. */
  private static final String[] SEVERITY_TEXT = java.util.Arrays.stream(Severity.values()).map(Severity::text)
      .toArray(String[]::new);

  /** The issue as a SQL row: line, row_number, column_name, check_name, severity, value, expected, message, suggestion. */
  public Object[] toRow() {
    return new Object[] {line, rowNumber, column, check, SEVERITY_TEXT[severity.ordinal()], value, expected, message,
        suggestion};
  }
}
