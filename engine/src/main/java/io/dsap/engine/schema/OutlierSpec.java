package io.dsap.engine.schema;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/**
 * Outlier detection on a numeric column: {@code iqr} flags values beyond
 * {@code threshold} interquartile ranges outside the quartiles (default 1.5), {@code zscore}
 * flags values more than {@code threshold} standard deviations from the mean (default 3).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OutlierSpec(@JsonProperty("method") String method, @JsonProperty("threshold") Double threshold) {
  public OutlierSpec {
    String m = method == null ? "iqr" : method.trim().toLowerCase(Locale.ROOT);
    if (!m.equals("iqr") && !m.equals("zscore")) {
      throw new InvalidKey("method", "outliers method '" + method + "' is not one of: iqr, zscore");
    }
    method = m;
    if (threshold != null && !(threshold > 0)) {
      throw new InvalidKey("threshold", "outliers threshold must be above 0");
    }
  }

  @JsonIgnore
  public boolean iqr() {
    return method.equals("iqr");
  }

  @JsonIgnore
  public double thresholdOrDefault() {
    return threshold != null ? threshold : iqr() ? 1.5 : 3.0;
  }
}
