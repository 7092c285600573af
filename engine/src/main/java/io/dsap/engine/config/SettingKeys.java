package io.dsap.engine.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * The catalogue of every configuration key: name, type, default, environment name, description, allowed values
 * and whether it is a secret. docs/configuration.md is checked against it; add a key here (one line) and document
 * it there.
 */
public final class SettingKeys {
  private static final LevenshteinDistance LEVENSHTEIN = LevenshteinDistance.getDefaultInstance();
  private static final Map<String, SettingKey> BY_NAME = new LinkedHashMap<>();

  // --- data
  public static final SettingKey ROOT = paths("root", ".",
      "Folders whose files are the tables; the first is the default for everything else.", "data,/srv/reference");
  public static final SettingKey OUTPUT_ROOT = path("output_root",
      "Folder that CREATE TABLE out.\"file\" AS SELECT and dsap data convert write to; empty: <first root>/out.",
      "exports");
  public static final SettingKey REGISTRY = path("registry",
      "Folder of the schema registry; empty: <first root>/.dsap/registry.", "/srv/dsap/registry");

  // --- quality score weights (docs/quality-score.md)
  public static final SettingKey WEIGHT_COMPLETENESS = weight("completeness");
  public static final SettingKey WEIGHT_VALIDITY = weight("validity");
  public static final SettingKey WEIGHT_CONSISTENCY = weight("consistency");
  public static final SettingKey WEIGHT_UNIQUENESS = weight("uniqueness");

  // --- command line
  public static final SettingKey HOME = add(new SettingKey("home", SettingType.PATH, "~/.dsap",
      "Folder of the SQL shell's history and sqlline settings.", List.of(), 0, 0, false, "/tmp/dsap-home"));
  public static final SettingKey LOG_LEVEL = choice("log.level", "warn",
      "Level of dsap's log on stderr.", List.of("error", "warn", "info", "debug", "trace", "off"), "info");
  public static final SettingKey LOG_FORMAT = choice("log.format", "text",
      "Log line format: text for people, json for log collectors (one JSON object per line).",
      List.of("text", "json"), "json");
  public static final SettingKey PROGRESS = choice("progress", "auto",
      "Progress bars on stderr for long work: auto shows them only when stderr is a terminal.",
      List.of("auto", "always", "never"), "never");

  // --- server (dsap serve)
  public static final SettingKey SERVER_HOST = add(new SettingKey("server.host", SettingType.STRING, "127.0.0.1",
      "Address the server binds to; anything but loopback requires users_file.", List.of(), 0, 0, false,
      "0.0.0.0"));
  public static final SettingKey SERVER_PORT = add(new SettingKey("server.port", SettingType.INT, "8765",
      "TCP port of the server.", List.of(), 1, 65535, false, "8765"));
  public static final SettingKey SERVER_USERS_FILE = path("server.users_file",
      "File of users with hashed passwords and roles; required when the server is not on loopback.",
      "/etc/dsap/users.yaml");
  public static final SettingKey SERVER_TLS_KEYSTORE = path("server.tls.keystore",
      "PKCS12 or JKS keystore with the server's certificate; set it to serve HTTPS.", "/etc/dsap/server.p12");
  public static final SettingKey SERVER_TLS_KEYSTORE_PASSWORD = add(new SettingKey("server.tls.keystore_password",
      SettingType.STRING, "", "Password of the keystore (a secret: never printed).", List.of(), 0, 0, true,
      "changeit"));
  public static final SettingKey SERVER_QUERY_TIMEOUT = add(new SettingKey("server.limits.query_timeout",
      SettingType.DURATION, "5m", "Longest a remote statement may run before it is cancelled.", List.of(), 0, 0,
      false, "30s"));
  public static final SettingKey SERVER_MAX_ROWS = add(new SettingKey("server.limits.max_rows", SettingType.LONG,
      "1000000", "Most rows a remote query returns (0 = no limit).", List.of(), 0, Long.MAX_VALUE, false,
      "50000"));
  public static final SettingKey SERVER_MAX_FILE_SIZE = add(new SettingKey("server.limits.max_file_size",
      SettingType.SIZE, "10GB", "Largest file a remote query may read (0 = no limit).", List.of(), 0, 0, false,
      "500MB"));
  public static final SettingKey SERVER_MAX_STATEMENTS_PER_USER = add(new SettingKey(
      "server.limits.max_statements_per_user", SettingType.INT, "16",
      "Most statements one user may have open at a time.", List.of(), 1, Integer.MAX_VALUE, false, "4"));
  public static final SettingKey SERVER_AUDIT_LOG = path("server.audit_log",
      "File the server appends one line per remote query to (who, when, what, how long, rows);"
          + " empty: <first root>/.dsap/audit.log.", "/var/log/dsap/audit.log");
  public static final SettingKey SERVER_METRICS = add(new SettingKey("server.metrics", SettingType.BOOLEAN, "true",
      "Serve Prometheus metrics at /metrics.", List.of(), 0, 0, false, "false"));
  public static final SettingKey SERVER_AUTHENTICATION = choice("server.authentication", "basic",
      "How clients log in when server.users_file is set: basic (PBKDF2 hashes) or digest (needs add-user --digest).",
      List.of("basic", "digest"), "digest");
  public static final SettingKey SERVER_ROLES = add(new SettingKey("server.roles", SettingType.STRING, "",
      "Roles besides reader and writer: name=root|root[+write], separated by ';' (docs/server.md).", List.of(), 0,
      0, false, "sales_reader=sales; sales_editor=sales+write"));
  public static final SettingKey SERVER_IDLE_TIMEOUT = add(new SettingKey("server.limits.idle_timeout",
      SettingType.DURATION, "10m", "Idle connections and unread results are closed after this long.", List.of(), 0,
      0, false, "2m"));
  public static final SettingKey SERVER_SHUTDOWN_GRACE = add(new SettingKey("server.shutdown_grace",
      SettingType.DURATION, "30s", "On shutdown, how long running statements may finish before they are cancelled.",
      List.of(), 0, 0, false, "10s"));

  private SettingKeys() {}

  /** Every key, in catalogue order. */
  public static List<SettingKey> all() {
    return List.copyOf(BY_NAME.values());
  }

  /** The key named {@code name} (case-insensitive), or null. */
  public static SettingKey find(String name) {
    return name == null ? null : BY_NAME.get(name.trim().toLowerCase(Locale.ROOT));
  }

  /** The key whose environment variable is {@code envName}, or null. */
  public static SettingKey findByEnv(String envName) {
    for (SettingKey k : BY_NAME.values()) {
      if (k.envName().equalsIgnoreCase(envName)) {
        return k;
      }
    }
    return null;
  }

  /** Keys whose names look like {@code name} (a typo, or the last part right), best first; for error messages. */
  public static List<String> similar(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    List<Map.Entry<Integer, String>> scored = new ArrayList<>();
    for (String k : BY_NAME.keySet()) {
      int d = LEVENSHTEIN.apply(n, k);
      String last = k.substring(k.lastIndexOf('.') + 1);
      if (d <= 2 || n.endsWith(last) || k.endsWith(n.substring(n.lastIndexOf('.') + 1))) {
        scored.add(Map.entry(d, k));
      }
    }
    scored.sort(Map.Entry.comparingByKey());
    List<String> result = new ArrayList<>();
    for (Map.Entry<Integer, String> e : scored.subList(0, Math.min(3, scored.size()))) {
      result.add(e.getValue());
    }
    return Collections.unmodifiableList(result);
  }


  private static SettingKey add(SettingKey key) {
    if (BY_NAME.put(key.name(), key) != null) {
      throw new IllegalStateException("duplicate setting key " + key.name());
    }
    return key;
  }

  private static SettingKey path(String name, String description, String example) {
    return add(new SettingKey(name, SettingType.PATH, "", description, List.of(), 0, 0, false, example));
  }

  private static SettingKey paths(String name, String defaultValue, String description, String example) {
    return add(new SettingKey(name, SettingType.PATHS, defaultValue, description, List.of(), 0, 0, false, example));
  }

  private static SettingKey choice(String name, String defaultValue, String description, List<String> allowed,
      String example) {
    return add(new SettingKey(name, SettingType.ENUM, defaultValue, description, allowed, 0, 0, false, example));
  }

  private static SettingKey weight(String dimension) {
    return add(new SettingKey("quality.weights." + dimension, SettingType.DOUBLE, "1",
        "Weight of " + dimension + " in the overall quality score (docs/quality-score.md).", List.of(), 0,
        Double.MAX_VALUE, false, "2"));
  }
}
