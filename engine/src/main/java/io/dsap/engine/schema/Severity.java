package io.dsap.engine.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How bad a failed check is: an error fails validation, a warning only reports. */
public enum Severity {
  ERROR,
  WARNING;

  @JsonCreator
  public static Severity parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    switch (t) {
      case "error": return ERROR;
      case "warning": case "warn": return WARNING;
      default: throw new IllegalArgumentException("severity '" + text + "' is not one of: error, warning");
    }
  }

  @JsonValue
  public String text() {
    return name().toLowerCase(Locale.ROOT);
  }
}
