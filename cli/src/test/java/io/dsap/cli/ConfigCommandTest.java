package io.dsap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dsap config show|check and the settings layers as the command line sees them. */
class ConfigCommandTest {
  @TempDir
  Path dir;

  /** The show output as key -> "value | source" lines, from CSV. */
  private static Map<String, String[]> rows(String csv) {
    Map<String, String[]> m = new java.util.LinkedHashMap<>();
    for (String line : csv.split("\\R")) {
      if (line.isEmpty() || line.startsWith("key,")) {
        continue;
      }
      String[] cells = line.split(",", 3);
      m.put(cells[0], Arrays.copyOfRange(cells, 1, 3));
    }
    return m;
  }

  @Test
  void showsEveryKeyWithItsValueAndSourceEachLayerOverridingTheOneBefore() throws IOException {
    Path root = TestData.orders(Files.createDirectories(dir.resolve("data")));
    // the data root's dsap.yaml, then --config, then .env is not here, then the environment, then options
    Files.writeString(root.resolve("dsap.yaml"), "log:\n  level: error\nserver:\n  port: 9001\n  host: localhost\n");
    Path config = Files.writeString(dir.resolve("prod.yaml"), "# production\nserver:\n  port: 9002\n");
    Map<String, String> env = Map.of("DSAP_LOG_LEVEL", "info", "DSAP_SERVER_TLS_KEYSTORE_PASSWORD", "hunter2",
        "DSAP_SERVER_LIMITS_MAX_ROWS", "500");

    Cli.Result r = Cli.runWithEnv(env, "--root", root.toString(), "--config", config.toString(),
        "--log-level", "debug", "config", "show", "--format", "csv");

    assertEquals(0, r.exitCode(), r::toString);
    Map<String, String[]> show = rows(r.out());
    assertEquals(List.of(root.toString(), "option --root"), List.of(show.get("root")));
    assertEquals(List.of("debug", "option --log-level"), List.of(show.get("log.level")), "option beats env");
    assertEquals(List.of("9002", config + ":3"), List.of(show.get("server.port")), "--config beats root file");
    assertEquals(List.of("localhost", root.resolve("dsap.yaml") + ":5"), List.of(show.get("server.host")));
    assertEquals(List.of("500", "env DSAP_SERVER_LIMITS_MAX_ROWS"), List.of(show.get("server.limits.max_rows")));
    assertEquals(List.of("****", "env DSAP_SERVER_TLS_KEYSTORE_PASSWORD"),
        List.of(show.get("server.tls.keystore_password")));
    assertEquals(List.of("1", "default"), List.of(show.get("quality.weights.validity")));
    assertFalse(r.out().contains("hunter2"), "a secret is never printed");
    assertEquals(io.dsap.engine.config.SettingKeys.all().size(), show.size(), "every key, once");
  }

  @Test
  void dsapSettingsTableShowsWhatConfigShowShows() throws IOException {
    Path root = TestData.orders(dir);
    Files.writeString(root.resolve("dsap.yaml"), "registry: reg\nquality:\n  weights:\n    validity: 3\n");
    Map<String, String> env = Map.of("DSAP_SERVER_TLS_KEYSTORE_PASSWORD", "hunter2", "DSAP_PROGRESS", "never");
    String[] common = {"--root", root.toString(), "--log-format", "json"};

    Cli.Result show = Cli.runWithEnv(env, concat(common, "config", "show", "--format", "csv"));
    Cli.Result sql = Cli.runWithEnv(env, concat(common, "sql", "--format", "csv",
        "SELECT \"key\", \"value\", source FROM dsap.settings"));

    assertEquals(0, show.exitCode(), show::toString);
    assertEquals(0, sql.exitCode(), sql::toString);
    assertEquals(show.out(), sql.out());
    assertTrue(sql.out().contains("registry," + root.resolve("reg") + "," + root.resolve("dsap.yaml") + ":1"),
        sql::toString);
    assertFalse(sql.out().contains("hunter2"));
  }

  @Test
  void theRegistrySettingMovesTheRegistry() throws IOException {
    Path root = TestData.orders(dir);
    Path elsewhere = dir.resolve("shared-registry");
    Cli.Result r = Cli.runWithEnv(Map.of("DSAP_REGISTRY", elsewhere.toString()), "--root", root.toString(),
        "schema", "register", "orders", "orders.csv");
    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(Files.isDirectory(elsewhere.resolve("orders")), "the schema was written under " + elsewhere);
    assertFalse(Files.exists(root.resolve(".dsap/registry/orders")));
  }

  @Test
  void badValueInAFileFailsWithFileLineKeyAndAllowedValues() throws IOException {
    Path config = Files.writeString(dir.resolve("dsap.yaml"), "server:\n  port: 0\n");
    Cli.Result r = Cli.runWithEnv(Map.of(), "--config", config.toString(), "config", "check");
    assertEquals(2, r.exitCode(), r::toString);
    assertTrue(r.err().contains(config + ":2: setting server.port = '0' is not valid (out of range): expected a"
        + " whole number from 1 to 65535"), r::toString);
    assertFalse(r.err().contains("internal error"), r::toString);
  }

  @Test
  void unknownKeysAndVariablesAreNamedWithTheNearestKnownOne() throws IOException {
    Path config = Files.writeString(dir.resolve("dsap.yaml"), "log:\n  levle: info\n");
    Cli.Result r = Cli.runWithEnv(Map.of(), "--config", config.toString(), "config", "show");
    assertEquals(2, r.exitCode(), r::toString);
    assertTrue(r.err().contains(config + ":2: unknown setting 'log.levle'. Did you mean log.level"), r::toString);

    r = Cli.runWithEnv(Map.of("DSAP_PROGRES", "never"), "config", "show");
    assertEquals(2, r.exitCode(), r::toString);
    assertTrue(r.err().contains("env DSAP_PROGRES: unknown setting 'DSAP_PROGRES'. Did you mean DSAP_PROGRESS?"),
        r::toString);

    r = Cli.runWithEnv(Map.of(), "--log-level", "loud", "config", "show");
    assertEquals(2, r.exitCode(), r::toString);
    assertTrue(r.err().contains("option --log-level: setting log.level = 'loud' is not valid"), r::toString);
    assertTrue(r.err().contains("expected one of error, warn, info, debug, trace, off"), r::toString);
  }

  @Test
  void checkPassesOnAGoodConfigurationAndNamesWhatIsMissing() throws IOException {
    Cli.Result ok = Cli.runWithEnv(Map.of(), "--root", dir.toString(), "config", "check");
    assertEquals(0, ok.exitCode(), ok::toString);
    assertTrue(ok.out().startsWith("configuration OK: "), ok::toString);

    Path config = Files.writeString(dir.resolve("server.yaml"),
        "server:\n  host: 0.0.0.0\n  tls:\n    keystore: missing.p12\n");
    Cli.Result bad = Cli.runWithEnv(Map.of(), "--root", dir.resolve("nope").toString(), "--config",
        config.toString(), "config", "check");
    assertEquals(2, bad.exitCode(), bad::toString);
    assertTrue(bad.err().contains("option --root: root " + dir.resolve("nope") + " is not an existing folder"),
        bad::toString);
    assertTrue(bad.err().contains(config + ":4: server.tls.keystore names " + dir.resolve("missing.p12")
        + ", which is not a file"), bad::toString);
    assertTrue(bad.err().contains(config + ":2: server.host 0.0.0.0 is not loopback"), bad::toString);
  }

  @Test
  void dotenvInTheWorkingDirectoryIsALayer() throws IOException {
    // the working directory of the tests is the cli module: no dsap.yaml or .env there to interfere
    assertFalse(Files.exists(Path.of(".env")) || Files.exists(Path.of("dsap.yaml")));
    Path root = Files.createDirectories(dir.resolve("d"));
    Files.writeString(root.resolve(".env"), "DSAP_LOG_FORMAT=json\nDSAP_SERVER_PORT=7000\n");
    Cli.Result r = Cli.runWithEnv(Map.of("DSAP_SERVER_PORT", "7001"), "--root", root.toString(), "config", "show",
        "--format", "csv");
    Map<String, String[]> show = rows(r.out());
    assertEquals(List.of("json", root.resolve(".env") + ":1"), List.of(show.get("log.format")));
    assertEquals(List.of("7001", "env DSAP_SERVER_PORT"), List.of(show.get("server.port")), "env beats .env");
  }

  static String[] concat(String[] a, String... b) {
    String[] r = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }
}
