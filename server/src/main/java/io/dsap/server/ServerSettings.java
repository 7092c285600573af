package io.dsap.server;

import io.dsap.engine.config.SettingKey;
import io.dsap.engine.config.SettingKeys;
import io.dsap.engine.config.Settings;
import io.dsap.server.auth.Role;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a server's configuration from dsap's settings (keys {@code root}, {@code output_root},
 * {@code registry} and {@code server.*}; dsap.yaml, .env, DSAP_* and command-line flags, see
 * docs/configuration.md).
 */
public final class ServerSettings {
  private ServerSettings() {}

  /** A builder holding what {@code settings} say; the caller may still change it, then builds. */
  public static ServerConfig.Builder builder(Settings settings) {
    ServerConfig.Builder b = ServerConfig.builder()
        .settings(settings)
        .host(settings.serverHost())
        .port(settings.serverPort())
        .outputRoot(optional(settings, SettingKeys.OUTPUT_ROOT))
        .registry(optional(settings, SettingKeys.REGISTRY))
        .auditLog(settings.serverAuditLog())
        .metrics(settings.serverMetrics())
        .shutdownGrace((Duration) settings.value(SettingKeys.SERVER_SHUTDOWN_GRACE).value())
        .limits(new ServerConfig.Limits(settings.serverQueryTimeout(), settings.serverMaxRows(),
            settings.serverMaxFileSize(), settings.serverMaxStatementsPerUser(),
            (Duration) settings.value(SettingKeys.SERVER_IDLE_TIMEOUT).value()));
    for (Path root : settings.roots()) {
      b.root(root);
    }
    settings.serverUsersFile().ifPresent(users -> {
      b.usersFile(users);
      String auth = (String) settings.value(SettingKeys.SERVER_AUTHENTICATION).value();
      b.authentication(ServerConfig.Authentication.valueOf(auth.toUpperCase(Locale.ROOT)));
    });
    settings.serverTlsKeystore().ifPresent(keystore -> b.tls(new ServerConfig.Tls(keystore,
        settings.serverTlsKeystorePassword().orElseThrow(() -> new ConfigException(
            "server.tls.keystore is set but server.tls.keystore_password is not")), keystoreType(keystore))));
    for (Role r : roles((String) settings.value(SettingKeys.SERVER_ROLES).value())) {
      b.role(r);
    }
    return b;
  }

  private static Path optional(Settings settings, SettingKey key) {
    Object v = settings.value(key).value();
    return v instanceof Path p ? p : null;
  }

  private static String keystoreType(Path keystore) {
    String name = keystore.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".jks") ? "JKS" : "PKCS12";
  }

  /**
   * Roles written as {@code name=root|root[+write]} separated by {@code ;}, e.g.
   * {@code sales_reader=sales; sales_editor=sales+write; everything=*+write}.
   */
  static List<Role> roles(String text) {
    List<Role> roles = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return roles;
    }
    for (String part : text.split(";")) {
      String p = part.trim();
      if (p.isEmpty()) {
        continue;
      }
      int eq = p.indexOf('=');
      if (eq <= 0) {
        throw new ConfigException("server.roles: '" + p + "' is not name=root|root[+write], e.g."
            + " sales_reader=sales; sales_editor=sales+write");
      }
      String name = p.substring(0, eq).trim();
      String spec = p.substring(eq + 1).trim();
      boolean write = spec.endsWith("+write");
      if (write) {
        spec = spec.substring(0, spec.length() - "+write".length());
      }
      List<String> roots = new ArrayList<>();
      for (String r : spec.split("\\|")) {
        if (!r.isBlank()) {
          roots.add(r.trim());
        }
      }
      if (roots.isEmpty()) {
        throw new ConfigException("server.roles: role '" + name + "' names no root (use * for all roots)");
      }
      roles.add(new Role(name, roots, write));
    }
    return roles;
  }
}
