package io.dsap.engine.validate;

import java.util.Locale;

/** Outcome of a check over the whole file. */
public enum Status {
  PASS,
  WARN,
  FAIL;

  public String text() {
    return name().toLowerCase(Locale.ROOT);
  }
}
