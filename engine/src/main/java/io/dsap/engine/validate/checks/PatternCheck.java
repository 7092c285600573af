package io.dsap.engine.validate.checks;

import io.dsap.engine.schema.SemanticType;
import io.dsap.engine.schema.Severity;
import io.dsap.engine.validate.AbstractCheck;
import io.dsap.engine.validate.IssueSink;
import io.dsap.engine.validate.Rows;
import java.util.regex.Pattern;

/**
 * {@code pattern} (a regular expression the whole value must match) or {@code semantic} (a
 * named kind of text such as email), on the value's text.
 */
public final class PatternCheck extends AbstractCheck {
  private final int c;
  private final Pattern pattern;
  private final SemanticType semantic;
  private final String expected;
  private final String why;

  private PatternCheck(String name, String column, int c, Pattern pattern, SemanticType semantic, String expected,
      Severity severity, double mostly, String why) {
    super(name, column, severity, mostly);
    this.c = c;
    this.pattern = pattern;
    this.semantic = semantic;
    this.expected = expected;
    this.why = why;
  }

  public static PatternCheck regex(String column, int c, String regex, Severity severity, double mostly) {
    return new PatternCheck("pattern", column, c, Pattern.compile(regex), null, "matches " + regex, severity, mostly,
        null);
  }

  /** @param why why dsap expects the type when the schema does not declare it (built-in check), or null */
  public static PatternCheck semantic(String column, int c, SemanticType type, Severity severity, double mostly,
      String why) {
    return new PatternCheck("semantic", column, c, type.pattern(), type, type.description(), severity, mostly, why);
  }

  @Override
  public void check(Rows rows, IssueSink out) {
    for (int r = 0; r < rows.size(); r++) {
      if (rows.isNull(r, c)) {
        continue;
      }
      checked++;
      String text = rows.text(r, c);
      if (!pattern.matcher(text).matches()) {
        String what = semantic == null ? "does not match the pattern" : "is not " + semantic.description();
        String detail = semantic == SemanticType.EMAIL ? EmailAdvice.problem(text) : null;
        fail(rows, r, text, expected, column + " '" + text + "' " + what + (detail == null ? "" : ": " + detail)
            + (why == null ? "" : " (" + why + ")"),
            "Correct the value on line " + rows.line(r) + (semantic == null ? ", or relax pattern: in the schema."
                : why == null ? ", or remove semantic: " + semantic.text() + " from the schema."
                : "."), out);
      }
    }
  }
}
