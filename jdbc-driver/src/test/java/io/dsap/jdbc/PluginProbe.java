package io.dsap.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;

/** Run in a child JVM by {@link FormatPluginTest}: prints what the driver reads with a plugin on the class path. */
public final class PluginProbe {
  private PluginProbe() {}

  public static void main(String[] args) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:dsap:" + args[0])) {
      System.out.println("rows=" + Sql.rows(c, "SELECT key, \"value\" FROM settings ORDER BY key"));
      System.out.println("read_kv=" + Sql.rows(c, "SELECT count(*) FROM read_kv('settings.kv')"));
      System.out.println("rejects=" + Sql.rows(c, "SELECT line, reason FROM rejects('settings.kv')"));
      System.out.println("format=" + Sql.scalar(c, "SELECT format FROM file_info('settings.kv')"));
    }
  }
}
