package io.dsap.engine.validate.checks;

import io.dsap.engine.batch.ColumnVector;
import io.dsap.engine.batch.StringVector;
import io.dsap.engine.schema.Severity;
import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.validate.AbstractCheck;
import io.dsap.engine.validate.Check;
import io.dsap.engine.validate.IssueSink;
import io.dsap.engine.validate.Rows;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** {@code allowed_values}: every non-null value is one of a list (numbers compare by value: 2.50 = 2.5). */
public final class AllowedValuesCheck extends AbstractCheck {
  private final int c;
  private final boolean numeric;
  private final List<String> allowed;
  private final Set<String> keys = new LinkedHashSet<>();
  private final String expected;
  private final ByteStringSet allowedText; // text columns: looked up by bytes

  public AllowedValuesCheck(ColumnSpec spec, int c, List<String> allowed, Severity severity, double mostly) {
    super("allowed_values", spec.name(), severity, mostly);
    this.c = c;
    this.numeric = spec.type().isNumeric();
    this.allowed = List.copyOf(allowed);
    for (String a : allowed) {
      keys.add(key(a));
    }
    this.allowedText = numeric ? null : new ByteStringSet(allowed);
    String list = String.join(", ", allowed);
    this.expected = "one of: " + (list.length() > 200 ? list.substring(0, 200) + "..." : list);
  }

  private String key(String v) {
    if (numeric) {
      try {
        return new BigDecimal(v.trim()).stripTrailingZeros().toPlainString();
      } catch (NumberFormatException e) {
        return v;
      }
    }
    return v;
  }

  @Override
  public Check forSplit() {
    return freshCopy();
  }

  @Override
  protected void scan(Rows rows) {
    ColumnVector v = rows.column(c);
    StringVector bytes = allowedText != null && v instanceof StringVector s ? s : null;
    for (int r = 0; r < rows.size(); r++) {
      if (v.isNull(r)) {
        continue;
      }
      checked++;
      if (bytes != null && allowedText.contains(bytes.data(), bytes.start(r), bytes.end(r))) {
        continue;
      }
      if (!keys.contains(key(rows.text(r, c)))) {
        failedAt(r);
      }
    }
  }

  @Override
  protected void report(Rows rows, int r, IssueSink out) {
    String text = rows.text(r, c);
    String near = nearest(text);
    fail(rows, r, text, expected, column + " '" + text + "' is not an allowed value",
        (near != null ? "Did you mean '" + near + "'? " : "") + "Correct the value on line " + rows.line(r)
            + ", or add '" + text + "' to allowed_values.", out);
  }

  /** An allowed value that differs only in case, spaces or by up to 2 edits. */
  private String nearest(String v) {
    String t = v.trim().toLowerCase(Locale.ROOT);
    for (String a : allowed) {
      if (a.trim().toLowerCase(Locale.ROOT).equals(t)) {
        return a;
      }
    }
    for (String a : allowed) {
      if (LevenshteinDistance.getDefaultInstance().apply(a.toLowerCase(Locale.ROOT), t) <= Math.min(2, a.length() / 3)) {
        return a;
      }
    }
    return null;
  }

  @Override
  public int[] columnsRead() {
    return new int[] {c};
  }
}
