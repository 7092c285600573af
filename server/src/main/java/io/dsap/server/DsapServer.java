package io.dsap.server;

import io.dsap.engine.source.ReadLimits;
import io.dsap.server.ServerConfig.Authentication;
import io.dsap.server.auth.PasswordHash;
import io.dsap.server.auth.UsersLoginService;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Objects;
import org.apache.calcite.avatica.remote.LocalService;
import org.apache.calcite.avatica.remote.Service.RpcMetadataResponse;
import org.apache.calcite.avatica.server.AvaticaProtobufHandler;
import org.eclipse.jetty.security.ConstraintMapping;
import org.eclipse.jetty.security.ConstraintSecurityHandler;
import org.eclipse.jetty.security.authentication.BasicAuthenticator;
import org.eclipse.jetty.security.authentication.DigestAuthenticator;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.HandlerList;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.eclipse.jetty.util.security.Constraint;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dsap server: remote JDBC over Avatica's HTTP protocol (protobuf) to one embedded engine.
 *
 * <p>Requests pass {@code /health} and {@code /metrics} first, then authentication (BASIC or
 * DIGEST against the users file, when one is configured), then {@link RequestContext} (who is
 * calling), then {@code POST /cancel} ({@link CancelHandler}) or Avatica, whose {@link ServerMeta}
 * applies roles, limits and the audit log.
 * Jetty is assembled here rather than by Avatica's {@code HttpServer.Builder}: the builder's
 * BASIC/DIGEST use Jetty's realm file with one plain or MD5 credential per user, and its
 * handler chain has no place for the operations endpoints in front of authentication.
 */
public final class DsapServer implements AutoCloseable {
  public static final int DEFAULT_PORT = ServerConfig.DEFAULT_PORT;
  private static final Logger LOG = LoggerFactory.getLogger(DsapServer.class);

  private final ServerConfig config;
  private final Server jetty;
  private final ServerConnector connector;
  private final ServerMeta meta;
  private final AuditLog audit;
  private volatile boolean serving = true;

  private DsapServer(ServerConfig config, Server jetty, ServerConnector connector, ServerMeta meta, AuditLog audit) {
    this.config = config;
    this.jetty = jetty;
    this.connector = connector;
    this.meta = meta;
    this.audit = audit;
  }

  /** Starts serving {@code root} on 127.0.0.1:{@code port} (0 picks a free port), without users. */
  public static DsapServer start(Path root, int port) throws SQLException {
    Objects.requireNonNull(root, "root is null");
    try {
      return start(ServerConfig.builder().root(root).port(port).build());
    } catch (ConfigException e) {
      throw new SQLException(e.getMessage(), e);
    }
  }

  /** Starts a server as {@code config} says; it listens when this returns. */
  public static DsapServer start(ServerConfig config) throws SQLException {
    ReadLimits.setMaxFileSize(config.limits().maxFileSize() == 0 ? Long.MAX_VALUE : config.limits().maxFileSize());
    AuditLog audit = new AuditLog(config.auditLog());
    ServerMeta meta = new ServerMeta(config, new ClientErrors(config), audit);

    QueuedThreadPool threads = new QueuedThreadPool(200, 8, 60_000);
    threads.setName("dsap-http");
    Server jetty = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setRequestHeaderSize(64 * 1024);
    ServerConnector connector;
    if (config.tls() != null) {
      SslContextFactory.Server ssl = new SslContextFactory.Server();
      ssl.setKeyStorePath(config.tls().keystore().toAbsolutePath().toString());
      ssl.setKeyStorePassword(config.tls().keystorePassword());
      ssl.setKeyStoreType(config.tls().keystoreType());
      http.addCustomizer(new SecureRequestCustomizer());
      connector = new ServerConnector(jetty, ssl, new HttpConnectionFactory(http));
    } else {
      connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
    }
    connector.setHost(config.host());
    connector.setPort(config.port());
    connector.setIdleTimeout(60_000);
    jetty.addConnector(connector);

    AvaticaProtobufHandler avatica = new AvaticaProtobufHandler(new LocalService(meta));
    UsersLoginService users = config.authentication() == Authentication.NONE ? null
        : new UsersLoginService(config.usersFile());
    RequestContext context = new RequestContext(config, users);
    CancelHandler cancel = new CancelHandler(meta);
    cancel.setHandler(avatica);
    context.setHandler(cancel);
    Handler secured = users == null ? context : secure(config.authentication(), users, context);
    DsapServer server = new DsapServer(config, jetty, connector, meta, audit);
    HandlerList chain = new HandlerList(new OpsHandler(config.metrics() ? meta.metrics() : null, () -> server.serving), secured);
    StatisticsHandler stats = new StatisticsHandler(); // lets Jetty finish requests in progress on stop
    stats.setHandler(chain);
    jetty.setHandler(stats);
    jetty.setStopTimeout(config.shutdownGrace().toMillis());
    if (users != null) {
      jetty.addBean(users);
    }
    try {
      jetty.start();
    } catch (Exception e) {
      meta.shutdown(java.time.Duration.ZERO);
      audit.close();
      throw new SQLException("the server could not listen on " + config.host() + ":" + config.port() + ": "
          + e.getMessage(), e);
    }
    avatica.setServerRpcMetadata(new RpcMetadataResponse(config.host() + ":" + connector.getLocalPort()));
    LOG.info("dsap server listening on {}://{}:{} ({} authentication), roots {}",
        config.tls() == null ? "http" : "https", config.host(), connector.getLocalPort(),
        config.authentication().name().toLowerCase(java.util.Locale.ROOT), config.roots().keySet());
    if (config.authentication() == Authentication.BASIC && config.tls() == null && !config.loopbackOnly()) {
      LOG.warn("BASIC authentication without TLS sends passwords readable on the network: set server.tls.keystore");
    }
    return server;
  }

  private static Handler secure(Authentication auth, UsersLoginService users, Handler next) {
    Constraint constraint = new Constraint(auth == Authentication.DIGEST ? Constraint.__DIGEST_AUTH
        : Constraint.__BASIC_AUTH, Constraint.ANY_AUTH);
    constraint.setAuthenticate(true);
    ConstraintMapping mapping = new ConstraintMapping();
    mapping.setConstraint(constraint);
    mapping.setPathSpec("/*");
    ConstraintSecurityHandler security = new ConstraintSecurityHandler();
    security.setAuthenticator(auth == Authentication.DIGEST ? new DigestAuthenticator() : new BasicAuthenticator());
    security.setRealmName(PasswordHash.DIGEST_REALM);
    security.setLoginService(users);
    security.addConstraintMapping(mapping);
    security.setHandler(next);
    return security;
  }

  public ServerConfig config() {
    return config;
  }

  public int port() {
    return connector.getLocalPort();
  }

  /** The URL a client passes to Avatica's remote driver. */
  public String clientUrl() {
    String host = config.host().equals("0.0.0.0") || config.host().equals("::") ? "127.0.0.1" : config.host();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return "jdbc:avatica:remote:url=" + (config.tls() == null ? "http" : "https") + "://" + host + ":" + port()
        + ";serialization=protobuf";
  }

  /** Client connections open now. */
  public int openConnections() {
    return meta.openConnections();
  }

  /** Statements executed whose results are not finished. */
  public int runningStatements() {
    return meta.runningStatements();
  }

  /** Blocks until the server stops. */
  public void join() throws InterruptedException {
    jetty.join();
  }

  /**
   * Stops: new statements are refused, statements being executed or fetched get up to
   * server.shutdown_grace to finish, then the rest are cancelled and every connection closed.
   */
  @Override
  public void close() {
    serving = false;
    meta.shutdown(config.shutdownGrace());
    try {
      jetty.stop();
    } catch (Exception e) {
      LOG.warn("stopping the HTTP server failed: {}", e.getMessage());
    }
    audit.close();
    ReadLimits.setMaxFileSize(Long.MAX_VALUE);
    LOG.info("dsap server stopped");
  }
}
