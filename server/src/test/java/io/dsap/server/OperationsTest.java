package io.dsap.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Health, metrics, the audit log, idle clients and shutdown, on a real server. */
class OperationsTest {
  @TempDir
  Path tmp;

  private DsapServer start(Duration idle) throws Exception {
    return DsapServer.start(ServerConfig.builder()
        .root(ServerFixture.dataRoot(tmp))
        .usersFile(ServerFixture.usersFile(tmp, false))
        .auditLog(tmp.resolve("audit.jsonl"))
        .limits(ServerConfig.Limits.DEFAULTS.withIdleTimeout(idle))
        .shutdownGrace(Duration.ofSeconds(5))
        .port(0)
        .build());
  }

  private List<JsonNode> audit() throws Exception {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : Files.readAllLines(tmp.resolve("audit.jsonl"))) {
      lines.add(new ObjectMapper().readTree(line));
    }
    return lines;
  }

  @Test
  void healthMetricsAndAuditDescribeWhatHappened() throws Exception {
    try (DsapServer server = start(Duration.ofMinutes(5))) {
      HttpResponse<String> health = ServerFixture.get(server, "/health");
      assertEquals(200, health.statusCode(), "health needs no credentials");
      assertTrue(health.body().contains("\"UP\""), health.body());

      String sql = "SELECT status, count(*) AS n FROM orders GROUP BY status";
      int rows = 0;
      try (Connection c = ServerFixture.connect(server, "alice", ServerFixture.ALICE_PASSWORD);
          Statement s = c.createStatement()) {
        try (ResultSet rs = s.executeQuery(sql)) {
          while (rs.next()) {
            rows++;
          }
        }
        assertThrows(Exception.class, () -> s.executeQuery("SELECT * FROM no_such_table"));
        String metrics = ServerFixture.get(server, "/metrics").body();
        assertTrue(metrics.contains("dsap_connections_open 1.0"), metrics);
      }

      String metrics = ServerFixture.get(server, "/metrics").body();
      assertTrue(metrics.contains("dsap_statements_total{outcome=\"ok\"} 1.0"), metrics);
      assertTrue(metrics.contains("dsap_statements_total{outcome=\"error\"} 1.0"), metrics);
      assertTrue(metrics.contains("dsap_rows_returned_total " + rows + ".0"), metrics);
      assertTrue(metrics.contains("dsap_bytes_read_total{kind=\"scan\"}"), metrics);
      assertTrue(metrics.contains("dsap_statement_duration_seconds_count 2"), metrics);
      assertTrue(!metrics.contains("alice") && !metrics.contains("SELECT"), "metrics name no user and no SQL");

      List<JsonNode> audit = audit();
      assertEquals(2, audit.size(), audit.toString());
      JsonNode ok = audit.get(0);
      assertEquals("alice", ok.get("user").asText());
      assertEquals("127.0.0.1", ok.get("client").asText());
      assertEquals(sql, ok.get("sql").asText());
      assertEquals(rows, ok.get("rows").asInt());
      assertEquals("ok", ok.get("outcome").asText());
      assertTrue(ok.get("duration_ms").asLong() >= 0);
      assertTrue(ok.get("time").asText().endsWith("Z"));
      JsonNode failed = audit.get(1);
      assertEquals("error", failed.get("outcome").asText());
      assertTrue(failed.get("error").asText().contains("NO_SUCH_TABLE") || failed.get("error").asText()
          .toLowerCase(java.util.Locale.ROOT).contains("not found"), failed.toString());
    }
  }

  @Test
  void aClientThatDisconnectsMidResultHasItsStatementFreed() throws Exception {
    try (DsapServer server = start(Duration.ofSeconds(3))) {
      Connection c = ServerFixture.connect(server, "alice", ServerFixture.ALICE_PASSWORD);
      ResultSet rs = c.createStatement().executeQuery("SELECT * FROM orders");
      assertTrue(rs.next());
      assertEquals(1, server.runningStatements());
      // the client goes away without closing anything
      waitUntil(() -> server.runningStatements() == 0 && server.openConnections() == 0);
      assertEquals(0, server.runningStatements());
      assertEquals(0, server.openConnections());
      JsonNode line = audit().get(0);
      assertEquals("abandoned", line.get("outcome").asText(), line.toString());
      assertEquals(100, line.get("rows").asInt(), "rows sent before the client left");
    }
  }

  @Test
  void shutdownCancelsUnfinishedStatementsAndClosesConnections() throws Exception {
    DsapServer server = start(Duration.ofMinutes(5));
    Connection c = ServerFixture.connect(server, "alice", ServerFixture.ALICE_PASSWORD);
    ResultSet rs = c.createStatement().executeQuery("SELECT * FROM orders");
    assertTrue(rs.next());
    server.close();
    assertEquals(0, server.runningStatements());
    assertEquals(0, server.openConnections());
    assertEquals("cancelled", audit().get(0).get("outcome").asText());
    assertThrows(Exception.class, () -> {
      while (rs.next()) {
        // the rest of the result is gone with the server
      }
    });
  }

  /** Polls {@code condition} for up to a minute (the server frees idle statements on its own schedule). */
  static void waitUntil(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
  }
}
