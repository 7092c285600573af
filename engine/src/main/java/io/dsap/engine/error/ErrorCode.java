package io.dsap.engine.error;

/**
 * Stable codes for user-facing failures, grouped by who has to act.
 *
 * <p>The code travels in {@link java.sql.SQLException#getSQLState()}-like form
 * ({@code DSAP-1001}) so scripts can match on it instead of on message text.
 */
public enum ErrorCode {
  // USER: the request or the data must change (1000-1999)
  ROOT_NOT_FOUND(1001, Kind.USER),
  ROOT_NOT_A_DIRECTORY(1002, Kind.USER),
  FILE_NOT_FOUND(1003, Kind.USER),
  PATH_OUTSIDE_ROOT(1004, Kind.USER),
  FILE_NOT_READABLE(1005, Kind.USER),
  INVALID_OPTION(1006, Kind.USER),
  UNSUPPORTED_FORMAT(1007, Kind.USER),
  MALFORMED_DATA(1008, Kind.USER),
  LINE_TOO_LONG(1009, Kind.USER),
  FILE_TOO_LARGE(1010, Kind.USER),
  PERMISSION_DENIED(1011, Kind.USER),
  // schemas, rules and the registry (1020-1039)
  INVALID_SCHEMA(1020, Kind.USER),
  SCHEMA_NOT_FOUND(1021, Kind.USER),
  INVALID_RULE(1022, Kind.USER),
  // EXTERNAL: the file system or another system failed (2000-2999)
  IO_ERROR(2001, Kind.EXTERNAL),
  // INTERNAL: a bug in dsap (9000-9999)
  INTERNAL(9001, Kind.INTERNAL);

  /** Who has to act on a failure. */
  public enum Kind { USER, EXTERNAL, INTERNAL }

  private final int code;
  private final Kind kind;

  ErrorCode(int code, Kind kind) {
    this.code = code;
    this.kind = kind;
  }

  public int code() {
    return code;
  }

  public Kind kind() {
    return kind;
  }

  /** The code as users see it, e.g. {@code DSAP-1003}. */
  public String label() {
    return "DSAP-" + code;
  }
}
