package io.dsap.engine.validate.checks;

import io.dsap.engine.schema.TableRule;
import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.validate.Check;
import io.dsap.engine.validate.CheckResult;
import io.dsap.engine.validate.Issue;
import io.dsap.engine.validate.IssueSink;
import io.dsap.engine.validate.Rows;
import io.dsap.engine.validate.Values;
import io.dsap.engine.validate.rules.CompiledRules;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema's row rules ({@code rule:<name>}), evaluated together: one call of the compiled
 * method per row gives every rule's result. A row fails a rule when it is FALSE (NULL passes)
 * or cannot be evaluated (division by zero...). One result per rule.
 */
public final class RulesCheck implements Check {
  private final CompiledRules compiled;
  private final List<TableRule> rules;
  private final long[] failed;
  private final String[] examples;
  private final int[] allReferenced;
  private long checked;

  public RulesCheck(CompiledRules compiled) {
    this.compiled = compiled;
    this.rules = compiled.rules();
    this.failed = new long[rules.size()];
    this.examples = new String[rules.size()];
    java.util.BitSet cols = new java.util.BitSet();
    for (int i = 0; i < rules.size(); i++) {
      for (int c : compiled.referenced(i)) {
        cols.set(c);
      }
    }
    this.allReferenced = cols.stream().toArray();
  }

  @Override
  public void check(Rows rows, IssueSink out) {
    Object[] row = new Object[rows.columns().size()];
    for (int r = 0; r < rows.size(); r++) {
      checked++;
      for (int c : allReferenced) {
        row[c] = rows.value(r, c); // only the columns rules read
      }
      Object[] result;
      String error = null;
      try {
        result = compiled.evaluate(row);
      } catch (RuntimeException e) {
        result = null;
        error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
      }
      for (int i = 0; i < rules.size(); i++) {
        if (result != null && !Boolean.FALSE.equals(result[i])) {
          continue;
        }
        report(rows, r, i, error, out);
      }
    }
  }

  private void report(Rows rows, int r, int i, String error, IssueSink out) {
    TableRule rule = rules.get(i);
    int[] refs = compiled.referenced(i);
    List<ColumnSpec> cols = rows.columns();
    StringBuilder values = new StringBuilder();
    for (int c : refs) {
      values.append(values.length() > 0 ? ", " : "").append(cols.get(c).name()).append(" = ")
          .append(quoted(cols.get(c), rows.text(r, c)));
    }
    String column = refs.length == 0 ? null : cols.get(refs[0]).name();
    String value = refs.length == 0 ? null : rows.text(r, refs[0]);
    String name = "rule:" + rule.displayName();
    String message = "line " + rows.line(r) + ": " + (error == null ? rule.check() + " is false" : rule.check()
        + " could not be evaluated (" + error + ")") + (values.length() > 0 ? " (" + values + ")" : "");
    failed[i]++;
    if (examples[i] == null) {
      examples[i] = message;
    }
    out.accept(new Issue(rows.line(r), rows.rowNumber(r), column, name, rule.severityOrDefault(), value, rule.check(),
        message, "Correct the row, or relax the rule" + (rule.mostly() == null ? " (mostly: 0.99 tolerates 1% of"
            + " rows failing)" : "") + "."));
  }

  private static String quoted(ColumnSpec spec, String v) {
    if (v == null) {
      return "NULL";
    }
    return spec.type() == io.dsap.engine.types.ColumnType.VARCHAR ? "'" + v + "'" : v;
  }

  @Override
  public List<CheckResult> results() {
    List<CheckResult> out = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      TableRule rule = rules.get(i);
      out.add(new CheckResult("rule:" + rule.displayName(), null, rule.severityOrDefault(), rule.mostlyOrDefault(),
          checked, failed[i], examples[i]));
    }
    return out;
  }

  static String display(ColumnSpec spec, Object v) {
    return Values.display(spec, v);
  }
}
