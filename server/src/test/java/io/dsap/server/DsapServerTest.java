package io.dsap.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsap.engine.source.ReadMetrics;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real server on loopback, queried through Avatica's remote JDBC driver. */
class DsapServerTest {
  static final Path EXAMPLES = Path.of("../examples");

  @Test
  void remoteClientQueriesTheExamples() throws Exception {
    try (DsapServer server = DsapServer.start(EXAMPLES, 0);
        Connection c = DriverManager.getConnection(server.clientUrl());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT status, count(*) AS n FROM orders GROUP BY status ORDER BY n DESC")) {
      assertTrue(rs.next());
      assertEquals("delivered", rs.getString("status"));
      assertEquals(98, rs.getLong("n"));
    }
  }

  @Test
  void refusesToStartOnAMissingRoot() {
    SQLException e = assertThrows(SQLException.class, () -> DsapServer.start(Path.of("no/such/folder"), 0));
    assertTrue(e.getMessage().contains("is not an existing folder"), e.getMessage());
  }

  @Test
  void connectionsShareOneEngineSoASecondConnectionDetectsNothingAgain(@TempDir Path tmp) throws Exception {
    Path root = ServerFixture.dataRoot(tmp);
    long remoteCount;
    long remoteMax;
    long firstConnection;
    long secondConnection;
    try (DsapServer server = DsapServer.start(root, 0)) {
      long before = ReadMetrics.bytesSampled();
      try (Connection c = DriverManager.getConnection(server.clientUrl());
          ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM orders")) {
        rs.next();
        remoteCount = rs.getLong(1);
      }
      firstConnection = ReadMetrics.bytesSampled() - before;
      before = ReadMetrics.bytesSampled();
      try (Connection c = DriverManager.getConnection(server.clientUrl());
          ResultSet rs = c.createStatement().executeQuery("SELECT max(order_id) FROM orders")) {
        rs.next();
        remoteMax = rs.getLong(1);
      }
      secondConnection = ReadMetrics.bytesSampled() - before;
    }
    // listing a folder sniffs each file's first bytes for its format; detecting its schema reads far more
    assertTrue(secondConnection < firstConnection, "the second connection detected the schema again: read "
        + secondConnection + " bytes, the first " + firstConnection);
    try (Connection c = DriverManager.getConnection("jdbc:dsap:" + root.toAbsolutePath());
        ResultSet rs = c.createStatement().executeQuery("SELECT count(*), max(order_id) FROM orders")) {
      rs.next();
      assertEquals(rs.getLong(1), remoteCount);
      assertEquals(rs.getLong(2), remoteMax);
    }
  }
}
