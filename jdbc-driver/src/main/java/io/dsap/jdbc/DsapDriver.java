package io.dsap.jdbc;

import io.dsap.engine.calcite.FilesSchema;
import io.dsap.engine.config.Settings;
import io.dsap.engine.csv.CsvFormat;
import io.dsap.engine.format.FormatOptions;
import io.dsap.engine.format.FormatRegistry;
import io.dsap.engine.error.DsapException;
import io.dsap.engine.calcite.OutputSchema;
import io.dsap.jdbc.remote.DsapRemoteDriver;
import io.dsap.engine.source.DataRoot;
import io.dsap.engine.source.OutputRoot;
import io.dsap.udfs.DsapFunctions;
import io.dsap.udfs.DsapSqlParser;
import io.dsap.udfs.validate.RegistryLocation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.DriverVersion;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.config.CalciteSystemProperty;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.DsapJdbcFactory;
import org.apache.calcite.jdbc.DsapMeta;
import org.apache.calcite.schema.SchemaPlus;

/**
 * The dsap driver: {@code jdbc:dsap:/path/to/folder} embedded, where every file under the folder
 * is a table in the default schema {@code files} next to dsap's functions; and
 * {@code jdbc:dsap:remote:url=http://host:8765}, handed to {@link DsapRemoteDriver}.
 */
public final class DsapDriver extends org.apache.calcite.jdbc.Driver {
  public static final String PREFIX = "jdbc:dsap:";
  public static final String VERSION = readVersion();

  static {
    loadCalciteSettings();
    new DsapDriver().register();
  }

  /**
   * Makes Calcite read this jar's {@code saffron.properties} (UTF-8 string literals). Calcite
   * reads it once, through the thread's context class loader, which in tools like DBeaver is
   * not the loader that sees this driver; so the first read happens here, with ours.
   */
  private static void loadCalciteSettings() {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(DsapDriver.class.getClassLoader());
    try {
      CalciteSystemProperty.DEFAULT_CHARSET.value();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  @Override
  protected String getFactoryClassName(JdbcVersion jdbcVersion) {
    return DsapJdbcFactory.class.getName();
  }

  @Override
  protected String getConnectStringPrefix() {
    return PREFIX;
  }

  @Override
  protected DriverVersion createDriverVersion() {
    return driverVersion();
  }

  /** Name and version that {@code DatabaseMetaData} reports, embedded and remote alike. */
  public static DriverVersion driverVersion() {
    int[] v = numbers(VERSION);
    return new DriverVersion("dsap JDBC Driver", VERSION, "dsap", VERSION, true, v[0], v[1], v[0], v[1]);
  }

  /** Made on the first remote URL, so embedded-only use never loads the HTTP client. */
  private static final class Remote {
    static final DsapRemoteDriver DRIVER = new DsapRemoteDriver();
  }

  private static boolean isRemote(String url) {
    return url != null && url.regionMatches(true, 0, DsapRemoteDriver.PREFIX, 0, DsapRemoteDriver.PREFIX.length());
  }

  @Override
  public Meta createMeta(AvaticaConnection connection) {
    return DsapMeta.create(connection);
  }

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    return connect(url, info, null);
  }

  /**
   * Connects with {@code settings} (the command line's, with their sources) instead of loading them from dsap.yaml,
   * .env and the environment; connection properties that change a setting still apply.
   */
  public Connection connect(String url, Properties info, Settings settings) throws SQLException {
    if (!acceptsURL(url)) {
      return null;
    }
    if (isRemote(url)) {
      return Remote.DRIVER.connect(DsapRemoteDriver.PREFIX + url.substring(DsapRemoteDriver.PREFIX.length()), info);
    }
    Properties props = ConnectionUrl.parse(url.substring(PREFIX.length()), info);
    // BI tools and people write table names unquoted and in any case; MYSQL_ANSI keeps "quotes"
    props.putIfAbsent("lex", "MYSQL_ANSI");
    props.putIfAbsent("fun", "standard,postgresql");
    props.putIfAbsent("caseSensitive", "false");
    // accepts reserved words as argument names (escape =>, skip =>) and explains mixed arguments
    props.putIfAbsent("parserFactory", DsapSqlParser.class.getName() + "#FACTORY");
    // AVG of a DECIMAL or INTEGER is a DOUBLE, SUM of an INTEGER a BIGINT (docs/architecture.md)
    props.putIfAbsent("typeSystem", io.dsap.engine.calcite.DsapTypeSystem.class.getName() + "#INSTANCE");
    try {
      Settings effective = settings != null ? settings.withConnection(props) : loadSettings(props);
      DataRoot root = DataRoot.of(effective.root());
      FormatOptions options = options(props);
      PlanCache.forConnection(props); // fail here on a bad plan_cache value, with the property named
      Connection connection = super.connect(PREFIX, props);
      CalciteConnection calcite = connection.unwrap(CalciteConnection.class);
      FilesSchema files = new FilesSchema(root, FormatRegistry.defaults(), options);
      // the registry setting, from any layer (the registry connection property is one)
      RegistryLocation.set(files, effective.registry());
      metadataKeysMaxBytes(props); // fail at connect time on a bad value
      SchemaPlus schema = calcite.getRootSchema().add(DsapFunctions.FILES_SCHEMA, files);
      DsapFunctions.register(schema, files, effective);
      OutputRoot out = new OutputRoot(effective.outputRoot());
      calcite.getRootSchema().add("out", new OutputSchema(out, FormatRegistry.defaults(), options));
      calcite.setSchema(DsapFunctions.FILES_SCHEMA);
      return connection;
    } catch (DsapException e) {
      throw new SQLException(e.getMessage(), e.code().label(), e.code().code(), e);
    }
  }

  /** The {@code metadata_keys_max_bytes} property, or its default. */
  public static long metadataKeysMaxBytes(Properties props) {
    String v = DsapProperty.METADATA_KEYS_MAX_BYTES.get(props);
    if (v == null || v.isBlank()) {
      return DsapProperty.DEFAULT_METADATA_KEYS_MAX_BYTES;
    }
    try {
      long n = Long.parseLong(v.trim());
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw io.dsap.engine.error.Errors.invalidOption(DsapProperty.METADATA_KEYS_MAX_BYTES.key(), v,
        "a size in bytes, 0 or more, e.g. metadata_keys_max_bytes=1073741824 for 1 GB");
  }

  /**
   * The settings of an embedded connection: dsap.yaml (~/.config/dsap, the working directory, the root, then the
   * {@code config} property's file), .env, DSAP_* variables, then the connection properties named like a key.
   */
  static Settings loadSettings(Properties props) {
    Settings.Loader loader = Settings.loader().connection(props);
    String root = DsapProperty.ROOT.get(props);
    if (root != null && !root.isBlank()) {
      loader.folder(Path.of(root));
    }
    String config = DsapProperty.CONFIG.get(props);
    if (config != null && !config.isBlank()) {
      loader.configFile(Path.of(config));
    }
    return loader.load();
  }

  /** Detection overrides given as connection properties; each format takes the ones it knows. */
  static FormatOptions options(Properties props) {
    java.util.Map<String, Object> m = new java.util.TreeMap<>();
    for (DsapProperty p : DsapProperty.values()) {
      if (p.formatOption() && p.get(props) != null) {
        m.put(p.key(), p.get(props));
      }
    }
    FormatOptions options = FormatOptions.of(m);
    CsvFormat.csvOptions(options); // fail at connect time on a bad value, naming the property
    return options;
  }

  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
    if (isRemote(url)) {
      return Remote.DRIVER.getPropertyInfo(DsapRemoteDriver.PREFIX + url.substring(DsapRemoteDriver.PREFIX.length()), info);
    }
    List<DriverPropertyInfo> list = new ArrayList<>();
    for (DsapProperty p : DsapProperty.values()) {
      DriverPropertyInfo i = new DriverPropertyInfo(p.key(), info == null ? null : p.get(info));
      i.description = p.description();
      list.add(i);
    }
    for (DriverPropertyInfo i : super.getPropertyInfo(url, info)) {
      list.add(i);
    }
    return list.toArray(new DriverPropertyInfo[0]);
  }

  private static String readVersion() {
    try (InputStream in = DsapDriver.class.getResourceAsStream("dsap.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "0.0.0");
    } catch (IOException e) {
      return "0.0.0";
    }
  }

  private static int[] numbers(String version) {
    String[] parts = version.split("[.-]");
    int major = parts.length > 0 && parts[0].matches("\\d+") ? Integer.parseInt(parts[0]) : 0;
    int minor = parts.length > 1 && parts[1].matches("\\d+") ? Integer.parseInt(parts[1]) : 0;
    return new int[] {major, minor};
  }
}
