package io.dsap.engine.validate.checks;

import io.dsap.engine.batch.ColumnVector;
import io.dsap.engine.schema.TableRule;
import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.validate.Check;
import io.dsap.engine.validate.CheckResult;
import io.dsap.engine.validate.Issue;
import io.dsap.engine.validate.IssueSink;
import io.dsap.engine.validate.Rows;
import io.dsap.engine.validate.Values;
import io.dsap.engine.validate.rules.CompiledRules;
import io.dsap.engine.validate.rules.LongComparison;
import io.dsap.engine.validate.rules.RuleCompiler;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema's row rules ({@code rule:<name>}). Rules that compare long-stored values
 * ({@link LongComparison}: {@code quantity > 0}, {@code ship_date >= order_date}) run on the
 * batch's vectors; the others together in one call of a compiled method per row. A row fails a
 * rule when it is FALSE (NULL passes) or cannot be evaluated (division by zero...). One result
 * per rule.
 */
public final class RulesCheck implements Check {
  private final CompiledRules compiled;
  private final List<TableRule> rules;
  private final long[] failed;
  private final String[] examples;
  private final LongComparison[] vectorised; // per rule; null: the rule runs in the compiled method
  private final CompiledRules rest; // the rules not vectorised, or null when there are none
  private final int[] restIndex; // rule i's position in rest's results
  private final int[] restReferenced;
  private final String[] names; // per rule: the check's name and the issues' suggestion, the same for every row
  private final String[] suggestions;
  private long checked;

  public RulesCheck(CompiledRules compiled) {
    this.compiled = compiled;
    this.rules = compiled.rules();
    this.failed = new long[rules.size()];
    this.examples = new String[rules.size()];
    this.vectorised = new LongComparison[rules.size()];
    this.restIndex = new int[rules.size()];
    List<TableRule> others = new ArrayList<>();
    java.util.BitSet cols = new java.util.BitSet();
    for (int i = 0; i < rules.size(); i++) {
      vectorised[i] = LongComparison.of(compiled.expressions().get(i), compiled.columns());
      if (vectorised[i] == null) {
        restIndex[i] = others.size();
        others.add(rules.get(i));
        for (int c : compiled.referenced(i)) {
          cols.set(c);
        }
      }
    }
    this.rest = others.isEmpty() ? null : others.size() == rules.size() ? compiled
        : RuleCompiler.compile(compiled.columns(), others);
    this.restReferenced = cols.stream().toArray();
    this.names = new String[rules.size()];
    this.suggestions = new String[rules.size()];
    for (int i = 0; i < rules.size(); i++) {
      TableRule rule = rules.get(i);
      names[i] = "rule:" + rule.displayName();
      suggestions[i] = "Correct the row, or relax the rule" + (rule.mostly() == null ? " (mostly: 0.99 tolerates 1% of"
          + " rows failing)" : "") + ".";
    }
  }

  private RulesCheck(RulesCheck of) {
    this.compiled = of.compiled;
    this.rules = of.rules;
    this.failed = new long[rules.size()];
    this.examples = new String[rules.size()];
    this.vectorised = of.vectorised;
    this.rest = null;
    this.restIndex = of.restIndex;
    this.restReferenced = of.restReferenced;
    this.names = of.names;
    this.suggestions = of.suggestions;
  }

  /** A copy per split when every rule runs on the vectors (a compiled method is not thread-safe). */
  @Override
  public Check forSplit() {
    return rest == null ? new RulesCheck(this) : null;
  }

  @Override
  public void absorb(Check part) {
    RulesCheck p = (RulesCheck) part;
    checked += p.checked;
    for (int i = 0; i < failed.length; i++) {
      failed[i] += p.failed[i];
      if (examples[i] == null) {
        examples[i] = p.examples[i];
      }
    }
  }

  @Override
  public void check(Rows rows, IssueSink out) {
    int n = rows.columns().size();
    Object[] row = new Object[n];
    ColumnVector[] vectors = new ColumnVector[n];
    for (int c = 0; c < n; c++) {
      vectors[c] = rows.column(c);
    }
    for (int r = 0; r < rows.size(); r++) {
      checked++;
      Object[] result = null;
      String error = null;
      if (rest != null) {
        for (int c : restReferenced) {
          row[c] = rows.value(r, c); // only the columns the compiled rules read
        }
        try {
          result = rest.evaluate(row);
        } catch (RuntimeException e) {
          error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
      }
      for (int i = 0; i < rules.size(); i++) {
        if (error != null) {
          report(rows, r, i, error, out); // as when all rules ran in one call: none has a result
        } else if (vectorised[i] != null ? vectorised[i].test(vectors, r) == LongComparison.FALSE
            : Boolean.FALSE.equals(result[restIndex[i]])) {
          report(rows, r, i, null, out);
        }
      }
    }
  }

  private void report(Rows rows, int r, int i, String error, IssueSink out) {
    TableRule rule = rules.get(i);
    int[] refs = compiled.referenced(i);
    List<ColumnSpec> cols = rows.columns();
    StringBuilder values = new StringBuilder();
    String value = null; // the first referenced column's
    for (int k = 0; k < refs.length; k++) {
      int c = refs[k];
      String text = rows.text(r, c);
      value = k == 0 ? text : value;
      values.append(values.length() > 0 ? ", " : "").append(cols.get(c).name()).append(" = ")
          .append(quoted(cols.get(c), text));
    }
    String column = refs.length == 0 ? null : cols.get(refs[0]).name();
    String message = "line " + rows.line(r) + ": " + (error == null ? rule.check() + " is false" : rule.check()
        + " could not be evaluated (" + error + ")") + (values.length() > 0 ? " (" + values + ")" : "");
    failed[i]++;
    if (examples[i] == null) {
      examples[i] = message;
    }
    out.accept(new Issue(rows.line(r), rows.rowNumber(r), column, names[i], rule.severityOrDefault(), value,
        rule.check(), message, suggestions[i]));
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
      out.add(new CheckResult(names[i], null, rule.severityOrDefault(), rule.mostlyOrDefault(),
          checked, failed[i], examples[i]));
    }
    return out;
  }

  static String display(ColumnSpec spec, Object v) {
    return Values.display(spec, v);
  }

  @Override
  public int[] columnsRead() {
    java.util.BitSet read = new java.util.BitSet();
    for (int i = 0; i < rules.size(); i++) {
      for (int c : compiled.referenced(i)) {
        read.set(c);
      }
    }
    return read.stream().toArray();
  }
}
