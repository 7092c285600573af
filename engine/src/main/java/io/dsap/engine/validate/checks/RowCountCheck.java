package io.dsap.engine.validate.checks;

import io.dsap.engine.schema.RowCount;
import io.dsap.engine.schema.Severity;
import io.dsap.engine.validate.AbstractCheck;
import io.dsap.engine.validate.IssueSink;
import io.dsap.engine.validate.Rows;
import java.util.function.LongSupplier;

/** {@code row_count}: the file has between min and max records (rejected ones count). */
public final class RowCountCheck extends AbstractCheck {
  private final RowCount expected;
  private final LongSupplier records;

  public RowCountCheck(RowCount expected, LongSupplier records) {
    super("row_count", null, expected.severity() == null ? Severity.ERROR : expected.severity(), 1.0);
    this.expected = expected;
    this.records = records;
  }

  @Override
  public void check(Rows rows, IssueSink out) {
  }

  @Override
  public void finish(IssueSink out) {
    checked = 1;
    long n = records.getAsLong();
    String want = expected.min() != null && expected.max() != null ? "between " + expected.min() + " and "
        + expected.max() + " rows" : expected.min() != null ? "at least " + expected.min() + " rows"
        : "at most " + expected.max() + " rows";
    if (expected.min() != null && n < expected.min() || expected.max() != null && n > expected.max()) {
      fail(null, null, String.valueOf(n), want, "the file has " + n + " rows, expected " + want,
          "Check that the file is complete (an export cut short? a duplicated load?), or update row_count.", out);
    }
  }

  @Override
  public int[] columnsRead() {
    return new int[0]; // no value of any row
  }
}
