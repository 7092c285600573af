package io.dsap.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Over JDBC, a CSV file that scanned clean is answered from the clean-file memo, and a file
 * rewritten with a bad value in a column the query does not read has that row rejected again:
 * {@code count(*)} and {@code GROUP BY} give what they give with the memo off.
 */
class CleanCsvMemoTest {
  private static final int ROWS = 2000;

  @TempDir
  Path dir;

  @Test
  void answersAreTheSameWithTheMemoOnAndOffBeforeAndAfterTheFileChanges() throws IOException, SQLException {
    Path f = dir.resolve("orders.csv");
    write(f, -1);
    List<String> clean = answers();
    assertEquals(List.of("count " + ROWS, "a " + ROWS / 2 + " " + 7 * ROWS / 2, "b " + ROWS / 2 + " " + 7 * ROWS / 2),
        clean);
    assertEquals(clean, answers(), "again, from the memo");
    assertEquals(clean, memoOff());

    // the same size, a later time: qty of one "b" row is no number now, and no query reads qty
    FileTime before = Files.getLastModifiedTime(f);
    write(f, 501);
    Files.setLastModifiedTime(f, FileTime.fromMillis(before.toMillis() + 2000));
    List<String> dirty = answers();
    assertEquals(List.of("count " + (ROWS - 1), "a " + ROWS / 2 + " " + 7 * ROWS / 2,
        "b " + (ROWS / 2 - 1) + " " + 7 * (ROWS / 2 - 1)), dirty);
    assertEquals(dirty, answers(), "a dirty file is never trusted");
    assertEquals(dirty, memoOff());
  }

  private List<String> memoOff() throws SQLException {
    System.setProperty("dsap.csv.clean_memo", "off");
    try {
      return answers();
    } finally {
      System.clearProperty("dsap.csv.clean_memo");
    }
  }

  /** count(*) reads no column; the GROUP BY reads grp and price, not qty. */
  private List<String> answers() throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:dsap:" + dir); Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM orders")) {
        rs.next();
        out.add("count " + rs.getLong(1));
      }
      try (ResultSet rs = s.executeQuery("SELECT grp, count(*), sum(price) FROM orders GROUP BY grp ORDER BY grp")) {
        while (rs.next()) {
          out.add(rs.getString(1) + " " + rs.getLong(2) + " " + rs.getBigDecimal(3).stripTrailingZeros().toPlainString());
        }
      }
    }
    return out;
  }

  /** Rows with qty 7 and price 7.00; row {@code bad} (0-based, or -1) has qty "x". */
  private static void write(Path f, int bad) throws IOException {
    StringBuilder s = new StringBuilder("id,grp,qty,price,note\n");
    for (int i = 0; i < ROWS; i++) {
      s.append(i).append(',').append(i % 2 == 0 ? "a" : "b").append(',').append(i == bad ? "x" : "7")
          .append(",7.00,").append(i % 3 == 0 ? "\"q, \"\"r\"\"\"" : "plain").append('\n');
    }
    Files.writeString(f, s);
  }
}
