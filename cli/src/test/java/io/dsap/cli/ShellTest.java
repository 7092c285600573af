package io.dsap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sqlline shell starts, connects, runs a statement and quits (input piped instead of typed). */
class ShellTest {
  @TempDir
  Path home;
  @TempDir
  Path root;

  @AfterEach
  void forgetHome() {
    System.clearProperty(SqlShell.HOME_PROPERTY);
  }

  @Test
  void runsPipedStatementsAndQuits() throws Exception {
    System.setProperty(SqlShell.HOME_PROPERTY, home.toString());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    TestData.orders(root);
    byte[] input = "SELECT max(id) AS answer FROM orders;\n!quit\n".getBytes(StandardCharsets.UTF_8);

    int exit = SqlShell.run("jdbc:dsap:" + root, home, new ByteArrayInputStream(input),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    String printed = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, exit, printed + err);
    assertTrue(printed.contains("answer") && printed.contains("333"), printed + err);
    assertTrue(Files.isDirectory(home), "history and settings live under " + home);
  }

  /** sqlline completes from the metadata's function lists and table names: dsap's functions must be in them. */
  @Test
  void shellConnectionsOfferDsapFunctionsAndTablesForCompletion() throws Exception {
    TestData.orders(root);
    try (java.sql.Connection db = ShellConnections.withCompletion(
        java.sql.DriverManager.getConnection("jdbc:dsap:" + root))) {
      java.util.List<String> functions = java.util.List.of(db.getMetaData().getSystemFunctions().split(","));
      for (String f : java.util.List.of("validate", "profile", "read_csv", "detect_schema", "file_info")) {
        assertTrue(functions.stream().anyMatch(f::equalsIgnoreCase), f + " in " + functions);
      }
      try (java.sql.ResultSet tables = db.getMetaData().getTables(null, "files", "%", null)) {
        assertTrue(tables.next(), "tables are listed");
        assertEquals("orders", tables.getString("TABLE_NAME"));
      }
    }
  }
}
