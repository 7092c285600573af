package io.dsap.engine.schema;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A row rule: a SQL boolean expression over the row's columns ({@code ship_date >= order_date}).
 * A row fails when the expression is FALSE; NULL passes, as in a SQL CHECK constraint.
 *
 * @param name name shown as the check ({@code rule:name}); defaults to the expression
 * @param check the SQL expression
 * @param severity error (default) or warning
 * @param mostly share of rows that must pass (default 1.0)
 * @param description free text
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "check", "severity", "mostly", "description"})
public record TableRule(@JsonProperty("name") String name, @JsonProperty("check") String check,
    @JsonProperty("severity") Severity severity, @JsonProperty("mostly") Double mostly,
    @JsonProperty("description") String description) {
  public TableRule {
    if (check == null || check.isBlank()) {
      throw new IllegalArgumentException("a rule needs a SQL expression (key 'check'), e.g. check: quantity > 0");
    }
    check = check.trim();
    final Double m = mostly;
    final String where = "rule '" + (name == null ? check : name) + "'";
    InvalidKey.check("mostly", () -> Tolerance.check(m, where));
  }

  public static TableRule of(String expression) {
    return new TableRule(null, expression, null, null, null);
  }

  /** The name, or the expression when unnamed. */
  @JsonIgnore
  public String displayName() {
    return name == null || name.isBlank() ? check : name;
  }

  @JsonIgnore
  public Severity severityOrDefault() {
    return severity == null ? Severity.ERROR : severity;
  }

  @JsonIgnore
  public double mostlyOrDefault() {
    return mostly == null ? 1.0 : mostly;
  }
}
