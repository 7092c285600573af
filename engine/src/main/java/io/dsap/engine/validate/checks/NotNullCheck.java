package io.dsap.engine.validate.checks;

import io.dsap.engine.batch.ColumnVector;
import io.dsap.engine.schema.Severity;
import io.dsap.engine.validate.AbstractCheck;
import io.dsap.engine.validate.Check;
import io.dsap.engine.validate.IssueSink;
import io.dsap.engine.validate.Rows;

/** {@code not_null}: the column must have a value in every row. */
public final class NotNullCheck extends AbstractCheck {
  private final int c;
  private final String why;

  /**
   * @param why why the column must be filled: "the schema says nullable: false", or the
   *     completeness that made dsap expect it
   */
  public NotNullCheck(String column, int c, Severity severity, double mostly, String why) {
    super("not_null", column, severity, mostly);
    this.c = c;
    this.why = why;
  }

  @Override
  public Check forSplit() {
    return freshCopy();
  }

  @Override
  protected void scan(Rows rows) {
    ColumnVector v = rows.column(c);
    int n = rows.size();
    checked += n;
    for (int r = 0; r < n; r++) {
      if (v.isNull(r)) {
        failedAt(r);
      }
    }
  }

  @Override
  protected void report(Rows rows, int r, IssueSink out) {
    fail(rows, r, null, "a value", column + " is empty on line " + rows.line(r) + "; " + why,
        "Fill in " + column + " on line " + rows.line(r) + ", or allow empty values (nullable: true).", out);
  }

  @Override
  public int[] columnsRead() {
    return new int[] {c};
  }
}
