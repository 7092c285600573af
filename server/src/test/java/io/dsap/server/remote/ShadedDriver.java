package io.dsap.server.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The shaded driver jar loaded the way DBeaver loads it: a class loader over that jar alone (its
 * parent is the platform loader, so nothing of the test class path leaks in), the driver made
 * by class name, {@code connect} called directly, no JVM flags. The jar is built by the
 * jdbc-driver module earlier in the reactor; failsafe passes its path in {@code dsap.shadedJar}.
 */
final class ShadedDriver implements AutoCloseable {
  static final String DRIVER_CLASS = "io.dsap.jdbc.DsapDriver";

  final URLClassLoader loader;
  final Driver driver;

  ShadedDriver() throws Exception {
    String path = System.getProperty("dsap.shadedJar");
    assertTrue(path != null, "dsap.shadedJar not set: run through failsafe (mvn -pl server -am verify)");
    Path jar = Path.of(path);
    assertTrue(Files.isRegularFile(jar), "shaded jar not built: " + jar + " (build jdbc-driver first)");
    loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    Class<?> cls = Class.forName(DRIVER_CLASS, true, loader);
    assertEquals(loader, cls.getClassLoader(), "driver comes from the jar, not the test class path");
    driver = (Driver) cls.getDeclaredConstructor().newInstance();
  }

  /** Connects with the jar's loader as the context loader, as DBeaver runs driver code. */
  Connection connect(String url, Properties props) throws SQLException {
    Thread t = Thread.currentThread();
    ClassLoader before = t.getContextClassLoader();
    t.setContextClassLoader(loader);
    try {
      Connection c = driver.connect(url, props);
      assertTrue(c != null, "driver accepts " + url);
      return c;
    } finally {
      t.setContextClassLoader(before);
    }
  }

  /** Full file scans opened so far by the engine copy inside the jar (embedded connections). */
  long scansOpenedInJar() throws Exception {
    return (long) Class.forName("io.dsap.engine.source.ReadMetrics", true, loader).getMethod("scansOpened").invoke(null);
  }

  @Override
  public void close() throws Exception {
    loader.close();
  }
}
