package io.dsap.engine.schema;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Every non-null value of {@code column} must exist in column {@code refColumn} of another
 * file ({@code references: customers.csv}) or of the file a registered schema describes
 * ({@code references: customers@2}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"column", "references", "ref_column", "severity", "mostly"})
public record ForeignKey(@JsonProperty("column") String column, @JsonProperty("references") String references,
    @JsonProperty("ref_column") String refColumn, @JsonProperty("severity") Severity severity,
    @JsonProperty("mostly") Double mostly) {
  public ForeignKey {
    if (column == null || column.isBlank()) {
      throw new IllegalArgumentException("a foreign key needs 'column'");
    }
    if (references == null || references.isBlank()) {
      throw new IllegalArgumentException("foreign key on '" + column + "' needs 'references' (a file such as"
          + " customers.csv, or a registered schema such as customers@2)");
    }
    Tolerance.check(mostly, "foreign key on '" + column + "'");
  }

  @JsonIgnore
  public String refColumnOrDefault() {
    return refColumn == null ? column : refColumn;
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
