package io.dsap.engine.quality;

import io.dsap.engine.validate.CheckResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The outcome of a schema's rules on a file, as validity sees it: per column, the checks that
 * judge a value (range, allowed values, pattern, semantic type, length, date format, foreign key,
 * plugin checks), and the table rules (SQL conditions over a row). Checks measured by another
 * dimension (not_null: completeness; unique: uniqueness) or not about values (outliers, row
 * count, freshness, columns, duplicate rows) do not count.
 */
public record RuleResults(String schema, Map<String, List<CheckResult>> byColumn, List<CheckResult> tableRules) {
  /** No schema given: validity is type and semantic type only. */
  public static final RuleResults NONE = new RuleResults(null, Map.of(), List.of());

  private static final Set<String> NOT_VALIDITY = Set.of("not_null", "unique", "outlier", "row_count", "freshness",
      "column_missing", "column_unexpected", "column_order", "duplicate_row", "parse");

  public RuleResults {
    byColumn = Map.copyOf(byColumn);
    tableRules = List.copyOf(tableRules);
  }

  /** Sorts a validation summary into column checks and table rules; {@code schema} names it in details. */
  public static RuleResults of(String schema, List<CheckResult> summary) {
    Map<String, List<CheckResult>> byColumn = new LinkedHashMap<>();
    List<CheckResult> rules = new ArrayList<>();
    for (CheckResult r : summary) {
      if (r.check().startsWith("rule:")) {
        rules.add(r);
      } else if (r.column() != null && !NOT_VALIDITY.contains(r.check())) {
        byColumn.computeIfAbsent(r.column(), k -> new ArrayList<>()).add(r);
      }
    }
    return new RuleResults(schema, byColumn, rules);
  }

  /** The column's checks (empty when none). */
  public List<CheckResult> column(String name) {
    return byColumn.getOrDefault(name, List.of());
  }
}
