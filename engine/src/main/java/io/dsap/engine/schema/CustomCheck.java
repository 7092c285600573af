package io.dsap.engine.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * A check from a plugin ({@code io.dsap.engine.validate.ValidationRule}), applied to a column:
 * {@code use: iban, column: account, with: {country: DE}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"use", "column", "with", "severity", "mostly"})
public record CustomCheck(@JsonProperty("use") String use, @JsonProperty("column") String column,
    @JsonProperty("with") Map<String, Object> with, @JsonProperty("severity") Severity severity,
    @JsonProperty("mostly") Double mostly) {
  public CustomCheck {
    if (use == null || use.isBlank() || column == null || column.isBlank()) {
      throw new IllegalArgumentException("a custom check needs 'use' (the rule's name) and 'column'");
    }
    with = with == null ? Map.of() : Map.copyOf(with);
    Tolerance.check(mostly, "check '" + use + "'");
  }
}
