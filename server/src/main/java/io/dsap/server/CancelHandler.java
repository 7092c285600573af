package io.dsap.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.HandlerWrapper;

/**
 * {@code POST /cancel?connection_id=...&statement_id=...}: stops
 * that statement on behalf of the client that runs it. Avatica 1.27's protocol has no cancel
 * request, so dsap's remote driver sends this from {@code Statement.cancel()} on an HTTP
 * connection of its own (the statement's request still occupies the first). It sits behind
 * authentication like the Avatica handler, and a user can cancel only statements of connections
 * that user opened (docs/architecture.md, "Remote cancel").
 *
 * <p>Answers are one plain-text word: {@code cancelled}, {@code not-running} (200),
 * {@code unknown} (404), {@code forbidden} (403), {@code bad-request} (400).
 */
final class CancelHandler extends HandlerWrapper {
  static final String PATH = "/cancel";

  private final ServerMeta meta;

  CancelHandler(ServerMeta meta) {
    this.meta = meta;
  }

  @Override
  public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    if (!PATH.equals(target)) {
      super.handle(target, baseRequest, request, response);
      return;
    }
    baseRequest.setHandled(true);
    if (!"POST".equals(request.getMethod())) {
      write(response, 405, "bad-request");
      return;
    }
    String connection = request.getParameter("connection_id");
    String statement = request.getParameter("statement_id");
    int statementId;
    try {
      statementId = Integer.parseInt(statement == null ? "" : statement.trim());
    } catch (NumberFormatException e) {
      write(response, 400, "bad-request");
      return;
    }
    if (connection == null || connection.isBlank()) {
      write(response, 400, "bad-request");
      return;
    }
    switch (meta.cancel(connection.trim(), statementId)) {
      case CANCELLED -> write(response, 200, "cancelled");
      case NOT_RUNNING -> write(response, 200, "not-running");
      case UNKNOWN -> write(response, 404, "unknown");
      case FORBIDDEN -> write(response, 403, "forbidden");
      default -> throw new IllegalStateException();
    }
  }

  private static void write(HttpServletResponse response, int status, String word) throws IOException {
    byte[] bytes = word.getBytes(StandardCharsets.US_ASCII);
    response.setStatus(status);
    response.setContentType("text/plain; charset=us-ascii");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }
}
