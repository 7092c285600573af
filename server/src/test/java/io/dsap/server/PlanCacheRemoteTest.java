package io.dsap.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Through the server, the engine connection behind a remote one reuses plans (ADR-32) and still
 * answers from the files as they are now; a client cannot turn the cache off or on.
 */
class PlanCacheRemoteTest {
  @Test
  void repeatedRemoteQueriesFollowTheFiles(@TempDir Path tmp) throws Exception {
    Path root = Files.createDirectories(tmp.resolve("data"));
    Path t = root.resolve("t.csv");
    Files.writeString(t, "id,name\n1,x\n");
    try (DsapServer server = DsapServer.start(root, 0);
        Connection c = DriverManager.getConnection(server.clientUrl())) {
      assertEquals(List.of("1|x"), rows(c, "SELECT * FROM t"));
      assertEquals(List.of("1|x"), rows(c, "SELECT * FROM t"));

      Files.writeString(t, "id,name,extra\n1,x,y\n2,z,w\n");
      assertEquals(List.of("1|x|y", "2|z|w"), rows(c, "SELECT * FROM t"));

      SQLException missing = assertThrows(SQLException.class, () -> rows(c, "SELECT * FROM added"));
      assertTrue(missing.getMessage().contains("added"), missing.getMessage());
      Files.writeString(root.resolve("added.csv"), "k\n7\n");
      assertEquals(List.of("7"), rows(c, "SELECT * FROM added"));

      try (PreparedStatement p = c.prepareStatement("SELECT count(*) FROM t WHERE id > ?")) {
        p.setInt(1, 0);
        assertEquals(List.of("2"), rows(p));
        p.setInt(1, 1);
        assertEquals(List.of("1"), rows(p));
      }
    }
  }

  @Test
  void aClientCannotSetThePlanCache(@TempDir Path tmp) throws Exception {
    Path root = Files.createDirectories(tmp.resolve("data"));
    Files.writeString(root.resolve("t.csv"), "id\n1\n");
    try (DsapServer server = DsapServer.start(root, 0)) {
      Properties p = new Properties();
      p.setProperty("plan_cache", "off");
      Exception e = assertThrows(Exception.class,
          () -> DriverManager.getConnection(server.clientUrl(), p).createStatement().executeQuery("SELECT 1"));
      assertTrue(e.getMessage().contains("plan_cache") && e.getMessage().contains("cannot be sent by a client"),
          e.getMessage());
    }
  }

  private static List<String> rows(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return rows(rs);
    }
  }

  private static List<String> rows(PreparedStatement p) throws SQLException {
    try (ResultSet rs = p.executeQuery()) {
      return rows(rs);
    }
  }

  private static List<String> rows(ResultSet rs) throws SQLException {
    List<String> out = new ArrayList<>();
    int n = rs.getMetaData().getColumnCount();
    while (rs.next()) {
      StringBuilder row = new StringBuilder();
      for (int i = 1; i <= n; i++) {
        row.append(i > 1 ? "|" : "").append(rs.getString(i));
      }
      out.add(row.toString());
    }
    return out;
  }
}
