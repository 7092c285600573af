package io.dsap.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dsap.server.remote.TestFiles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.calcite.avatica.AvaticaStatement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Statement.cancel()} on a {@code jdbc:dsap:remote:} connection stops the statement on a
 * real server (POST /cancel), for its own user only.
 */
class CancelTest {
  /**
   * A join whose output is rows x 1000 rows: it runs far longer than any test waits. Its aggregate
   * needs every joined row (a count(*) could be planned as per-key counts of each side).
   */
  static final String ENDLESS = "SELECT max(a.id + b.id) FROM big a JOIN big b ON a.v = b.v";

  @TempDir
  static Path tmp;
  static DsapServer server;

  @BeforeAll
  static void start() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("data"));
    TestFiles.root(root, 1_000_000);
    server = DsapServer.start(ServerConfig.builder()
        .root(root)
        .usersFile(ServerFixture.usersFile(tmp, false))
        .auditLog(tmp.resolve("audit.jsonl"))
        .port(0)
        .build());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Connection connect(String user, String password) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", user);
    p.setProperty("password", password);
    return DriverManager.getConnection("jdbc:dsap:remote:url=http://127.0.0.1:" + server.port(), p);
  }

  static CompletableFuture<Long> runAsync(Statement s, String sql) {
    return CompletableFuture.supplyAsync(() -> {
      try (ResultSet rs = s.executeQuery(sql)) {
        rs.next();
        return rs.getLong(1);
      } catch (SQLException e) {
        throw new RuntimeException(e);
      }
    });
  }

  static HttpResponse<String> postCancel(String connectionId, int statementId, String user, String password)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
        + "/cancel?connection_id=" + connectionId + "&statement_id=" + statementId))
        .POST(HttpRequest.BodyPublishers.noBody());
    if (user != null) {
      b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
          (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void cancelStopsARunningQueryOnTheServerForItsOwnerOnly() throws Exception {
    try (Connection alice = connect("alice", ServerFixture.ALICE_PASSWORD); Statement s = alice.createStatement()) {
      CompletableFuture<Long> query = runAsync(s, ENDLESS);
      OperationsTest.waitUntil(() -> server.runningStatements() == 1 || query.isDone());
      assertFalse(query.isDone(), () -> "the query must still run when it is cancelled: " + outcome(query));
      AvaticaStatement handle = s.unwrap(AvaticaStatement.class);
      String connectionId = handle.handle.connectionId;

      // another user, and nobody, cannot stop it
      HttpResponse<String> bob = postCancel(connectionId, handle.handle.id, "bob", ServerFixture.BOB_PASSWORD);
      assertEquals(403, bob.statusCode());
      assertEquals("forbidden", bob.body());
      assertEquals(401, postCancel(connectionId, handle.handle.id, null, null).statusCode());
      assertEquals(401, postCancel(connectionId, handle.handle.id, "alice", "wrong").statusCode());
      assertFalse(query.isDone(), () -> "bob's cancel must not stop alice's query: " + outcome(query));
      assertEquals(1, server.runningStatements());

      long cancelled = System.nanoTime();
      s.cancel();
      ExecutionException e = assertThrows(ExecutionException.class, () -> query.get(2, TimeUnit.MINUTES));
      // reported, not asserted (shared machines): how long the server took to stop the join
      System.out.printf("cancel to error: %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cancelled));
      SQLException sql = (SQLException) e.getCause().getCause();
      assertTrue(sql.getMessage().contains("cancelled by its client"), sql.getMessage());
      assertEquals("HY008", sql.getSQLState());
      assertEquals(0, server.runningStatements(), "the server freed the statement");

      // the connection goes on with new statements
      try (Statement next = alice.createStatement(); ResultSet rs = next.executeQuery("SELECT count(*) FROM orders")) {
        assertTrue(rs.next());
        assertEquals(237, rs.getLong(1));
      }
    }
    List<String> outcomes = Files.readAllLines(tmp.resolve("audit.jsonl")).stream()
        .map(CancelTest::outcome).toList();
    assertTrue(outcomes.contains("cancelled"), "audit: " + outcomes);
  }

  @Test
  void cancelBetweenFetchesFreesTheStatementAndEndsTheResult() throws Exception {
    try (Connection c = connect("alice", ServerFixture.ALICE_PASSWORD); Statement s = c.createStatement()) {
      ResultSet rs = s.executeQuery("SELECT * FROM big");
      assertTrue(rs.next());
      OperationsTest.waitUntil(() -> server.runningStatements() == 1);
      assertEquals(1, server.runningStatements(), "a result not read to its end is running");
      s.cancel();
      assertEquals(0, server.runningStatements(), "cancel frees it on the server at once");
      SQLException e = assertThrows(SQLException.class, () -> {
        while (rs.next()) {
          // the rest of the result is gone
        }
      });
      assertTrue(e.getMessage().toLowerCase(Locale.ROOT).contains("cancel"), e.getMessage());
    }
  }

  /** The time limit on a query that would run for minutes: stopped by the server, resources freed. */
  @Test
  void aLongQueryPastItsTimeLimitIsStoppedAndFreed() throws Exception {
    Properties p = new Properties();
    p.setProperty("user", "alice");
    p.setProperty("password", ServerFixture.ALICE_PASSWORD);
    p.setProperty("query_timeout", "2s");
    try (Connection c = DriverManager.getConnection("jdbc:dsap:remote:url=http://127.0.0.1:" + server.port(), p);
        Statement s = c.createStatement()) {
      SQLException e = assertThrows(SQLException.class, () -> s.executeQuery(ENDLESS).next());
      assertTrue(e.getMessage().contains("ran longer than its time limit of 2s"), e.getMessage());
      assertEquals(0, server.runningStatements(), "the server freed the statement");
      try (Statement next = c.createStatement(); ResultSet rs = next.executeQuery("SELECT count(*) FROM orders")) {
        assertTrue(rs.next(), "the connection goes on");
      }
    }
  }

  /** A client that stops fetching past the time limit: freed at the limit, told why at its next fetch. */
  @Test
  void theTimeLimitBetweenFetchesFreesTheStatementAndTheNextFetchSaysWhy() throws Exception {
    Properties p = new Properties();
    p.setProperty("user", "alice");
    p.setProperty("password", ServerFixture.ALICE_PASSWORD);
    p.setProperty("query_timeout", "2s");
    try (Connection c = DriverManager.getConnection("jdbc:dsap:remote:url=http://127.0.0.1:" + server.port(), p);
        Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM big")) {
      assertTrue(rs.next());
      OperationsTest.waitUntil(() -> server.runningStatements() == 0);
      assertEquals(0, server.runningStatements(), "freed at the time limit, with no request in flight");
      SQLException e = assertThrows(SQLException.class, () -> {
        while (rs.next()) {
          // the rows of the first frame, then the next fetch fails
        }
      });
      assertTrue(e.getMessage().contains("ran longer than its time limit of 2s"), e.getMessage());
      assertTrue(e.getMessage().contains("between two fetches"), e.getMessage());
    }
  }

  @Test
  void cancelWithNothingRunningIsHarmless() throws Exception {
    try (Connection c = connect("bob", ServerFixture.BOB_PASSWORD); Statement s = c.createStatement()) {
      s.cancel();
      try (Statement next = c.createStatement(); ResultSet rs = next.executeQuery("SELECT count(*) FROM orders")) {
        assertTrue(rs.next());
      }
    }
    HttpResponse<String> unknown = postCancel("no-such-connection", 1, "bob", ServerFixture.BOB_PASSWORD);
    assertEquals(404, unknown.statusCode());
    HttpResponse<String> bad = postCancel("x", 0, "bob", ServerFixture.BOB_PASSWORD);
    assertEquals(404, bad.statusCode());
  }

  static String outcome(CompletableFuture<Long> query) {
    try {
      return "returned " + query.getNow(null);
    } catch (RuntimeException e) {
      return "failed: " + e;
    }
  }

  static String outcome(String line) {
    try {
      JsonNode n = new ObjectMapper().readTree(line);
      return n.get("outcome").asText();
    } catch (Exception e) {
      throw new IllegalStateException(line, e);
    }
  }
}
