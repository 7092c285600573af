package io.dsap.udfs.functions;

import io.dsap.engine.error.DsapException;
import io.dsap.engine.error.ErrorCode;

/** The wording of a bad argument to a dsap function: which function, which argument, what was expected. */
final class ArgumentErrors {
  private ArgumentErrors() {}

  static DsapException bad(String signature, String argument, Object given, String expected) {
    return new DsapException(ErrorCode.INVALID_OPTION, signature + ": argument " + argument + " is "
        + (given instanceof String ? "'" + given + "'" : String.valueOf(given)) + "; " + expected);
  }
}
