package io.dsap.engine.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** How many data rows (records, rejected ones included) the file must have. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RowCount(@JsonProperty("min") Long min, @JsonProperty("max") Long max,
    @JsonProperty("severity") Severity severity) {
  public RowCount {
    if (min != null && max != null && min > max) {
      throw new IllegalArgumentException("row_count: min " + min + " is above max " + max);
    }
    if (min != null && min < 0) {
      throw new IllegalArgumentException("row_count: min must be >= 0");
    }
  }
}
