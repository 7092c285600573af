package io.dsap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsap.server.DsapServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dsap server add-user} and {@code dsap serve}, run as a user runs them, with a real client. */
class ServeCommandTest {
  @TempDir
  Path tmp;

  @Test
  void addUserReadsThePasswordFromStdinAndStoresOnlyHashes() throws Exception {
    Path users = tmp.resolve("users");
    Cli.Result r = Cli.runWithStdin("s3cret-password\n", "server", "add-user", "alice", "--role", "writer",
        "--users-file", users.toString());
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(r.err().contains("added user alice (roles writer)"), r.toString());
    String text = Files.readString(users);
    assertTrue(text.contains("alice: PBKDF2-SHA512:"), text);
    assertFalse(text.contains("s3cret-password"), text);

    Cli.Result shortPassword = Cli.runWithStdin("short\n", "server", "add-user", "bob", "--users-file",
        users.toString());
    assertEquals(2, shortPassword.exitCode(), shortPassword.toString());
    assertTrue(shortPassword.err().contains("at least 8 characters"), shortPassword.toString());
  }

  @Test
  void serveAnswersRemoteClientsWithTheUsersOfItsConfiguration() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("data"));
    Files.copy(Path.of("../examples/orders.csv"), root.resolve("orders.csv"));
    Path users = tmp.resolve("users");
    assertEquals(0, Cli.runWithStdin("alice-password\n", "server", "add-user", "alice", "--users-file",
        users.toString()).exitCode());
    Path config = tmp.resolve("dsap.yaml");
    Files.writeString(config, "server:\n  users_file: " + users + "\n  limits:\n    max_rows: 500\n");
    CompletableFuture<Cli.Result> serving = CompletableFuture.supplyAsync(() -> Cli.runWithEnv(Map.of(),
        "serve", "--root", root.toString(), "--port", "0", "--config", config.toString()));
    DsapServer server = null;
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while ((server = ServeCommand.running()) == null && !serving.isDone() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertNotNull(server, serving.isDone() ? serving.get().toString() : "dsap serve did not start");
    try {
      assertEquals(500, server.config().limits().maxResultRows(), "server.limits.max_rows from --config");
      String url = server.clientUrl() + ";authentication=BASIC;avatica_user=alice;avatica_password=alice-password";
      try (Connection c = DriverManager.getConnection(url);
          ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM orders WHERE status = 'delivered'")) {
        assertTrue(rs.next());
        assertTrue(rs.getLong(1) > 0);
      }
    } finally {
      server.close();
    }
    Cli.Result r = serving.get();
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(r.err().contains("connect with: jdbc:avatica:remote:url=http://127.0.0.1:"), r.toString());
  }
}
