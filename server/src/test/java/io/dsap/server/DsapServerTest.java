package io.dsap.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

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
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
  }
}
