package io.dsap.cli;

import io.dsap.server.ConfigException;
import io.dsap.server.DsapServer;
import io.dsap.server.ServerConfig;
import io.dsap.server.ServerSettings;
import java.io.PrintStream;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code dsap serve}: remote JDBC (Avatica, protobuf) over the data roots, until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {
        "Serve the data roots to remote JDBC clients (DBeaver, BI tools, applications) over HTTP.",
        "Listens on 127.0.0.1:8765 unless server.host / --host says otherwise; any other address needs",
        "server.users_file (users from `dsap server add-user`). Settings server.* are in docs/server.md.",
        "Ctrl-C (SIGTERM) stops it: running statements get server.shutdown_grace to finish."},
    footer = {"", "Examples:", "  dsap serve --root data",
        "  dsap serve --config /etc/dsap/dsap.yaml",
        "  client URL: jdbc:dsap:remote:url=http://127.0.0.1:8765 (the dsap driver jar; docs/dbeaver.md)"})
final class ServeCommand implements Callable<Integer> {
  /** The server this process runs (for the shutdown hook, and for tests that stop it). */
  private static final AtomicReference<DsapServer> RUNNING = new AtomicReference<>();

  @ParentCommand
  private Main main;
  @Mixin
  private ConnectionOptions connection;
  @Mixin
  private VerboseOption verbose;

  @Option(names = "--port", paramLabel = "N", description = "TCP port (setting server.port, default 8765; 0: any"
      + " free port).")
  private Integer port;

  @Option(names = "--host", paramLabel = "ADDRESS", description = "Address to listen on (setting server.host,"
      + " default 127.0.0.1).")
  private String host;

  @Override
  public Integer call() throws SQLException, InterruptedException {
    ServerConfig config;
    try {
      ServerConfig.Builder b = ServerSettings.builder(main.settings());
      if (port != null) {
        b.port(port);
      }
      if (host != null) {
        b.host(host);
      }
      config = b.build();
    } catch (ConfigException e) {
      throw new CliException(e.getMessage(), e);
    }
    DsapServer server = DsapServer.start(config);
    RUNNING.set(server);
    Thread hook = new Thread(server::close, "dsap-serve-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    PrintStream err = main.io().err();
    err.println("dsap server listening on " + config.host() + ":" + server.port() + " (authentication "
        + config.authentication().name().toLowerCase(java.util.Locale.ROOT) + ", roots "
        + String.join(", ", config.roots().keySet()) + ")");
    err.println("connect with: " + server.clientUrl());
    err.flush();
    try {
      server.join();
    } finally {
      RUNNING.compareAndSet(server, null);
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // the JVM is shutting down: the hook is running
      }
    }
    return ExitCodes.OK;
  }

  /** The server started by {@code dsap serve} in this process, or null. */
  static DsapServer running() {
    return RUNNING.get();
  }
}
