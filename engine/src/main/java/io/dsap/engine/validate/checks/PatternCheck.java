package io.dsap.engine.validate.checks;

import io.dsap.engine.batch.ColumnVector;
import io.dsap.engine.batch.StringVector;
import io.dsap.engine.schema.SemanticType;
import io.dsap.engine.schema.Severity;
import io.dsap.engine.validate.AbstractCheck;
import io.dsap.engine.validate.Check;
import io.dsap.engine.validate.IssueSink;
import io.dsap.engine.validate.Rows;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
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
  private Matcher matcher; // reset per value: each split's copy has its own
  private AsciiText window = new AsciiText();

  private PatternCheck(String name, String column, int c, Pattern pattern, SemanticType semantic, String expected,
      Severity severity, double mostly, String why) {
    super(name, column, severity, mostly);
    this.c = c;
    this.pattern = pattern;
    this.semantic = semantic;
    this.expected = expected;
    this.why = why;
    this.matcher = pattern.matcher("");
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
  public Check forSplit() {
    PatternCheck copy = (PatternCheck) freshCopy();
    copy.matcher = pattern.matcher("");
    copy.window = new AsciiText();
    return copy;
  }

  @Override
  protected void scan(Rows rows) {
    ColumnVector v = rows.column(c);
    StringVector text = v instanceof StringVector s ? s : null;
    for (int r = 0; r < rows.size(); r++) {
      if (v.isNull(r)) {
        continue;
      }
      checked++;
      boolean ok = text != null ? matches(text.data(), text.start(r), text.end(r))
          : pattern.matcher(rows.text(r, c)).matches();
      if (!ok) {
        failedAt(r);
      }
    }
  }

  /** The verdict of the pattern on a text value's bytes, without a String when they are ASCII. */
  private boolean matches(byte[] b, int start, int end) {
    if (semantic == SemanticType.EMAIL) {
      return EmailBytes.matches(b, start, end);
    }
    if (AsciiText.ascii(b, start, end)) {
      return matcher.reset(window.set(b, start, end)).matches();
    }
    return matcher.reset(new String(b, start, end - start, StandardCharsets.UTF_8)).matches();
  }

  @Override
  protected void report(Rows rows, int r, IssueSink out) {
    String text = rows.text(r, c);
    String what = semantic == null ? "does not match the pattern" : "is not " + semantic.description();
    String detail = semantic == SemanticType.EMAIL ? EmailAdvice.problem(text) : null;
    fail(rows, r, text, expected, column + " '" + text + "' " + what + (detail == null ? "" : ": " + detail)
        + (why == null ? "" : " (" + why + ")"),
        "Correct the value on line " + rows.line(r) + (semantic == null ? ", or relax pattern: in the schema."
            : why == null ? ", or remove semantic: " + semantic.text() + " from the schema."
            : "."), out);
  }

  @Override
  public int[] columnsRead() {
    return new int[] {c};
  }
}
