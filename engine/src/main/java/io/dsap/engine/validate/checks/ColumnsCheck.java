package io.dsap.engine.validate.checks;

import io.dsap.engine.schema.ColumnSchema;
import io.dsap.engine.schema.Policy;
import io.dsap.engine.schema.Severity;
import io.dsap.engine.validate.CheckResult;
import io.dsap.engine.validate.Check;
import io.dsap.engine.validate.Issue;
import io.dsap.engine.validate.IssueSink;
import io.dsap.engine.validate.Rows;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Column presence: {@code column_missing} (in the schema, not in the file),
 * {@code column_unexpected} (in the file, not in the schema) and {@code column_order} (the
 * shared columns come in another order). File-level issues: no line, no row.
 */
public final class ColumnsCheck implements Check {
  private final List<ColumnSchema> expected;
  private final List<String> actual;
  private final Policy unexpected;
  private final Policy order;
  private final List<CheckResult> results = new ArrayList<>();

  public ColumnsCheck(List<ColumnSchema> expected, List<String> actual, Policy unexpected, Policy order) {
    this.expected = expected;
    this.actual = actual;
    this.unexpected = unexpected;
    this.order = order;
  }

  @Override
  public void begin(IssueSink out) {
    Set<String> inFile = lower(actual);
    Set<String> inSchema = new TreeSet<>();
    expected.forEach(c -> inSchema.add(c.name().toLowerCase(Locale.ROOT)));
    long missing = 0;
    String missingExample = null;
    Severity missingSeverity = Severity.WARNING;
    for (ColumnSchema c : expected) {
      if (!inFile.contains(c.name().toLowerCase(Locale.ROOT))) {
        missing++;
        Severity s = Boolean.TRUE.equals(c.nullable()) ? Severity.WARNING : c.severityOrDefault();
        if (s == Severity.ERROR) {
          missingSeverity = Severity.ERROR;
        }
        String msg = "column " + c.name() + " is in the schema but not in the file (the file has: "
            + String.join(", ", actual) + ")";
        missingExample = missingExample == null ? msg : missingExample;
        out.accept(new Issue(null, null, c.name(), "column_missing", s, null, "a column named " + c.name(), msg,
            "Add the column to the file, check the header's spelling, or remove " + c.name() + " from the schema."));
      }
    }
    results.add(new CheckResult("column_missing", null, missingSeverity, 1.0, expected.size(), missing,
        missingExample));
    long extra = 0;
    String extraExample = null;
    if (unexpected != Policy.IGNORE) {
      for (String a : actual) {
        if (!inSchema.contains(a.toLowerCase(Locale.ROOT))) {
          extra++;
          String msg = "column " + a + " is in the file but not in the schema";
          extraExample = extraExample == null ? msg : extraExample;
          out.accept(new Issue(null, null, a, "column_unexpected", unexpected.severity(), null, null, msg,
              "Add " + a + " to the schema's columns, or set unexpected_columns: ignore."));
        }
      }
      results.add(new CheckResult("column_unexpected", null, unexpected.severity(), 1.0, actual.size(), extra,
          extraExample));
    }
    if (order != Policy.IGNORE) {
      List<String> fileOrder = new ArrayList<>();
      actual.forEach(a -> {
        if (inSchema.contains(a.toLowerCase(Locale.ROOT))) {
          fileOrder.add(a.toLowerCase(Locale.ROOT));
        }
      });
      List<String> schemaOrder = new ArrayList<>();
      expected.forEach(c -> {
        if (inFile.contains(c.name().toLowerCase(Locale.ROOT))) {
          schemaOrder.add(c.name().toLowerCase(Locale.ROOT));
        }
      });
      boolean differs = !fileOrder.equals(schemaOrder);
      String msg = "the columns are in another order than in the schema: file " + String.join(", ", fileOrder)
          + "; schema " + String.join(", ", schemaOrder);
      if (differs) {
        out.accept(new Issue(null, null, null, "column_order", order.severity(), null, String.join(", ", schemaOrder),
            msg, "Reorder the file's columns or the schema's, or set column_order: ignore."));
      }
      results.add(new CheckResult("column_order", null, order.severity(), 1.0, 1, differs ? 1 : 0,
          differs ? msg : null));
    }
  }

  private static Set<String> lower(List<String> names) {
    Set<String> s = new TreeSet<>();
    names.forEach(n -> s.add(n.toLowerCase(Locale.ROOT)));
    return s;
  }

  @Override
  public void check(Rows rows, IssueSink out) {
    // structural only
  }

  @Override
  public List<CheckResult> results() {
    return results;
  }

  @Override
  public int[] columnsRead() {
    return new int[0]; // no value of any row
  }
}
