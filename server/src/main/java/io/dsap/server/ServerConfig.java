package io.dsap.server;

import io.dsap.server.auth.Role;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a dsap server is started with, checked once and then immutable. {@link #builder()}
 * starts from the defaults (127.0.0.1:8765, no users file, no TLS); {@link Builder#build()}
 * refuses a configuration that would expose data without authentication.
 */
public final class ServerConfig {
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8765;

  /** How clients prove who they are. */
  public enum Authentication { NONE, BASIC, DIGEST }

  /**
   * Limits that protect the server from one statement or one user. A query timeout, row limit or
   * file size limit of 0 means none.
   */
  public record Limits(Duration queryTimeout, long maxResultRows, long maxFileSize, int maxConcurrentStatements,
      Duration idleTimeout) {
    public static final Limits DEFAULTS = new Limits(Duration.ofMinutes(5), 1_000_000, 10L << 30, 16,
        Duration.ofMinutes(10));

    public Limits {
      if (queryTimeout == null || queryTimeout.isNegative()) {
        throw new ConfigException("server.limits.query_timeout must be a duration (0 for none), got " + queryTimeout);
      }
      if (idleTimeout == null || idleTimeout.isZero() || idleTimeout.isNegative()) {
        throw new ConfigException("server.limits.idle_timeout must be a positive duration, got " + idleTimeout);
      }
      if (maxResultRows < 0) {
        throw new ConfigException("server.limits.max_rows must be 0 (no limit) or more, got " + maxResultRows);
      }
      if (maxFileSize < 0) {
        throw new ConfigException("server.limits.max_file_size must be 0 (no limit) or more, got " + maxFileSize);
      }
      if (maxConcurrentStatements <= 0) {
        throw new ConfigException("server.limits.max_statements_per_user must be positive, got "
            + maxConcurrentStatements);
      }
    }

    public Limits withQueryTimeout(Duration d) {
      return new Limits(d, maxResultRows, maxFileSize, maxConcurrentStatements, idleTimeout);
    }

    public Limits withMaxResultRows(long n) {
      return new Limits(queryTimeout, n, maxFileSize, maxConcurrentStatements, idleTimeout);
    }

    public Limits withMaxFileSize(long n) {
      return new Limits(queryTimeout, maxResultRows, n, maxConcurrentStatements, idleTimeout);
    }

    public Limits withMaxConcurrentStatements(int n) {
      return new Limits(queryTimeout, maxResultRows, maxFileSize, n, idleTimeout);
    }

    public Limits withIdleTimeout(Duration d) {
      return new Limits(queryTimeout, maxResultRows, maxFileSize, maxConcurrentStatements, d);
    }
  }

  /** TLS: the server's key and certificate in a keystore. */
  public record Tls(Path keystore, String keystorePassword, String keystoreType) {
    public Tls {
      Objects.requireNonNull(keystore, "keystore is null");
      Objects.requireNonNull(keystorePassword, "keystore password is null");
      keystoreType = keystoreType == null || keystoreType.isBlank() ? "PKCS12" : keystoreType;
    }

    @Override
    public String toString() {
      return "Tls[keystore=" + keystore + ", type=" + keystoreType + ", password=****]";
    }
  }

  private final String host;
  private final int port;
  private final Map<String, Path> roots;
  private final Path outputRoot;
  private final Path registry;
  private final io.dsap.engine.config.Settings settings;
  private final boolean metrics;
  private final Path usersFile;
  private final Authentication authentication;
  private final Tls tls;
  private final Map<String, Role> roles;
  private final Limits limits;
  private final Path auditLog;
  private final Duration shutdownGrace;

  private ServerConfig(Builder b) {
    this.host = b.host;
    this.port = b.port;
    this.roots = Collections.unmodifiableMap(new LinkedHashMap<>(b.roots));
    this.outputRoot = b.outputRoot;
    this.registry = b.registry;
    this.settings = b.settings;
    this.metrics = b.metrics;
    this.usersFile = b.usersFile;
    this.authentication = b.authentication != null ? b.authentication
        : b.usersFile != null ? Authentication.BASIC : Authentication.NONE;
    this.tls = b.tls;
    Map<String, Role> r = new LinkedHashMap<>(Role.BUILT_IN);
    r.putAll(b.roles);
    this.roles = Collections.unmodifiableMap(r);
    this.limits = b.limits;
    this.auditLog = b.auditLog;
    this.shutdownGrace = b.shutdownGrace;
  }

  public static Builder builder() {
    return new Builder();
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  /** The data roots by name, in configured order; the first is the default. */
  public Map<String, Path> roots() {
    return roots;
  }

  /** Where {@code CREATE TABLE out."..." AS} writes; null: {@code <root>/out} of each root. */
  public Path outputRoot() {
    return outputRoot;
  }

  /** The schema registry folder; null: {@code <root>/.dsap/registry} of each root. */
  public Path registry() {
    return registry;
  }

  /** The settings connections start from (null: each connection loads dsap.yaml, .env, DSAP_*). */
  public io.dsap.engine.config.Settings settings() {
    return settings;
  }

  /** Whether {@code /metrics} is served. */
  public boolean metrics() {
    return metrics;
  }

  public Path usersFile() {
    return usersFile;
  }

  public Authentication authentication() {
    return authentication;
  }

  public Tls tls() {
    return tls;
  }

  /** Roles by name: the built-in {@code reader}, {@code writer} and {@code admin}, plus configured ones. */
  public Map<String, Role> roles() {
    return roles;
  }

  public Limits limits() {
    return limits;
  }

  /** The audit file (one JSON line per statement); null: the {@code dsap.audit} logger. */
  public Path auditLog() {
    return auditLog;
  }

  public Duration shutdownGrace() {
    return shutdownGrace;
  }

  /** Whether the server listens on the loopback interface only. */
  public boolean loopbackOnly() {
    return isLoopback(host);
  }

  static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "ServerConfig[host=" + host + ", port=" + port + ", roots=" + roots + ", outputRoot=" + outputRoot
        + ", usersFile=" + usersFile + ", authentication=" + authentication + ", tls=" + tls + ", roles="
        + roles.keySet() + ", limits=" + limits + ", auditLog=" + auditLog + "]";
  }

  /** Collects settings; {@link #build()} checks them together. */
  public static final class Builder {
    private String host = DEFAULT_HOST;
    private int port = DEFAULT_PORT;
    private final Map<String, Path> roots = new LinkedHashMap<>();
    private Path outputRoot;
    private Path registry;
    private io.dsap.engine.config.Settings settings;
    private boolean metrics = true;
    private Path usersFile;
    private Authentication authentication;
    private Tls tls;
    private final Map<String, Role> roles = new LinkedHashMap<>();
    private Limits limits = Limits.DEFAULTS;
    private Path auditLog;
    private Duration shutdownGrace = Duration.ofSeconds(30);

    private Builder() {}

    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host is null").trim();
      return this;
    }

    /** The port; 0 picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new ConfigException("server.port must be between 0 and 65535, got " + port);
      }
      this.port = port;
      return this;
    }

    /** Adds a data root; its name is the folder's name. */
    public Builder root(Path folder) {
      Path abs = folder.toAbsolutePath().normalize();
      Path name = abs.getFileName();
      return root(name == null ? "data" : name.toString(), folder);
    }

    /** Adds a data root under {@code name}, which clients pass as the connection property {@code root}. */
    public Builder root(String name, Path folder) {
      String n = Objects.requireNonNull(name, "root name is null").trim();
      if (!n.matches("[A-Za-z0-9_.-]+")) {
        throw new ConfigException("root name '" + name + "' may only hold letters, digits, '_', '.' and '-'");
      }
      if (roots.containsKey(n)) {
        throw new ConfigException("two data roots are named '" + n + "'; give each root its own name"
            + " (server.roots.<name>: <folder>)");
      }
      roots.put(n, Objects.requireNonNull(folder, "root folder is null"));
      return this;
    }

    public Builder outputRoot(Path folder) {
      this.outputRoot = folder;
      return this;
    }

    public Builder registry(Path folder) {
      this.registry = folder;
      return this;
    }

    public Builder settings(io.dsap.engine.config.Settings s) {
      this.settings = s;
      return this;
    }

    public Builder metrics(boolean serve) {
      this.metrics = serve;
      return this;
    }

    public Builder usersFile(Path file) {
      this.usersFile = file;
      return this;
    }

    /** BASIC or DIGEST (default BASIC when a users file is set, NONE otherwise). */
    public Builder authentication(Authentication a) {
      this.authentication = a;
      return this;
    }

    public Builder tls(Tls tls) {
      this.tls = tls;
      return this;
    }

    public Builder role(Role role) {
      roles.put(role.name(), role);
      return this;
    }

    public Builder roles(Iterable<Role> roles) {
      roles.forEach(this::role);
      return this;
    }

    public Builder limits(Limits limits) {
      this.limits = Objects.requireNonNull(limits, "limits is null");
      return this;
    }

    public Builder auditLog(Path file) {
      this.auditLog = file;
      return this;
    }

    public Builder shutdownGrace(Duration d) {
      this.shutdownGrace = Objects.requireNonNull(d, "shutdown grace is null");
      return this;
    }

    /** The configuration; fails with a message that names the setting to change. */
    public ServerConfig build() {
      if (roots.isEmpty()) {
        throw new ConfigException("no data root: start the server with --root DIR, or set server.roots");
      }
      for (Map.Entry<String, Path> e : roots.entrySet()) {
        if (!Files.isDirectory(e.getValue())) {
          throw new ConfigException("data root '" + e.getKey() + "' (" + e.getValue() + ") is not an existing"
              + " folder");
        }
      }
      Authentication auth = authentication != null ? authentication
          : usersFile != null ? Authentication.BASIC : Authentication.NONE;
      if (auth != Authentication.NONE && usersFile == null) {
        throw new ConfigException("server.authentication is " + auth.name().toLowerCase(Locale.ROOT) + " but no"
            + " users file is set: set server.users_file and add users with `dsap server add-user NAME`");
      }
      if (auth != Authentication.NONE && !Files.isRegularFile(usersFile)) {
        throw new ConfigException("users file " + usersFile + " does not exist: create it with `dsap server"
            + " add-user NAME --users-file " + usersFile + "`");
      }
      if (auth == Authentication.NONE && !isLoopback(host)) {
        throw new ConfigException("refusing to listen on " + host + " without authentication: anyone who can"
            + " reach this machine could read every file under the data roots. Set server.users_file (add users"
            + " with `dsap server add-user NAME`) to require a password, or listen on 127.0.0.1.");
      }
      if (tls != null && !Files.isRegularFile(tls.keystore())) {
        throw new ConfigException("TLS keystore " + tls.keystore() + " does not exist (server.tls.keystore)");
      }
      List<String> unknown = new ArrayList<>();
      for (Role r : roles.values()) {
        for (String root : r.roots()) {
          if (!root.equals(Role.ALL_ROOTS) && !roots.containsKey(root)) {
            unknown.add("role '" + r.name() + "' names root '" + root + "'");
          }
        }
      }
      if (!unknown.isEmpty()) {
        throw new ConfigException(String.join("; ", unknown) + ", but the configured roots are " + roots.keySet());
      }
      return new ServerConfig(this);
    }
  }
}
