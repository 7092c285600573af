package io.dsap.server;

import io.dsap.server.auth.PasswordHash;
import io.dsap.server.auth.UserAccount;
import io.dsap.server.auth.UsersFile;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;

/** Real files, a users file and helpers to reach a real server on loopback. */
final class ServerFixture {
  static final Path EXAMPLES = Path.of("../examples");
  static final String ALICE_PASSWORD = "alice-secret-1";
  static final String BOB_PASSWORD = "bob-secret-2";

  private ServerFixture() {}

  /** A data root with the example orders and a secret file next to (outside) it. */
  static Path dataRoot(Path tmp) throws IOException {
    Path root = Files.createDirectories(tmp.resolve("data"));
    Files.copy(EXAMPLES.resolve("orders.csv"), root.resolve("orders.csv"));
    Files.writeString(tmp.resolve("secret.csv"), "token\ntop-secret-value\n");
    return root;
  }

  /** alice reads (role reader), bob writes (role writer). */
  static Path usersFile(Path tmp, boolean digest) throws IOException {
    Path users = tmp.resolve("conf/users");
    UsersFile.put(users, account("alice", ALICE_PASSWORD, digest, "reader"));
    UsersFile.put(users, account("bob", BOB_PASSWORD, digest, "writer"));
    return users;
  }

  static UserAccount account(String name, String password, boolean digest, String... roles) {
    return new UserAccount(name, PasswordHash.pbkdf2(password.toCharArray()),
        digest ? PasswordHash.digestHa1(name, password.toCharArray()) : null, List.of(roles));
  }

  static Connection connect(DsapServer server, String user, String password) throws SQLException {
    return connect(server, user, password, new Properties());
  }

  static Connection connect(DsapServer server, String user, String password, Properties extra)
      throws SQLException {
    Properties p = new Properties();
    p.putAll(extra);
    String url = server.clientUrl();
    if (user != null) {
      url += ";authentication=" + server.config().authentication().name() + ";avatica_user=" + user
          + ";avatica_password=" + password;
    }
    return DriverManager.getConnection(url, p);
  }

  static HttpResponse<String> get(DsapServer server, String path) throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
