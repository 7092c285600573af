package io.dsap.server;

import io.dsap.engine.error.DsapException;
import io.dsap.engine.error.ErrorCode;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;

/**
 * Errors as remote clients see them: the message that explains the failure, with the server's
 * folders replaced by what the user knows ({@code <root>}, paths relative to it), and no server
 * stack trace (Avatica would send the whole chain of causes to the client otherwise).
 */
final class ClientErrors {
  private record Replacement(String path, String shown) {}

  private final List<Replacement> replacements = new ArrayList<>();

  ClientErrors(ServerConfig config) {
    for (Path root : config.roots().values()) {
      add(root, "<root>");
    }
    if (config.outputRoot() != null) {
      add(config.outputRoot(), "<output root>");
    }
    if (config.usersFile() != null) {
      add(config.usersFile(), "<users file>");
    }
    if (config.auditLog() != null) {
      add(config.auditLog(), "<audit log>");
    }
    // longest first, so a root inside another is replaced as itself
    replacements.sort(Comparator.comparingInt((Replacement r) -> r.path().length()).reversed());
  }

  private void add(Path p, String shown) {
    Path abs = p.toAbsolutePath().normalize();
    replacements.add(new Replacement(abs.toString(), shown));
    try {
      Path real = abs.toRealPath();
      if (!real.equals(abs)) {
        replacements.add(new Replacement(real.toString(), shown));
      }
    } catch (java.io.IOException e) {
      // not there (yet): only the configured spelling can appear in messages
    }
  }

  /** {@code message} with the server's folders hidden: files under a root are shown relative to it. */
  String scrub(String message) {
    if (message == null) {
      return null;
    }
    String m = message;
    for (Replacement r : replacements) {
      m = m.replace(r.path() + "/", r.shown().equals("<root>") ? "" : r.shown() + "/");
      m = m.replace(r.path(), r.shown());
    }
    return m;
  }

  /** The error a client gets for {@code t}: the most specific message in its causes, scrubbed. */
  AvaticaRuntimeException toClient(Throwable t) {
    if (t instanceof AvaticaRuntimeException a) {
      return a;
    }
    DsapException dsap = find(t, DsapException.class);
    if (dsap != null) {
      return error(scrub(dsap.getMessage()), dsap.code().code(), dsap.code().label());
    }
    SQLException sql = find(t, SQLException.class);
    Throwable shown = sql != null ? sql : t;
    String message = shown.getMessage() == null ? shown.getClass().getSimpleName() : shown.getMessage();
    return error(scrub(message), sql == null ? ErrorCode.INTERNAL.code() : sql.getErrorCode(),
        sql == null || sql.getSQLState() == null ? ErrorCode.INTERNAL.label() : sql.getSQLState());
  }

  private static <T extends Throwable> T find(Throwable t, Class<T> type) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
    }
    return null;
  }

  /** A permission error (the user may not do this). */
  static AvaticaRuntimeException permission(String message) {
    return error("permission denied: " + message, ErrorCode.PERMISSION_DENIED.code(),
        ErrorCode.PERMISSION_DENIED.label());
  }

  /** A limit of the server was hit. */
  static AvaticaRuntimeException limit(String message) {
    return error(message, ErrorCode.INVALID_OPTION.code(), "DSAP-LIMIT");
  }

  static AvaticaRuntimeException error(String message, int code, String sqlState) {
    AvaticaRuntimeException e = new AvaticaRuntimeException(message, code, sqlState, AvaticaSeverity.ERROR);
    e.setStackTrace(new StackTraceElement[0]);
    return e;
  }
}
