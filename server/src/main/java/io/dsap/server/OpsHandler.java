package io.dsap.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.AbstractHandler;

/**
 * {@code GET /health} (200 while serving, 503 while shutting down) and {@code GET /metrics}
 * (Prometheus text format). Both answer without authentication, for load balancers and
 * scrapers; neither shows user names, SQL or paths. Every other request goes on to Avatica.
 */
final class OpsHandler extends AbstractHandler {
  private final ServerMetrics metrics; // null: server.metrics is off
  private final BooleanSupplier serving;

  OpsHandler(ServerMetrics metrics, BooleanSupplier serving) {
    this.metrics = metrics;
    this.serving = serving;
  }

  @Override
  public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!"GET".equals(request.getMethod())) {
      return;
    }
    if ("/health".equals(target)) {
      boolean up = serving.getAsBoolean();
      write(baseRequest, response, up ? 200 : 503, "application/json",
          up ? "{\"status\":\"UP\"}\n" : "{\"status\":\"SHUTTING_DOWN\"}\n");
    } else if ("/metrics".equals(target) && metrics != null) {
      write(baseRequest, response, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape());
    }
  }

  private static void write(Request base, HttpServletResponse response, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType(type);
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
    base.setHandled(true);
  }
}
