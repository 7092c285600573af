package io.dsap.engine.validate;

import java.math.BigDecimal;

/**
 * A rule proposed from the data, in the schema language.
 *
 * @param column the column (the rule goes under it in {@code columns:}), or null for a table rule
 * @param rule the YAML to add, e.g. {@code nullable: false}
 * @param why the evidence
 * @param coverage share of values that satisfy it today, in percent
 */
public record SuggestedRule(String column, String rule, String why, BigDecimal coverage) {
  public Object[] toRow() {
    return new Object[] {column, rule, why, coverage};
  }
}
