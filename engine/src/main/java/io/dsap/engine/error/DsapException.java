package io.dsap.engine.error;

import java.util.Objects;

/**
 * A failure that stops a statement, with a message written for the person who has to fix it:
 * what happened, where, what was expected, and what to do.
 */
public class DsapException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;

  public DsapException(ErrorCode code, String message) {
    this(code, message, null);
  }

  public DsapException(ErrorCode code, String message, Throwable cause) {
    super(code.label() + ": " + Objects.requireNonNull(message, "message is null"), cause);
    this.code = code;
  }

  public ErrorCode code() {
    return code;
  }
}
