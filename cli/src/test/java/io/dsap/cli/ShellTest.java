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
}
