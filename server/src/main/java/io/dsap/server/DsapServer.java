package io.dsap.server;

import io.dsap.jdbc.DsapDriver;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import org.apache.calcite.avatica.jdbc.JdbcMeta;
import org.apache.calcite.avatica.remote.Driver.Serialization;
import org.apache.calcite.avatica.remote.LocalService;
import org.apache.calcite.avatica.server.HttpServer;
import org.apache.calcite.avatica.server.ServerCustomizer;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Serves a data root over Avatica's HTTP protocol (protobuf), so remote JDBC clients reach the
 * embedded engine. This first version binds to loopback only and has no authentication; the
 * server issue adds users, TLS, limits and auditing before it may listen elsewhere.
 */
public final class DsapServer implements AutoCloseable {
  public static final int DEFAULT_PORT = 8765;

  private final HttpServer http;

  private DsapServer(HttpServer http) {
    this.http = http;
  }

  /** Starts serving {@code root} on 127.0.0.1:{@code port} (0 picks a free port). */
  public static DsapServer start(Path root, int port) throws SQLException {
    Objects.requireNonNull(root, "root is null");
    // fail now, with the driver's message, rather than on the first client's connection
    new DsapDriver().connect(DsapDriver.PREFIX + root.toAbsolutePath(), new Properties()).close();
    JdbcMeta meta = new JdbcMeta(DsapDriver.PREFIX + root.toAbsolutePath());
    HttpServer http = new HttpServer.Builder<Server>()
        .withHandler(new LocalService(meta), Serialization.PROTOBUF)
        .withPort(port)
        .withServerCustomizers(List.<ServerCustomizer<Server>>of(DsapServer::loopbackOnly), Server.class)
        .build();
    http.start();
    return new DsapServer(http);
  }

  /** Binds every connector to the loopback interface. */
  private static void loopbackOnly(Server server) {
    for (Connector c : server.getConnectors()) {
      if (c instanceof ServerConnector sc) {
        sc.setHost("127.0.0.1");
      }
    }
  }

  public int port() {
    return http.getPort();
  }

  /** The URL a client passes to the Avatica remote driver. */
  public String clientUrl() {
    return "jdbc:avatica:remote:url=http://127.0.0.1:" + port() + ";serialization=protobuf";
  }

  /** Blocks until the server stops. */
  public void join() throws InterruptedException {
    http.join();
  }

  @Override
  public void close() {
    http.stop();
  }
}
