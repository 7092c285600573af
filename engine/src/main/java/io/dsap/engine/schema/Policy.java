package io.dsap.engine.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What to do about a structural difference (an unexpected column, another column order). */
public enum Policy {
  ERROR,
  WARNING,
  IGNORE;

  @JsonCreator
  public static Policy parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    switch (t) {
      case "error": return ERROR;
      case "warning": case "warn": return WARNING;
      case "ignore": return IGNORE;
      default: throw new IllegalArgumentException("'" + text + "' is not one of: error, warning, ignore");
    }
  }

  /** The severity of an issue under this policy; null when ignored. */
  public Severity severity() {
    return this == ERROR ? Severity.ERROR : this == WARNING ? Severity.WARNING : null;
  }

  @JsonValue
  public String text() {
    return name().toLowerCase(Locale.ROOT);
  }
}
