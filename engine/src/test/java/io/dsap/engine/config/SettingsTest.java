package io.dsap.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsap.engine.config.SettingSource.Layer;
import io.dsap.engine.error.DsapException;
import io.dsap.engine.quality.QualityWeights;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
  @TempDir
  Path tmp;

  private Settings.Loader loader(Path wd) {
    return Settings.loader().workingDir(wd).userConfigDir(null).environment(Map.of());
  }

  @Test
  void defaultsComeFromTheCatalogue() {
    Settings s = loader(tmp).load();
    assertEquals(List.of(tmp), s.roots());
    assertEquals(tmp.resolve("out"), s.outputRoot());
    assertEquals(tmp.resolve(".dsap/registry"), s.registry());
    assertEquals(QualityWeights.EQUAL, s.qualityWeights());
    assertEquals("warn", s.logLevel());
    assertEquals("text", s.logFormat());
    assertEquals("auto", s.progress());
    assertEquals("127.0.0.1", s.serverHost());
    assertEquals(8765, s.serverPort());
    assertEquals(Duration.ofMinutes(5), s.serverQueryTimeout());
    assertEquals(10L << 30, s.serverMaxFileSize());
    assertEquals(1_000_000L, s.serverMaxRows());
    assertEquals(16, s.serverMaxStatementsPerUser());
    assertTrue(s.serverUsersFile().isEmpty());
    assertTrue(s.serverTlsKeystorePassword().isEmpty());
    assertEquals(tmp.resolve(".dsap/audit.log"), s.serverAuditLog());
    assertTrue(s.serverMetrics());
    for (SettingValue v : s.values()) {
      assertEquals(Layer.DEFAULT, v.source().layer(), v.key().name());
    }
    assertEquals(SettingKeys.all().size(), s.values().size());
  }

  /**
   * Eight layers, eight keys: layer i sets keys i..8, so key i keeps the value of layer i. Each layer therefore
   * overrides every layer before it, and each key reports the layer that won.
   */
  @Test
  void eachLayerOverridesTheOnesBeforeItAndTheSourceSaysWhich() throws IOException {
    List<SettingKey> keys = List.of(SettingKeys.WEIGHT_COMPLETENESS, SettingKeys.WEIGHT_VALIDITY,
        SettingKeys.WEIGHT_CONSISTENCY, SettingKeys.WEIGHT_UNIQUENESS, SettingKeys.SERVER_PORT,
        SettingKeys.SERVER_MAX_ROWS, SettingKeys.SERVER_MAX_STATEMENTS_PER_USER, SettingKeys.SERVER_MAX_FILE_SIZE);
    Path user = Files.createDirectories(tmp.resolve("user"));
    Path wd = Files.createDirectories(tmp.resolve("wd"));
    Path root = Files.createDirectories(tmp.resolve("data"));
    Files.writeString(user.resolve("dsap.yaml"), yaml(keys, 1));
    Files.writeString(wd.resolve("dsap.yaml"), yaml(keys, 2));
    Files.writeString(root.resolve("dsap.yaml"), yaml(keys, 3));
    Path explicit = Files.writeString(tmp.resolve("explicit.yaml"), yaml(keys, 4));
    Files.writeString(wd.resolve(".env"), "# dotenv\nOTHER_TOOL=x\n" + env(keys, 5, "\n"));
    Map<String, String> environment = new java.util.HashMap<>();
    Properties props = new Properties();
    props.setProperty("lex", "MYSQL_ANSI"); // not a setting: left alone
    Settings.Loader loader = Settings.loader().workingDir(wd).userConfigDir(user).folder(root)
        .configFile(explicit);
    for (int j = 5; j < 8; j++) {
      environment.put(keys.get(j).envName(), String.valueOf(106 + j - 5 + 1));
    }
    for (int j = 5; j < 8; j++) {
      environment.put(keys.get(j).envName(), "106");
    }
    for (int j = 6; j < 8; j++) {
      props.setProperty(keys.get(j).name(), "107");
    }
    loader.environment(environment).connection(props).flag(keys.get(7), "108", "--max-file-size");
    Settings s = loader.load();

    List<Layer> expectedLayers = List.of(Layer.FILE, Layer.FILE, Layer.FILE, Layer.FILE, Layer.DOTENV,
        Layer.ENVIRONMENT, Layer.CONNECTION, Layer.CLI);
    List<String> expectedWhere = List.of(user.resolve("dsap.yaml") + ":1", wd.resolve("dsap.yaml") + ":2",
        root.resolve("dsap.yaml") + ":3", explicit + ":4", wd.resolve(".env") + ":3", keys.get(5).envName(),
        keys.get(6).name(), "--max-file-size");
    for (int i = 0; i < keys.size(); i++) {
      SettingValue v = s.value(keys.get(i));
      assertEquals(String.valueOf(101 + i), v.text(), keys.get(i).name());
      assertEquals(expectedLayers.get(i), v.source().layer(), keys.get(i).name());
      assertEquals(expectedWhere.get(i), v.source().where(), keys.get(i).name());
    }
    assertEquals(105, s.serverPort());
    assertEquals(108L, s.serverMaxFileSize());
    assertEquals(new QualityWeights(101, 102, 103, 104), s.qualityWeights());
    // named function arguments come last
    Settings call = s.withArguments(Map.of("quality.weights.completeness", "9"), "quality_report");
    assertEquals(9.0, call.qualityWeights().completeness());
    assertEquals("argument quality_report(quality.weights.completeness)",
        call.source(SettingKeys.WEIGHT_COMPLETENESS).toString());
    assertEquals(101.0, s.qualityWeights().completeness(), "immutable: the original is unchanged");
  }

  /** Layer n sets keys n-1 .. end to 100 + n, one per line, in the given layer's syntax. */
  private static String yaml(List<SettingKey> keys, int layer) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < layer - 1; i++) {
      sb.append("# padding\n"); // so key (layer - 1) sits on line `layer`
    }
    for (int j = layer - 1; j < keys.size(); j++) {
      sb.append(keys.get(j).name()).append(": ").append(100 + layer).append('\n');
    }
    return sb.toString();
  }

  private static String env(List<SettingKey> keys, int layer, String sep) {
    StringBuilder sb = new StringBuilder();
    for (int j = layer - 1; j < keys.size(); j++) {
      sb.append(keys.get(j).envName()).append('=').append(100 + layer).append(sep);
    }
    return sb.toString();
  }

  @Test
  void nestedYamlListsAndPathsRelativeToTheFile() throws IOException {
    Path conf = Files.createDirectories(tmp.resolve("conf"));
    Path file = Files.writeString(conf.resolve("dsap.yaml"), """
        root: [data, /srv/reference]
        registry: reg
        log:
          level: INFO
          format: json
        server:
          host: 0.0.0.0
          limits:
            query_timeout: 30s
            max_file_size: 500MB
          tls:
            keystore: server.p12
            keystore_password: "s3cret"
        """);
    Settings s = loader(tmp).configFile(file).load();
    assertEquals(List.of(conf.resolve("data"), Path.of("/srv/reference")), s.roots());
    assertEquals(conf.resolve("reg"), s.registry());
    assertEquals("info", s.logLevel());
    assertEquals("json", s.logFormat());
    assertEquals("0.0.0.0", s.serverHost());
    assertEquals(Duration.ofSeconds(30), s.serverQueryTimeout());
    assertEquals(500L << 20, s.serverMaxFileSize());
    assertEquals(conf.resolve("server.p12"), s.serverTlsKeystore().orElseThrow());
    assertEquals("s3cret", s.serverTlsKeystorePassword().orElseThrow());
    SettingValue secret = s.value(SettingKeys.SERVER_TLS_KEYSTORE_PASSWORD);
    assertEquals("****", secret.display());
    assertFalse(s.toString().contains("s3cret"));
    assertEquals(file + ":13", secret.source().where());
    assertEquals(conf.resolve("data").resolve("out"), s.outputRoot());
  }

  @Test
  void unknownKeyNamesFileLineAndTheNearestKey() throws IOException {
    Path file = Files.writeString(tmp.resolve("dsap.yaml"), "log:\n  level: info\nserver:\n  prot: 9000\n");
    DsapException e = assertThrows(DsapException.class, () -> loader(tmp).load());
    assertTrue(msg(e).startsWith(file + ":4: unknown setting 'server.prot'. Did you mean server.port"),
        e.getMessage());
    assertTrue(e.getMessage().contains("server.limits.max_rows"), "lists the known keys: " + e.getMessage());
  }

  @Test
  void badValuesNameKeySourceAndWhatIsAllowed() throws IOException {
    Path file = Files.writeString(tmp.resolve("dsap.yaml"), "server:\n  port: 99999\n");
    DsapException e = assertThrows(DsapException.class, () -> loader(tmp).load());
    assertEquals("DSAP-1006: " + file + ":2: setting server.port = '99999' is not valid (out of range): expected a whole number"
        + " from 1 to 65535. Example: server.port: 8765 (env DSAP_SERVER_PORT; see docs/configuration.md).",
        e.getMessage());

    Files.delete(file);
    e = assertThrows(DsapException.class, () -> loader(tmp).environment(Map.of("DSAP_LOG_LEVEL", "loud")).load());
    assertTrue(msg(e).startsWith("env DSAP_LOG_LEVEL: setting log.level = 'loud' is not valid"),
        e.getMessage());
    assertTrue(e.getMessage().contains("expected one of error, warn, info, debug, trace, off"), e.getMessage());

    e = assertThrows(DsapException.class, () -> loader(tmp).flag(SettingKeys.SERVER_QUERY_TIMEOUT, "soon",
        "--query-timeout").load());
    assertTrue(msg(e).startsWith("option --query-timeout: setting server.limits.query_timeout = 'soon'"),
        e.getMessage());
    assertTrue(e.getMessage().contains("500ms, 30s, 5m"), e.getMessage());

    e = assertThrows(DsapException.class, () -> loader(tmp).flag(SettingKeys.SERVER_PORT, "", "--port").load());
    assertTrue(e.getMessage().contains("(it needs a value)"), e.getMessage());
  }

  @Test
  void unknownEnvironmentVariableSuggestsTheRightOneLauncherVariablesAreFine() throws IOException {
    Settings ok = loader(tmp).environment(Map.of("DSAP_JAVA_OPTS", "-Xmx1g", "DSAP_NO_BUILD", "1",
        "DSAP_HOME", "h")).load();
    assertEquals(tmp.resolve("h"), ok.home());
    DsapException e = assertThrows(DsapException.class,
        () -> loader(tmp).environment(Map.of("DSAP_LOG_LEVLE", "info")).load());
    assertTrue(msg(e).startsWith("env DSAP_LOG_LEVLE: unknown setting 'DSAP_LOG_LEVLE'. Did you mean"
        + " DSAP_LOG_LEVEL"), e.getMessage());

    Path dotenv = Files.writeString(tmp.resolve(".env"), "PATH_ELSEWHERE=1\n\nDSAP_SERVER_METRICS=maybe\n");
    e = assertThrows(DsapException.class, () -> loader(tmp).load());
    assertTrue(msg(e).startsWith(dotenv + ":3: setting server.metrics = 'maybe' is not valid"),
        e.getMessage());
  }

  @Test
  void brokenYamlAndMissingConfigFileAreClear() throws IOException {
    Path file = Files.writeString(tmp.resolve("broken.yaml"), "server:\n  port: [1, \n");
    DsapException e = assertThrows(DsapException.class, () -> loader(tmp).configFile(file).load());
    assertTrue(msg(e).startsWith(file + ":"), e.getMessage());
    assertTrue(e.getMessage().contains("not valid YAML"), e.getMessage());

    e = assertThrows(DsapException.class, () -> loader(tmp).configFile(Path.of("nope.yaml")).load());
    assertTrue(e.getMessage().contains("configuration file 'nope.yaml' not found"), e.getMessage());

    Path list = Files.writeString(tmp.resolve("list.yaml"), "- a\n- b\n");
    e = assertThrows(DsapException.class, () -> loader(tmp).configFile(list).load());
    assertEquals("DSAP-1006: " + list + ":1: the file must be a map of settings (key: value), not a list", e.getMessage());
  }

  @Test
  void valueSyntaxes() {
    Settings s = loader(tmp).flag(SettingKeys.SERVER_QUERY_TIMEOUT, "PT2M", "-t")
        .flag(SettingKeys.SERVER_MAX_FILE_SIZE, "2gb", "-s").flag(SettingKeys.SERVER_METRICS, "off", "-m")
        .flag(SettingKeys.SERVER_MAX_ROWS, "1_000", "-r").flag(SettingKeys.ROOT, "a, b", "--root").load();
    assertEquals(Duration.ofMinutes(2), s.serverQueryTimeout());
    assertEquals(2L << 30, s.serverMaxFileSize());
    assertFalse(s.serverMetrics());
    assertEquals(1000, s.serverMaxRows());
    assertEquals(List.of(tmp.resolve("a"), tmp.resolve("b")), s.roots());
    assertEquals(tmp.resolve("a") + "," + tmp.resolve("b"), s.value(SettingKeys.ROOT).text());
  }

  /** The message without the error code in front. */
  private static String msg(DsapException e) {
    return e.getMessage().substring(e.code().label().length() + 2);
  }

  @Test
  void catalogueIsComplete() {
    for (SettingKey k : SettingKeys.all()) {
      assertFalse(k.description().isBlank(), k.name());
      assertFalse(k.example().isBlank(), k.name());
      assertTrue(k.envName().matches("DSAP_[A-Z_]+"), k.envName());
      assertEquals(k, SettingKeys.findByEnv(k.envName()));
    }
  }
}
