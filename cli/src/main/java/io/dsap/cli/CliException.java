package io.dsap.cli;

/**
 * An error the user can fix, with a message that says what is wrong and how to fix it; reported without a stack
 * trace (unless --verbose) and exit code {@link ExitCodes#ERROR}.
 */
public final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates a CliException. */
  public CliException(String message) {
    super(message);
  }

  /** Creates a CliException with its cause. */
  public CliException(String message, Throwable cause) {
    super(message, cause);
  }
}
