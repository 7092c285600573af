package io.dsap.engine.schema;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.Locale;

/**
 * The newest value of a DATE or TIMESTAMP column must be at most {@code maxAge} old
 * ({@code 36h}, {@code 2d}, {@code 1w}, or ISO-8601 {@code P2D}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Freshness(@JsonProperty("column") String column, @JsonProperty("max_age") String maxAge,
    @JsonProperty("severity") Severity severity) {
  public Freshness {
    if (column == null || maxAge == null) {
      throw new IllegalArgumentException("freshness needs 'column' and 'max_age' (e.g. max_age: 2d)");
    }
    final String age = maxAge;
    InvalidKey.check("max_age", () -> duration(age));
  }

  @JsonIgnore
  public Duration duration() {
    return duration(maxAge);
  }

  static Duration duration(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    try {
      if (t.startsWith("p")) {
        return Duration.parse(t.toUpperCase(Locale.ROOT));
      }
      long n = Long.parseLong(t.substring(0, t.length() - 1).trim());
      switch (t.charAt(t.length() - 1)) {
        case 'm': return Duration.ofMinutes(n);
        case 'h': return Duration.ofHours(n);
        case 'd': return Duration.ofDays(n);
        case 'w': return Duration.ofDays(7 * n);
        default: break;
      }
    } catch (RuntimeException e) {
      // fall through to the message below
    }
    throw new IllegalArgumentException("max_age '" + text + "' is not a duration; write 30m, 36h, 2d, 1w or P2D");
  }
}
