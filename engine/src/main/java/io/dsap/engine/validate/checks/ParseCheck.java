package io.dsap.engine.validate.checks;

import io.dsap.engine.rejects.Reject;
import io.dsap.engine.schema.Severity;
import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.validate.AbstractCheck;
import io.dsap.engine.validate.Check;
import io.dsap.engine.validate.DateAdvice;
import io.dsap.engine.validate.IssueSink;
import io.dsap.engine.validate.Rows;
import java.util.List;
import io.dsap.engine.validate.FileProfile;

/**
 * {@code parse}: records the reader could not return: malformed records (wrong field count,
 * broken quotes, bad bytes) and values that do not cast to the column's type. These are the
 * reader's rejects, so validate() and rejects() always agree.
 */
public final class ParseCheck extends AbstractCheck {
  private final java.util.Map<String, ColumnSpec> columns = new java.util.HashMap<>();
  private final java.util.Map<String, String> expectedOf = new java.util.HashMap<>(); // per column, made once
  private final String wholeRecord;
  private final int columnCount;
  private FileProfile profile;

  public ParseCheck(List<ColumnSpec> specs) {
    super("parse", null, Severity.ERROR, 1.0);
    for (ColumnSpec s : specs) {
      columns.put(s.name(), s);
      expectedOf.put(s.name(), s.typeText() + (s.type().isTemporal() && s.format() != null ? " (" + s.format() + ")"
          : ""));
    }
    this.columnCount = specs.size();
    this.wholeRecord = "a record of " + columnCount + " fields";
  }

  /** Statistics from a first pass: suggestions then say how many values of the column do fit. */
  public void useProfile(FileProfile p) {
    this.profile = p;
  }

  /** Reports one reject, the {@code rowNumber}-th record of the file. */
  public void reject(Reject r, long rowNumber, IssueSink out) {
    ColumnSpec spec = r.column() == null ? null : columns.get(r.column());
    String reason = r.reason();
    int fix = reason.indexOf(". Fix the value");
    String message = fix > 0 ? reason.substring(0, fix) : reason;
    String expected;
    String suggestion;
    if (spec == null) {
      expected = wholeRecord;
      suggestion = fix > 0 ? reason.substring(fix + 2) : "Fix the record on line " + r.line() + ".";
    } else {
      expected = expectedOf.get(spec.name());
      String advice = spec.type() == io.dsap.engine.types.ColumnType.DATE ? DateAdvice.advise(r.value(), spec.format())
          : null;
      String counted = profile == null ? null : profile.share(spec.name());
      suggestion = (counted == null ? "" : counted + "; ")
          + (advice != null ? advice + "." : "correct the value on line " + r.line() + ".")
          + " To keep such rows and report them instead, declare " + spec.name() + " as VARCHAR"
          + (spec.type().isTemporal() ? " with format: " + spec.format().datePattern() : "") + " in the schema.";
      suggestion = Character.toUpperCase(suggestion.charAt(0)) + suggestion.substring(1);
    }
    fail(r.line(), rowNumber, r.column(), r.value(), expected, message, suggestion, out);
  }

  /** A copy for a split's rejects: the column map and the profile are only read. */
  @Override
  public Check forSplit() {
    return freshCopy();
  }

  /** Counts every record read, so failed_pct is rejects over records. */
  public void countRecords(long n) {
    checked += n;
  }

  @Override
  public void check(Rows rows, IssueSink out) {
    // rejects arrive through reject(); returned rows parsed fine
  }
}
