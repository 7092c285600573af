package io.dsap.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsap.server.auth.PasswordHash;
import io.dsap.server.auth.UserAccount;
import io.dsap.server.auth.UsersFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DIGEST, TLS and the users file, on a real server. */
class AuthenticationTest {
  @TempDir
  Path tmp;

  @Test
  void theUsersFileHoldsHashesNeverPasswords() throws Exception {
    Path users = ServerFixture.usersFile(tmp, true);
    String text = Files.readString(users);
    assertFalse(text.contains(ServerFixture.ALICE_PASSWORD), text);
    UserAccount alice = UsersFile.read(users).get("alice");
    assertEquals(List.of("reader"), alice.roles());
    assertTrue(PasswordHash.verify(ServerFixture.ALICE_PASSWORD.toCharArray(), alice.passwordHash()));
    assertFalse(PasswordHash.verify("alice-secret-2".toCharArray(), alice.passwordHash()));
    assertTrue(alice.digestHa1().startsWith("MD5:"));
    // a second add-user of the same name replaces the line
    assertTrue(UsersFile.put(users, ServerFixture.account("alice", "new-password", false, "writer")));
    assertEquals(List.of("writer"), UsersFile.read(users).get("alice").roles());
    assertEquals(2, UsersFile.read(users).size());
  }

  @Test
  void digestAuthenticationWorksForUsersAddedWithADigestHash() throws Exception {
    Path users = ServerFixture.usersFile(tmp, true);
    UsersFile.put(users, ServerFixture.account("dave", "dave-secret", false, "reader"));
    try (DsapServer server = DsapServer.start(ServerConfig.builder().root(ServerFixture.dataRoot(tmp))
        .usersFile(users).authentication(ServerConfig.Authentication.DIGEST).port(0).build())) {
      try (Connection c = ServerFixture.connect(server, "alice", ServerFixture.ALICE_PASSWORD);
          ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM orders")) {
        assertTrue(rs.next());
      }
      Exception wrong = assertThrows(Exception.class,
          () -> ServerFixture.connect(server, "alice", "wrong").createStatement().executeQuery("SELECT 1"));
      assertTrue(SecurityTest.describe(wrong).contains("401"), SecurityTest.describe(wrong));
      Exception noDigest = assertThrows(Exception.class,
          () -> ServerFixture.connect(server, "dave", "dave-secret").createStatement().executeQuery("SELECT 1"));
      assertTrue(SecurityTest.describe(noDigest).contains("401"), SecurityTest.describe(noDigest));
    }
  }

  @Test
  void tlsWithAKeystore() throws Exception {
    Path keystore = tmp.resolve("server.p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "dsap", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
        "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
        "-keystore", keystore.toString(), "-storepass", "changeit", "-keypass", "changeit")
        .redirectErrorStream(true).start();
    String out = new String(keytool.getInputStream().readAllBytes());
    assertEquals(0, keytool.waitFor(), out);
    try (DsapServer server = DsapServer.start(ServerConfig.builder().root(ServerFixture.dataRoot(tmp))
        .usersFile(ServerFixture.usersFile(tmp, false))
        .tls(new ServerConfig.Tls(keystore, "changeit", "PKCS12")).port(0).build())) {
      assertTrue(server.clientUrl().contains("https://127.0.0.1:"), server.clientUrl());
      String url = server.clientUrl() + ";authentication=BASIC;avatica_user=alice;avatica_password="
          + ServerFixture.ALICE_PASSWORD + ";truststore=" + keystore + ";truststore_password=changeit"
          + ";truststore_type=PKCS12";
      try (Connection c = DriverManager.getConnection(url, new Properties());
          ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM orders")) {
        assertTrue(rs.next());
      }
      // plain HTTP gets no answer from the TLS port (Avatica's client would retry forever: use a plain client)
      java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
          .connectTimeout(java.time.Duration.ofSeconds(10)).build();
      java.net.http.HttpRequest plain = java.net.http.HttpRequest.newBuilder(
          java.net.URI.create("http://127.0.0.1:" + server.port() + "/")).timeout(java.time.Duration.ofSeconds(30))
          .POST(java.net.http.HttpRequest.BodyPublishers.ofString("x")).build();
      try {
        int status = http.send(plain, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode();
        assertEquals(400, status, "plain HTTP to the TLS port");
      } catch (java.io.IOException expected) {
        // the TLS port closed the plain connection
      }
    }
  }

  @Test
  void refusesToListenBeyondLoopbackWithoutAuthenticationAndSaysWhy() throws Exception {
    Path root = ServerFixture.dataRoot(tmp);
    ConfigException e = assertThrows(ConfigException.class,
        () -> ServerConfig.builder().root(root).host("0.0.0.0").build());
    assertTrue(e.getMessage().startsWith("refusing to listen on 0.0.0.0 without authentication"), e.getMessage());
    assertTrue(e.getMessage().contains("dsap server add-user"), e.getMessage());
    ServerConfig ok = ServerConfig.builder().root(root).host("0.0.0.0").usersFile(ServerFixture.usersFile(tmp, false))
        .build();
    assertEquals(ServerConfig.Authentication.BASIC, ok.authentication());
    assertTrue(ServerConfig.builder().root(root).host("localhost").build().loopbackOnly());
  }
}
