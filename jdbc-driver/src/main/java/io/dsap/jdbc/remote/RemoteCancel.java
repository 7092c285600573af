package io.dsap.jdbc.remote;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.ConnectionConfig;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.remote.AvaticaHttpClient;

/**
 * Asks the dsap server to stop a statement: {@code POST <url>/cancel?connection_id=..&statement_id=..}
 * (Avatica 1.27's protocol has no cancel request). It goes through Avatica's own HTTP client
 * built from the connection's settings, so it carries the same credentials (BASIC or DIGEST),
 * TLS truststore and timeouts as the connection, on a pooled HTTP connection of its own: the
 * statement's request is still waiting for its answer on another.
 */
public final class RemoteCancel {
  private RemoteCancel() {}

  /** What the server did with the request. */
  public enum Answer {
    /** The statement was running and is stopped; its execute or fetch fails with SQLSTATE HY008. */
    CANCELLED,
    /** The statement runs nothing on the server now (its rows may still be on the client). */
    NOT_RUNNING
  }

  public static Answer cancel(AvaticaConnection connection, Meta.StatementHandle h) throws SQLException {
    ConnectionConfig config = connection.config();
    URL url = cancelUrl(config.url(), h);
    String word;
    try {
      AvaticaHttpClient client = config.httpClientFactory().getClient(url, config, null);
      word = new String(client.send(new byte[0]), StandardCharsets.US_ASCII).trim();
    } catch (RuntimeException e) {
      throw new SQLException("cancel(): could not reach the dsap server at " + config.url() + " to stop statement "
          + h.id + ": " + e.getMessage(), "08006", e);
    }
    switch (word) {
      case "cancelled":
        return Answer.CANCELLED;
      case "not-running":
        return Answer.NOT_RUNNING;
      case "unknown":
        return Answer.NOT_RUNNING; // closed, or expired on the server: nothing runs there
      case "forbidden":
        throw new SQLException("cancel(): the dsap server refused to stop statement " + h.id
            + ": its connection belongs to another user", "42501");
      default:
        throw new SQLException("cancel(): the server at " + config.url() + " does not answer POST /cancel like a"
            + " dsap server (it said: " + abbreviate(word) + "); is it an older dsap or another Avatica server?",
            "0A000");
    }
  }

  static URL cancelUrl(String base, Meta.StatementHandle h) throws SQLException {
    try {
      URI uri = URI.create(base.trim());
      String path = uri.getRawPath() == null ? "" : uri.getRawPath();
      while (path.endsWith("/")) {
        path = path.substring(0, path.length() - 1);
      }
      String query = "connection_id=" + URLEncoder.encode(h.connectionId, StandardCharsets.UTF_8)
          + "&statement_id=" + h.id;
      return new URL(uri.getScheme() + "://" + uri.getRawAuthority() + path + "/cancel?" + query);
    } catch (IllegalArgumentException | MalformedURLException e) {
      throw new SQLException("cancel(): the connection's url " + base + " is not a valid URL", "08001", e);
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 60) + "...";
  }
}
