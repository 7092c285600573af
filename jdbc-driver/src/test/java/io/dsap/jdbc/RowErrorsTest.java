package io.dsap.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsap.engine.error.DsapException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dsap function failing while rows are produced reaches the JDBC caller as an SQLException. */
class RowErrorsTest {
  @TempDir
  Path dir;

  Connection c;

  @BeforeEach
  void open() throws IOException, SQLException {
    Files.writeString(dir.resolve("checks.csv"), "id,val,fmt\n1,a@b.org,email\n2,10.0.0.1,ipv4\n3,x,nonsense\n");
    c = DriverManager.getConnection("jdbc:dsap:" + dir);
  }

  @AfterEach
  void close() throws SQLException {
    c.close();
  }

  @Test
  void badArgumentFailsExecuteQueryWithSqlException() throws SQLException {
    // ORDER BY computes every row inside executeQuery
    for (String sql : List.of("SELECT try_decimal(val, 2, 5) FROM checks ORDER BY 1",
        "SELECT COUNT(*) FROM checks WHERE try_decimal(val, 2, 5) IS NULL")) {
      try (Statement s = c.createStatement()) {
        SQLException e = assertThrows(SQLException.class, () -> s.executeQuery(sql));
        assertTrue(e.getMessage().contains("try_decimal(s, p, s): argument s is 5; the scale must be between 0 and"
            + " the precision (2)"), e.getMessage());
        // Avatica wraps failures inside executeQuery itself and keeps the cause, but sets no SQLState
        assertInstanceOf(DsapException.class, dsapCause(e), sql);
      }
    }
  }

  @Test
  void badArgumentToAConstantCallFailsNextWithSqlException() throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT try_decimal('1', 2, 5)")) {
      SQLException e = assertThrows(SQLException.class, rs::next);
      assertEquals("DSAP-1006: try_decimal(s, p, s): argument s is 5; the scale must be between 0 and the precision (2)",
          e.getMessage());
      assertEquals("DSAP-1006", e.getSQLState());
      assertEquals(1006, e.getErrorCode());
      assertInstanceOf(DsapException.class, e.getCause());
    }
  }

  @Test
  void failureOnALaterRowOfAPreparedStatementFailsNextWithSqlException() throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT id, matches_format(val, fmt) FROM checks WHERE id >= ?")) {
      ps.setInt(1, 2);
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        assertEquals(2, rs.getInt(1));
        SQLException e = assertThrows(SQLException.class, rs::next);
        assertEquals("DSAP-1006", e.getSQLState());
        assertTrue(e.getMessage().contains("argument format is 'nonsense'"), e.getMessage());
      }
    }
  }

  @Test
  void failureOnALaterRowFailsNextWithSqlException() throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, matches_format(val, fmt) FROM checks")) {
      assertTrue(rs.next());
      assertEquals(1, rs.getInt(1));
      assertTrue(rs.getBoolean(2));
      assertTrue(rs.next());
      assertTrue(rs.getBoolean(2));
      SQLException e = assertThrows(SQLException.class, rs::next);
      assertTrue(e.getMessage().contains("matches_format(s, format): argument format is 'nonsense'"), e.getMessage());
      assertTrue(e.getMessage().contains("expected one of"), e.getMessage());
      assertEquals("DSAP-1006", e.getSQLState());
      assertInstanceOf(DsapException.class, e.getCause());
    }
  }

  private static Throwable dsapCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DsapException) {
        return t;
      }
    }
    return e;
  }
}
