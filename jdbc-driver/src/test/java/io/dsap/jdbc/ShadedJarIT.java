package io.dsap.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The shaded driver jar works alone, the way DBeaver loads it: an isolated class loader over only
 * that jar (parent: the platform loader, so nothing from the test classpath leaks in), the driver
 * made by class name, {@code connect} called directly, no JVM flags.
 */
class ShadedJarIT {
  @Test
  void connectsAndQueriesFromAnIsolatedClassLoader() throws Exception {
    Path jar = Path.of(System.getProperty("dsap.shadedJar"));
    Path examples = Path.of(System.getProperty("dsap.examples")).toAbsolutePath().normalize();
    assertTrue(Files.isRegularFile(jar), "shaded jar built: " + jar);
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
        ClassLoader.getPlatformClassLoader())) {
      Class<?> cls = Class.forName("io.dsap.jdbc.DsapDriver", true, loader);
      assertEquals(loader, cls.getClassLoader(), "driver comes from the jar, not the test classpath");
      Driver driver = (Driver) cls.getDeclaredConstructor().newInstance();
      assertTrue(driver.acceptsURL("jdbc:dsap:" + examples));
      Thread t = Thread.currentThread();
      ClassLoader before = t.getContextClassLoader();
      t.setContextClassLoader(loader); // DBeaver runs driver code with its loader as context
      try (Connection c = driver.connect("jdbc:dsap:" + examples, new Properties())) {
        assertEquals("dsap", c.getMetaData().getDatabaseProductName());
        try (ResultSet rs = c.getMetaData().getColumns(null, "files", "orders", "order_date")) {
          assertTrue(rs.next());
          assertEquals("DATE", rs.getString("TYPE_NAME"));
        }
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT status, count(*) AS n FROM orders o "
                + "JOIN customers c ON o.customer_id = c.customer_id GROUP BY status ORDER BY n DESC LIMIT 1")) {
          assertTrue(rs.next());
          assertEquals("delivered", rs.getString(1));
          assertEquals(98, rs.getInt(2));
        }
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT row_count FROM file_info(path => 'orders.csv')")) {
          assertTrue(rs.next());
          assertEquals(237, rs.getLong(1));
        }
        // DataSketches (heap sketches only) and Jackson work from the shaded jar without JVM flags
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT distinct_count, quantiles_exact FROM profile('orders.csv')"
                + " WHERE column_name = 'customer_id'")) {
          assertTrue(rs.next());
          assertEquals(48, rs.getLong(1));
          assertTrue(rs.getBoolean(2), "237 values: quantiles kept exactly");
        }
        // a schema document (Jackson YAML + databind) and compiled rules (Janino) from the jar
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT count(*) FROM validate('orders.csv',"
                + " '{\"columns\": [{\"name\": \"quantity\", \"min\": 1}], \"unexpected_columns\": \"ignore\"}',"
                + " 'discount < 0.5') WHERE check_name <> 'parse'")) {
          assertTrue(rs.next());
          assertTrue(rs.getLong(1) >= 1, "the negative quantity is reported");
        }
        // Parquet (with its small Hadoop set) from the jar
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT count(*) FROM read_parquet('products.parquet')")) {
          assertTrue(rs.next());
          assertEquals(8, rs.getLong(1));
        }
      } finally {
        t.setContextClassLoader(before);
      }
    }
  }

  @Test
  void bundlesNoLoggingBindingAndNoSignatures() throws Exception {
    Path jar = Path.of(System.getProperty("dsap.shadedJar"));
    try (java.util.jar.JarFile j = new java.util.jar.JarFile(jar.toFile())) {
      assertTrue(j.stream().noneMatch(e -> e.getName().startsWith("ch/qos/logback/")), "no logback");
      assertTrue(j.stream().noneMatch(e -> e.getName().matches("META-INF/[^/]+\\.(SF|DSA|RSA)")), "no signatures");
      String drivers = new String(j.getInputStream(j.getEntry("META-INF/services/java.sql.Driver")).readAllBytes());
      assertTrue(drivers.contains("io.dsap.jdbc.DsapDriver"), drivers);
    }
  }

  @Test
  void readsUtf8LiteralsFromTheJarWhateverTheContextLoader(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path jar = Path.of(System.getProperty("dsap.shadedJar"));
    Files.writeString(dir.resolve("cities.csv"), "id,city\n1,Kraków\n2,Łódź 😀\n3,Berlin\n",
        java.nio.charset.StandardCharsets.UTF_8);
    try (java.util.jar.JarFile j = new java.util.jar.JarFile(jar.toFile())) {
      String settings = new String(j.getInputStream(j.getEntry("saffron.properties")).readAllBytes());
      assertTrue(settings.contains("calcite.default.charset=UTF-8"), settings);
    }
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
        ClassLoader.getPlatformClassLoader())) {
      Thread t = Thread.currentThread();
      ClassLoader before = t.getContextClassLoader();
      // a tool whose context loader cannot see the driver's resources (Calcite reads settings through it)
      t.setContextClassLoader(ClassLoader.getPlatformClassLoader());
      try {
        Driver driver = (Driver) Class.forName("io.dsap.jdbc.DsapDriver", true, loader).getDeclaredConstructor()
            .newInstance();
        try (Connection c = driver.connect("jdbc:dsap:" + dir, new Properties());
            Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT id, city, '€ ä ł' FROM cities WHERE city IN ('Kraków', 'Łódź 😀')"
                + " ORDER BY id")) {
          assertTrue(rs.next());
          assertEquals("Kraków", rs.getString(2));
          assertEquals("€ ä ł", rs.getString(3));
          assertTrue(rs.next());
          assertEquals("Łódź 😀", rs.getString(2));
          assertFalse(rs.next());
        }
      } finally {
        t.setContextClassLoader(before);
      }
    }
  }
}
