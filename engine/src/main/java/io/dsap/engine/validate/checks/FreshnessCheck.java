package io.dsap.engine.validate.checks;

import io.dsap.engine.schema.Freshness;
import io.dsap.engine.schema.Severity;
import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.types.ColumnType;
import io.dsap.engine.validate.AbstractCheck;
import io.dsap.engine.validate.IssueSink;
import io.dsap.engine.validate.Rows;
import io.dsap.engine.validate.Values;
import java.time.Clock;

/** {@code freshness}: the newest value of a date or timestamp column is at most max_age old. */
public final class FreshnessCheck extends AbstractCheck {
  private final int c;
  private final ColumnSpec spec;
  private final Freshness expected;
  private final Clock clock;
  private long newest = Long.MIN_VALUE;

  public FreshnessCheck(ColumnSpec spec, int c, Freshness expected, Clock clock) {
    super("freshness", spec.name(), expected.severity() == null ? Severity.ERROR : expected.severity(), 1.0);
    this.c = c;
    this.spec = spec;
    this.expected = expected;
    this.clock = clock;
  }

  @Override
  public boolean dependsOnFileOnly() {
    return false; // the age of the newest value grows with the clock
  }

  @Override
  public void check(Rows rows, IssueSink out) {
    for (int r = 0; r < rows.size(); r++) {
      Object v = rows.value(r, c);
      if (v instanceof Number n) {
        newest = Math.max(newest, n.longValue());
      }
    }
  }

  @Override
  public void finish(IssueSink out) {
    checked = 1;
    long nowMillis = clock.millis();
    long newestMillis = spec.type() == ColumnType.DATE ? (newest + 1) * 86_400_000L : newest; // a date lasts all day
    String want = "a value newer than " + expected.maxAge();
    if (newest == Long.MIN_VALUE) {
      fail(null, null, null, want, spec.name() + " has no value, so the file's freshness is unknown",
          "Check that the file is not empty and that " + spec.name() + " is filled.", out);
    } else if (nowMillis - newestMillis > expected.duration().toMillis()) {
      String v = Values.display(spec.type(), spec.type() == ColumnType.DATE ? (Object) (int) newest : newest);
      fail(null, null, v, want, "the newest " + spec.name() + " is " + v + ", older than " + expected.maxAge(),
          "Check that the latest data was loaded, or raise max_age.", out);
    }
  }

  @Override
  public int[] columnsRead() {
    return new int[] {c};
  }
}
