package io.dsap.engine.validate.checks;

import io.dsap.engine.schema.CustomCheck;
import io.dsap.engine.schema.Severity;
import io.dsap.engine.validate.AbstractCheck;
import io.dsap.engine.validate.IssueSink;
import io.dsap.engine.validate.Rows;
import io.dsap.engine.validate.ValidationRule;

/** A plugin's {@link ValidationRule} on one column; the check is named after the rule. */
public final class CustomRuleCheck extends AbstractCheck {
  private final int c;
  private final ValidationRule.ValueTest test;

  public CustomRuleCheck(CustomCheck spec, int c, ValidationRule.ValueTest test) {
    super(spec.use(), spec.column(), spec.severity() == null ? Severity.ERROR : spec.severity(),
        spec.mostly() == null ? 1.0 : spec.mostly());
    this.c = c;
    this.test = test;
  }

  @Override
  public boolean dependsOnFileOnly() {
    return false; // a plugin's test may read anything
  }

  @Override
  public void check(Rows rows, IssueSink out) {
    for (int r = 0; r < rows.size(); r++) {
      if (rows.isNull(r, c)) {
        continue;
      }
      checked++;
      String text = rows.text(r, c);
      String problem;
      try {
        problem = test.test(text);
      } catch (RuntimeException e) {
        problem = "the " + name + " check failed on this value (" + e + ")";
      }
      if (problem != null) {
        fail(rows, r, text, test.expected(), column + " '" + text + "': " + problem,
            "Correct the value on line " + rows.line(r) + ".", out);
      }
    }
  }

  @Override
  public int[] columnsRead() {
    return new int[] {c};
  }
}
