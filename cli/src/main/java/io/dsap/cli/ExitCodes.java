package io.dsap.cli;

/** Exit codes of the dsap command. */
public final class ExitCodes {
  /** The command did what was asked. */
  public static final int OK = 0;
  /** dsap validate: a check at or above --fail-on failed. */
  public static final int VALIDATION_FAILED = 1;
  /** Bad usage (unknown option, missing argument) or an error at run time (missing root, bad SQL). */
  public static final int ERROR = 2;

  private ExitCodes() {
  }
}
