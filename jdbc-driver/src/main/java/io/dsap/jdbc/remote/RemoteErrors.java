package io.dsap.jdbc.remote;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;

/** Turns what Avatica's HTTP client throws on connect into errors that say what to do. */
final class RemoteErrors {
  private RemoteErrors() {}

  static SQLException onConnect(String url, Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
        return new SQLException("Cannot reach the dsap server at " + url + " (" + t.getMessage()
            + "). Is `dsap serve` running there, and is the host and port right?", "08001", e);
      }
      if (t instanceof UnknownHostException) {
        return new SQLException("Unknown host in " + url + ": " + t.getMessage(), "08001", e);
      }
      if (t instanceof SocketTimeoutException) {
        return new SQLException("The dsap server at " + url + " did not answer in time (" + t.getMessage()
            + "); raise http_connection_timeout or http_response_timeout (milliseconds) if it is just slow",
            "08001", e);
      }
      String m = t.getMessage();
      if (m != null && m.contains("HTTP/401")) {
        return new SQLException("The dsap server at " + url + " refused the credentials (HTTP 401): check user"
            + " and password, and authentication=BASIC or DIGEST as the server is configured", "28000", e);
      }
      if (m != null && m.contains("HTTP/403")) {
        return new SQLException("The dsap server at " + url + " denied access (HTTP 403)", "28000", e);
      }
    }
    if (e instanceof SQLException s) {
      return s; // the server's own error (a bad root, a refused property) says it best
    }
    return new SQLException("Cannot connect to the dsap server at " + url + ": " + e.getMessage(), "08001", e);
  }
}
