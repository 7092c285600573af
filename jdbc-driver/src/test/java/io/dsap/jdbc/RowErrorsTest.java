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
        assertInstanceOf(DsapException.class, dsapCause(e), sql);
        assertEquals("DSAP-1006", e.getSQLState(), sql);
        assertEquals(1006, e.getErrorCode(), sql);
      }
    }
  }

  @Test
  void failureWhileAPreparedStatementExecutesKeepsTheDsapStateInItsCause() throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT try_decimal(val, 2, ?) FROM checks ORDER BY 1")) {
      ps.setInt(1, 5);
      // Avatica wraps it once more here, with no SQLState (a PreparedStatement's path has no
      // dsap hook); the stated exception is the cause
      SQLException e = assertThrows(SQLException.class, ps::executeQuery);
      assertTrue(e.getMessage().contains("DSAP-1006: try_decimal(s, p, s): argument s is 5"), e.getMessage());
      assertEquals("DSAP-1006", assertInstanceOf(SQLException.class, e.getCause()).getSQLState());
    }
  }

  @Test
  void unknownColumnOrTableIsASyntaxOrAccessError() throws SQLException {
    try (Statement s = c.createStatement()) {
      SQLException column = assertThrows(SQLException.class, () -> s.executeQuery("SELECT no_such FROM checks"));
      assertEquals("42000", column.getSQLState());
      assertTrue(column.getMessage().startsWith("Error while executing SQL \"SELECT no_such FROM checks\": From line 1,"),
          column.getMessage());
      assertTrue(column.getMessage().contains("Column 'no_such' not found"), column.getMessage());
      SQLException table = assertThrows(SQLException.class, () -> s.execute("SELECT * FROM no_such_table"));
      assertEquals("42000", table.getSQLState());
      SQLException parse = assertThrows(SQLException.class, () -> s.executeQuery("SELEC 1"));
      assertEquals("42000", parse.getSQLState());
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
