package io.dsap.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsap.engine.config.Settings;
import io.dsap.server.auth.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dsap.yaml's server.* keys become the server's configuration. */
class ServerSettingsTest {
  @TempDir
  Path tmp;

  @Test
  void aDsapYamlConfiguresTheServer() throws Exception {
    Path sales = Files.createDirectories(tmp.resolve("sales"));
    Path hr = Files.createDirectories(tmp.resolve("hr"));
    Path users = ServerFixture.usersFile(tmp, true);
    Path yaml = tmp.resolve("dsap.yaml");
    Files.writeString(yaml, String.join("\n",
        "root: " + sales + "," + hr,
        "server:",
        "  host: 0.0.0.0",
        "  port: 9999",
        "  users_file: " + users,
        "  authentication: digest",
        "  roles: sales_reader=sales; editor=sales|hr+write",
        "  limits:",
        "    query_timeout: 30s",
        "    max_rows: 5000",
        "    max_file_size: 1MB",
        "    max_statements_per_user: 3",
        "    idle_timeout: 2m",
        ""));
    Settings settings = Settings.loader().environment(Map.of()).workingDir(tmp).userConfigDir(tmp.resolve("none"))
        .configFile(yaml).load();
    ServerConfig c = ServerSettings.builder(settings).build();
    assertEquals("0.0.0.0", c.host());
    assertEquals(9999, c.port());
    assertEquals(List.of("sales", "hr"), List.copyOf(c.roots().keySet()));
    assertEquals(ServerConfig.Authentication.DIGEST, c.authentication());
    assertEquals(new Role("sales_reader", List.of("sales"), false), c.roles().get("sales_reader"));
    assertEquals(new Role("editor", List.of("sales", "hr"), true), c.roles().get("editor"));
    assertEquals(new ServerConfig.Limits(Duration.ofSeconds(30), 5000, 1L << 20, 3, Duration.ofMinutes(2)),
        c.limits());
    assertEquals(sales.resolve(".dsap/audit.log"), c.auditLog());
  }

  @Test
  void aRoleNamingAnUnknownRootIsRefused() throws Exception {
    ConfigException e = assertThrows(ConfigException.class, () -> ServerConfig.builder()
        .root(ServerFixture.dataRoot(tmp)).roles(ServerSettings.roles("x=nowhere")).build());
    assertTrue(e.getMessage().contains("role 'x' names root 'nowhere', but the configured roots are [data]"),
        e.getMessage());
    assertThrows(ConfigException.class, () -> ServerSettings.roles("no-equals-sign"));
  }
}
