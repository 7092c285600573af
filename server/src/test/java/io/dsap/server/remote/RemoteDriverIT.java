package io.dsap.server.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsap.jdbc.DsapDriver;
import io.dsap.server.DsapServer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.apache.calcite.avatica.jdbc.JdbcMeta;
import org.apache.calcite.avatica.remote.Driver.Serialization;
import org.apache.calcite.avatica.remote.LocalService;
import org.apache.calcite.avatica.server.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The remote driver's presets and errors, through the shaded jar: reconnection after a server
 * restart, a clear error when nothing listens or the URL lacks the address, and user/password
 * arriving as HTTP credentials.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemoteDriverIT {
  ShadedDriver jar;

  @BeforeAll
  void load() throws Exception {
    jar = new ShadedDriver();
  }

  @AfterAll
  void unload() throws Exception {
    jar.close();
  }

  @Test
  void reconnectsTransparentlyAfterAServerRestart() throws Exception {
    Path root = TestFiles.examples();
    DsapServer first = DsapServer.start(root, 0);
    int port = first.port();
    String url = "jdbc:dsap:remote:url=http://127.0.0.1:" + port;
    Connection c = jar.connect(url, new Properties());
    Connection noRetry = jar.connect(url + ";transparent_reconnection=false", new Properties());
    try {
      assertEquals(237, count(c));
      assertEquals(237, count(noRetry));
      first.close(); // the new server knows neither connection
      try (DsapServer second = DsapServer.start(root, port)) {
        assertEquals(237, count(c), "the preset reconnects");
        // without the preset Avatica fails ("Remote driver error", a RuntimeException)
        assertThrows(Exception.class, () -> count(noRetry));
        c.close();
      }
    } finally {
      closeQuietly(noRetry); // its server-side connection is gone: closing it fails
      closeQuietly(c);
      closeQuietly(first);
    }
  }

  static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception ignored) {
      // already closed or already gone
    }
  }

  @Test
  void saysWhenNothingListens() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    SQLException e = assertThrows(SQLException.class,
        () -> jar.connect("jdbc:dsap:remote:url=http://127.0.0.1:" + port, new Properties()));
    assertTrue(e.getMessage().startsWith("Cannot reach the dsap server at http://127.0.0.1:" + port), e.getMessage());
    assertEquals("08001", e.getSQLState());
  }

  @Test
  void asksForTheAddress() {
    SQLException e = assertThrows(SQLException.class, () -> jar.connect("jdbc:dsap:remote:", new Properties()));
    assertTrue(e.getMessage().contains("jdbc:dsap:remote:url=http://"), e.getMessage());
  }

  @Test
  void shorthandUrlWorks() throws Exception {
    try (DsapServer server = DsapServer.start(TestFiles.examples(), 0);
        Connection c = jar.connect("jdbc:dsap:remote:http://127.0.0.1:" + server.port(), new Properties())) {
      assertEquals(237, count(c));
      assertEquals("dsap", c.getMetaData().getDatabaseProductName());
    }
  }

  /** user and password (what DBeaver's connection dialog sets) reach a BASIC-protected server. */
  @Test
  void userAndPasswordBecomeHttpCredentials() throws Exception {
    Path dir = Files.createTempDirectory("dsap-auth");
    Path realm = dir.resolve("users.properties");
    Files.writeString(realm, "alice: s3cret,users\n");
    JdbcMeta meta = new JdbcMeta(DsapDriver.PREFIX + TestFiles.examples());
    HttpServer http = new HttpServer.Builder<>()
        .withHandler(new LocalService(meta), Serialization.PROTOBUF)
        .withBasicAuthentication(realm.toString(), new String[] {"users"})
        .withPort(0)
        .build();
    http.start();
    try {
      String url = "jdbc:dsap:remote:url=http://127.0.0.1:" + http.getPort();
      Properties good = new Properties();
      good.setProperty("user", "alice");
      good.setProperty("password", "s3cret");
      try (Connection c = jar.connect(url, good)) {
        assertEquals(237, count(c));
      }
      Properties bad = new Properties();
      bad.setProperty("user", "alice");
      bad.setProperty("password", "wrong");
      SQLException e = assertThrows(SQLException.class, () -> jar.connect(url, bad));
      assertTrue(e.getMessage().contains("refused the credentials (HTTP 401)"), e.getMessage());
      SQLException none = assertThrows(SQLException.class, () -> jar.connect(url, new Properties()));
      assertTrue(none.getMessage().contains("HTTP 401"), none.getMessage());
    } finally {
      http.stop();
    }
  }

  static long count(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM orders")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
