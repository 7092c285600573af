package io.dsap.engine.config;

import io.dsap.engine.config.SettingSource.Layer;
import io.dsap.engine.config.SettingsFiles.Raw;
import io.dsap.engine.error.DsapException;
import io.dsap.engine.error.ErrorCode;
import io.dsap.engine.quality.QualityWeights;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * dsap's effective configuration: one value for every key of {@link SettingKeys}, each with its source. Immutable;
 * built by {@link #loader()} from the layers in DESIGN.md order, later wins: built-in defaults, dsap.yaml, .env,
 * {@code DSAP_*} environment variables, connection properties or command-line flags, and (per call)
 * named function arguments through {@link #withArguments}.
 *
 * <p>A key the catalogue does not know, or a value its type rejects, fails with the key, where it was written
 * (file:line, variable or option) and what is allowed.
 */
public final class Settings {
  /** The file name looked for in the configuration folders. */
  public static final String FILE_NAME = "dsap.yaml";
  public static final String DOTENV_NAME = ".env";

  private final Map<SettingKey, SettingValue> values;

  private Settings(Map<SettingKey, SettingValue> values) {
    this.values = values;
  }

  /** The built-in defaults only; relative default paths are resolved against the working directory. */
  public static Settings defaults() {
    return defaults(Path.of("").toAbsolutePath());
  }

  private static Settings defaults(Path workingDir) {
    Map<SettingKey, SettingValue> m = new LinkedHashMap<>();
    for (SettingKey k : SettingKeys.all()) {
      m.put(k, parse(k, k.defaultValue(), SettingSource.DEFAULT, workingDir));
    }
    return new Settings(m);
  }

  public static Loader loader() {
    return new Loader();
  }

  /**
   * These settings with a function's named arguments on top: {@code args} maps key names to values; keys the
   * catalogue does not know fail.
   */
  public Settings withArguments(Map<String, String> args, String function) {
    List<Raw> raws = new ArrayList<>();
    args.forEach((k, v) -> raws.add(new Raw(k, v, new SettingSource(Layer.ARGUMENT, function + "(" + k + ")"),
        Path.of("").toAbsolutePath())));
    return apply(raws);
  }

  /**
   * These settings with the connection properties named like a key on top ({@code root}, {@code registry} ...),
   * except those that hold the value already: a URL built from these settings does not take their sources away.
   */
  public Settings withConnection(Properties props) {
    Path wd = Path.of("").toAbsolutePath();
    List<Raw> raws = new ArrayList<>();
    for (Raw raw : Loader.connectionRaws(props, wd)) {
      SettingKey key = SettingKeys.find(raw.key());
      if (!java.util.Objects.equals(parse(key, raw.text(), raw.source(), wd).value(), values.get(key).value())) {
        raws.add(raw);
      }
    }
    return apply(raws);
  }

  private Settings apply(List<Raw> raws) {
    if (raws.isEmpty()) {
      return this;
    }
    Map<SettingKey, SettingValue> m = new LinkedHashMap<>(values);
    for (Raw raw : raws) {
      SettingKey key = raw.source().layer() == Layer.ENVIRONMENT || raw.source().layer() == Layer.DOTENV
          ? SettingKeys.findByEnv(raw.key()) : SettingKeys.find(raw.key());
      if (key == null) {
        throw unknown(raw);
      }
      m.put(key, parse(key, raw.text(), raw.source(), raw.base()));
    }
    return new Settings(m);
  }

  private static SettingValue parse(SettingKey key, String text, SettingSource source, Path base) {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty()) {
      if (key.optional()) {
        return new SettingValue(key, "", null, source);
      }
      throw invalid(key, text, source, "it needs a value");
    }
    try {
      Object value = key.type().parse(t, key, base);
      String canonical = switch (key.type()) {
        case PATH, ENUM -> value.toString();
        case PATHS -> String.join(",", ((List<?>) value).stream().map(Object::toString).toList());
        default -> t;
      };
      return new SettingValue(key, canonical, value, source);
    } catch (IllegalArgumentException e) {
      throw invalid(key, text, source, e.getMessage());
    }
  }

  private static DsapException invalid(SettingKey key, String text, SettingSource source, String reason) {
    String shown = key.secret() ? SettingValue.MASK : text;
    return new DsapException(ErrorCode.INVALID_OPTION, source + ": setting " + key.name() + " = '" + shown
        + "' is not valid (" + reason + "): expected " + key.expected() + ". Example: " + key.name() + ": "
        + key.example() + " (env " + key.envName() + "; see docs/configuration.md).");
  }

  private static DsapException unknown(Raw raw) {
    boolean env = raw.source().layer() == Layer.ENVIRONMENT || raw.source().layer() == Layer.DOTENV;
    String name = env && raw.key().startsWith("DSAP_")
        ? raw.key().substring(5).toLowerCase(Locale.ROOT).replace('_', '.') : raw.key();
    List<String> similar = SettingKeys.similar(name);
    String hint = similar.isEmpty() ? "" : " Did you mean " + String.join(" or ", similar.stream()
        .map(s -> env ? SettingKeys.find(s).envName() : s).toList()) + "?";
    return new DsapException(ErrorCode.INVALID_OPTION, raw.source() + ": unknown setting '" + raw.key() + "'."
        + hint + " Known settings: " + String.join(", ", SettingKeys.all().stream().map(SettingKey::name).toList())
        + " (docs/configuration.md).");
  }

  // --- generic access

  /** The value of every key, in catalogue order. */
  public List<SettingValue> values() {
    return List.copyOf(values.values());
  }

  public SettingValue value(SettingKey key) {
    return values.get(key);
  }

  /** The value of the key named {@code name}; fails naming the known keys when there is none. */
  public SettingValue value(String name) {
    SettingKey key = SettingKeys.find(name);
    if (key == null) {
      throw unknown(new Raw(name, "", new SettingSource(Layer.ARGUMENT, "lookup"), null));
    }
    return values.get(key);
  }

  public SettingSource source(SettingKey key) {
    return values.get(key).source();
  }

  @SuppressWarnings("unchecked")
  private <T> T get(SettingKey key) {
    return (T) values.get(key).value();
  }

  // --- typed getters

  /** The data roots, absolute; never empty. */
  public List<Path> roots() {
    return get(SettingKeys.ROOT);
  }

  /** The first data root: the default for the output root, the registry and the audit log. */
  public Path root() {
    return roots().get(0);
  }

  /** The output root: the configured one, else {@code <root>/out}. */
  public Path outputRoot() {
    Path p = get(SettingKeys.OUTPUT_ROOT);
    return p != null ? p : root().resolve("out");
  }

  /** The registry folder: the configured one, else {@code <root>/.dsap/registry}. */
  public Path registry() {
    Path p = get(SettingKeys.REGISTRY);
    return p != null ? p : root().resolve(".dsap").resolve("registry");
  }

  public QualityWeights qualityWeights() {
    return new QualityWeights(get(SettingKeys.WEIGHT_COMPLETENESS), get(SettingKeys.WEIGHT_VALIDITY),
        get(SettingKeys.WEIGHT_CONSISTENCY), get(SettingKeys.WEIGHT_UNIQUENESS));
  }

  /** One of error, warn, info, debug, trace, off. */
  public String logLevel() {
    return get(SettingKeys.LOG_LEVEL);
  }

  /** text or json. */
  public String logFormat() {
    return get(SettingKeys.LOG_FORMAT);
  }

  /** auto, always or never. */
  public String progress() {
    return get(SettingKeys.PROGRESS);
  }

  /** The folder of the SQL shell's history. */
  public Path home() {
    return get(SettingKeys.HOME);
  }

  public String serverHost() {
    return get(SettingKeys.SERVER_HOST);
  }

  public int serverPort() {
    return get(SettingKeys.SERVER_PORT);
  }

  public Optional<Path> serverUsersFile() {
    return Optional.ofNullable(get(SettingKeys.SERVER_USERS_FILE));
  }

  public Optional<Path> serverTlsKeystore() {
    return Optional.ofNullable(get(SettingKeys.SERVER_TLS_KEYSTORE));
  }

  /** The keystore password; never log or print it. */
  public Optional<String> serverTlsKeystorePassword() {
    return Optional.ofNullable(get(SettingKeys.SERVER_TLS_KEYSTORE_PASSWORD));
  }

  /** Longest a remote statement may run; {@link Duration#ZERO} means no limit. */
  public Duration serverQueryTimeout() {
    return get(SettingKeys.SERVER_QUERY_TIMEOUT);
  }

  /** Most rows a remote query returns; 0 means no limit. */
  public long serverMaxRows() {
    return get(SettingKeys.SERVER_MAX_ROWS);
  }

  /** Largest file a remote query may read, in bytes; 0 means no limit. */
  public long serverMaxFileSize() {
    return get(SettingKeys.SERVER_MAX_FILE_SIZE);
  }

  public int serverMaxStatementsPerUser() {
    return get(SettingKeys.SERVER_MAX_STATEMENTS_PER_USER);
  }

  /** The audit log file: the configured one, else {@code <root>/.dsap/audit.log}. */
  public Path serverAuditLog() {
    Path p = get(SettingKeys.SERVER_AUDIT_LOG);
    return p != null ? p : root().resolve(".dsap").resolve("audit.log");
  }

  public boolean serverMetrics() {
    return get(SettingKeys.SERVER_METRICS);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Settings{");
    values.values().forEach(v -> sb.append(v.key().name()).append('=').append(v.display()).append(", "));
    return sb.append('}').toString();
  }

  /**
   * Collects the layers and resolves them in precedence order on {@link #load()}, whatever order they were given
   * in. Configuration folders are searched for dsap.yaml and .env: {@code ~/.config/dsap}, the working directory,
   * then each folder passed to {@link #folder}; {@link #configFile} comes after them and must exist.
   */
  public static final class Loader {
    private Path workingDir = Path.of("").toAbsolutePath();
    private Path userConfigDir = userConfigDir();
    private final List<Path> folders = new ArrayList<>();
    private Path configFile;
    private Map<String, String> environment = System.getenv();
    private final List<Raw> connection = new ArrayList<>();
    private final List<Raw> cli = new ArrayList<>();

    private Loader() {}

    private static Path userConfigDir() {
      String home = System.getProperty("user.home");
      return home == null ? null : Path.of(home, ".config", "dsap");
    }

    /** The folder relative paths are resolved against (default: the process's working directory). */
    public Loader workingDir(Path dir) {
      this.workingDir = dir.toAbsolutePath().normalize();
      return this;
    }

    /** The per-user folder searched first (default {@code ~/.config/dsap}); null to skip it. */
    public Loader userConfigDir(Path dir) {
      this.userConfigDir = dir;
      return this;
    }

    /** Another folder (usually the data root) searched for dsap.yaml and .env after the working directory. */
    public Loader folder(Path dir) {
      if (dir != null) {
        folders.add(dir);
      }
      return this;
    }

    /** An explicit dsap.yaml ({@code --config FILE}, connection property {@code config}); it must exist. */
    public Loader configFile(Path file) {
      this.configFile = file;
      return this;
    }

    /** The environment to read {@code DSAP_*} variables from (default: the process's). */
    public Loader environment(Map<String, String> env) {
      this.environment = Map.copyOf(env);
      return this;
    }

    /**
     * JDBC connection properties: the ones named like a key are settings ({@code root}, {@code output_root},
     * {@code log.level} ...); Calcite's and the format options are not and are left alone.
     */
    public Loader connection(Properties props) {
      connection.addAll(connectionRaws(props, workingDir));
      return this;
    }

    /** The properties that are settings; blank ones mean "not given" (jdbc:dsap:root=;...). */
    static List<Raw> connectionRaws(Properties props, Path workingDir) {
      List<Raw> raws = new ArrayList<>();
      for (String name : new java.util.TreeSet<>(props.stringPropertyNames())) {
        String value = props.getProperty(name);
        if (SettingKeys.find(name) != null && value != null && !value.isBlank()) {
          raws.add(new Raw(name, value, new SettingSource(Layer.CONNECTION, name), workingDir));
        }
      }
      return raws;
    }

    /** A value from a command-line flag; {@code flag} is how the source is shown ({@code --root}). */
    public Loader flag(SettingKey key, String value, String flag) {
      if (value != null) {
        cli.add(new Raw(key.name(), value, new SettingSource(Layer.CLI, flag), workingDir));
      }
      return this;
    }

    public Settings load() {
      List<Path> dirs = new ArrayList<>();
      if (userConfigDir != null) {
        dirs.add(userConfigDir);
      }
      dirs.add(workingDir);
      for (Path f : folders) {
        Path abs = workingDir.resolve(f).normalize();
        if (!dirs.contains(abs)) {
          dirs.add(abs);
        }
      }
      Settings s = defaults(workingDir);
      for (Path dir : dirs) {
        Path file = dir.resolve(FILE_NAME);
        if (Files.isRegularFile(file)) {
          s = s.apply(SettingsFiles.yaml(file));
        }
      }
      if (configFile != null) {
        Path file = workingDir.resolve(configFile);
        if (!Files.isRegularFile(file)) {
          throw new DsapException(ErrorCode.FILE_NOT_FOUND, "configuration file '" + configFile
              + "' not found (looked for '" + file + "'). Give an existing dsap.yaml to --config.");
        }
        s = s.apply(SettingsFiles.yaml(file));
      }
      for (Path dir : dirs) {
        Path file = dir.resolve(DOTENV_NAME);
        if (Files.isRegularFile(file)) {
          s = s.apply(SettingsFiles.dotenv(file));
        }
      }
      s = s.apply(environmentLayer());
      s = s.apply(connection);
      return s.apply(cli);
    }

    private List<Raw> environmentLayer() {
      List<Raw> raws = new ArrayList<>();
      environment.entrySet().stream()
          .filter(e -> e.getKey().startsWith("DSAP_") && !SettingsFiles.LAUNCHER_VARIABLES.contains(e.getKey()))
          .sorted(Map.Entry.comparingByKey())
          .forEach(e -> raws.add(new Raw(e.getKey(), e.getValue(),
              new SettingSource(Layer.ENVIRONMENT, e.getKey()), workingDir)));
      return raws;
    }
  }
}
