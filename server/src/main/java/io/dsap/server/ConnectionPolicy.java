package io.dsap.server;

import io.dsap.jdbc.DsapProperty;
import io.dsap.server.auth.Caller;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns the properties a remote client sends with its connection into the properties the server
 * opens the engine connection with. Only detection options, the name of a data root and a lower
 * query timeout may come from the client; everything that decides what the server reads, writes
 * or runs (root folders, model, schemaFactory, fun, lex, parserFactory, output_root, read_only,
 * ...) is set here, from the configuration and the caller's roles.
 */
final class ConnectionPolicy {
  /** Client property naming the data root to connect to (by its configured name, never a path). */
  static final String ROOT = "root";
  /** Client property lowering the query timeout of the connection's statements. */
  static final String QUERY_TIMEOUT = "query_timeout";

  /** Properties a client may set: how files are read, which root, a shorter timeout. */
  static final Set<String> CLIENT_SETTABLE = Set.of(
      DsapProperty.DELIMITER.key(), DsapProperty.QUOTE.key(), DsapProperty.ESCAPE.key(),
      DsapProperty.HEADER.key(), DsapProperty.SKIP.key(), DsapProperty.TYPES.key(),
      DsapProperty.ALL_VARCHAR.key(), DsapProperty.NULLSTR.key(), DsapProperty.SAMPLE_SIZE.key(),
      DsapProperty.ENCODING.key(), DsapProperty.COMMENT.key(), DsapProperty.NULL_PADDING.key(),
      ROOT, QUERY_TIMEOUT);

  /** Sent by every Avatica client with the credentials it authenticated with; never used. */
  private static final Set<String> CLIENT_CREDENTIALS = Set.of("user", "password");

  private final ServerConfig config;

  ConnectionPolicy(ServerConfig config) {
    this.config = config;
  }

  /** What the engine connection is opened with, and the settings the server keeps for it. */
  record Opened(Properties properties, String rootName, Duration queryTimeout) {}

  /** Checks the client's properties against the allowlist and the caller's roles. */
  Opened open(Caller caller, Map<String, String> clientProperties) {
    Properties props = new Properties();
    String rootName = null;
    Duration timeout = config.limits().queryTimeout();
    List<String> refused = new ArrayList<>();
    for (Map.Entry<String, String> e : clientProperties.entrySet()) {
      String key = e.getKey().toLowerCase(Locale.ROOT);
      if (CLIENT_CREDENTIALS.contains(key)) {
        continue;
      }
      if (!CLIENT_SETTABLE.contains(key)) {
        refused.add(e.getKey());
      } else if (key.equals(ROOT)) {
        rootName = e.getValue() == null ? null : e.getValue().trim();
      } else if (key.equals(QUERY_TIMEOUT)) {
        Duration asked;
        try {
          asked = Durations.parse(e.getValue(), QUERY_TIMEOUT);
        } catch (ConfigException bad) {
          throw ClientErrors.error(bad.getMessage(), io.dsap.engine.error.ErrorCode.INVALID_OPTION.code(),
              io.dsap.engine.error.ErrorCode.INVALID_OPTION.label());
        }
        timeout = timeout.isZero() || asked.compareTo(timeout) < 0 ? asked : timeout; // lower, never higher
      } else {
        props.setProperty(key, e.getValue());
      }
    }
    if (!refused.isEmpty()) {
      throw ClientErrors.permission("connection properties " + new TreeSet<>(refused) + " are set by the server"
          + " and cannot be sent by a client. A client may set only " + new TreeSet<>(CLIENT_SETTABLE) + ".");
    }
    String chosen = chooseRoot(caller, rootName);
    Path folder = config.roots().get(chosen);
    props.setProperty(DsapProperty.ROOT.key(), folder.toString());
    Path out = config.outputRoot() != null ? config.outputRoot() : folder.resolve("out");
    props.setProperty(DsapProperty.OUTPUT_ROOT.key(), out.toString());
    props.setProperty(DsapProperty.READ_ONLY.key(), Boolean.toString(!caller.write()));
    if (config.registry() != null) {
      props.setProperty("registry", config.registry().toString());
    }
    return new Opened(props, chosen, timeout);
  }

  private String chooseRoot(Caller caller, String asked) {
    if (caller.readableRoots().isEmpty()) {
      throw ClientErrors.permission("user '" + caller.user() + "' may read no data root: their roles "
          + caller.roles() + " grant none. Ask the administrator to give the user a role (server.roles).");
    }
    if (asked == null || asked.isEmpty()) {
      for (String name : config.roots().keySet()) {
        if (caller.readableRoots().contains(name)) {
          return name;
        }
      }
    }
    if (!caller.readableRoots().contains(asked)) {
      // the same answer for "no such root" and "not yours": root names are not disclosed to others
      throw ClientErrors.permission("no data root '" + asked + "' that user '" + caller.user() + "' may read."
          + " Roots you may read: " + new TreeSet<>(caller.readableRoots()) + ".");
    }
    return asked;
  }
}
