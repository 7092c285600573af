package io.dsap.udfs;

import io.dsap.engine.error.DsapException;
import io.dsap.engine.error.ErrorCode;
import java.util.Locale;
import java.util.Properties;
import org.apache.calcite.DataContext;
import org.apache.calcite.jdbc.CalciteConnection;

/**
 * Refuses writes (export, registry) on connections opened read-only. The server opens its
 * read-only users' connections with the property {@code read_only=true}; remote clients cannot
 * set or clear it.
 */
public final class WritePermission {
  /** The connection property that makes a connection read-only (DsapProperty.READ_ONLY). */
  public static final String READ_ONLY = "read_only";

  private WritePermission() {}

  /** Fails with a permission error if the connection running {@code context} is read-only. */
  public static void check(DataContext context, String what) {
    if (context != null && context.getQueryProvider() instanceof CalciteConnection c && readOnly(c)) {
      throw new DsapException(ErrorCode.PERMISSION_DENIED, "permission denied: " + what + " writes, and this"
          + " connection is read-only (your user has no write role on this server). Ask the administrator for a"
          + " role with write: true, or run the query without writing.");
    }
  }

  private static boolean readOnly(CalciteConnection c) {
    Properties p = c.getProperties();
    for (String name : p.stringPropertyNames()) {
      if (name.toLowerCase(Locale.ROOT).equals(READ_ONLY)) {
        return Boolean.parseBoolean(p.getProperty(name).trim());
      }
    }
    return false;
  }
}
