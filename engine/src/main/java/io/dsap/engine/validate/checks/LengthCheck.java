package io.dsap.engine.validate.checks;

import io.dsap.engine.schema.Severity;
import io.dsap.engine.validate.AbstractCheck;
import io.dsap.engine.validate.Check;
import io.dsap.engine.validate.IssueSink;
import io.dsap.engine.validate.Rows;

/** {@code length}: the value's text has between min_length and max_length characters. */
public final class LengthCheck extends AbstractCheck {
  private final int c;
  private final Integer min;
  private final Integer max;
  private final String expected;

  public LengthCheck(String column, int c, Integer min, Integer max, Severity severity, double mostly) {
    super("length", column, severity, mostly);
    this.c = c;
    this.min = min;
    this.max = max;
    this.expected = min != null && max != null ? (min.equals(max) ? "exactly " + min : min + " to " + max)
        + " characters" : min != null ? "at least " + min + " characters" : "at most " + max + " characters";
  }

  @Override
  public Check forSplit() {
    return freshCopy();
  }

  @Override
  public void check(Rows rows, IssueSink out) {
    for (int r = 0; r < rows.size(); r++) {
      if (rows.isNull(r, c)) {
        continue;
      }
      checked++;
      String text = rows.text(r, c);
      int n = text.codePointCount(0, text.length());
      if (min != null && n < min || max != null && n > max) {
        fail(rows, r, text, expected, column + " has " + n + " characters on line " + rows.line(r)
            + ", expected " + expected, "Correct the value, or change " + (min != null && n < min ? "min_length"
                : "max_length") + " in the schema.", out);
      }
    }
  }

  @Override
  public int[] columnsRead() {
    return new int[] {c};
  }
}
