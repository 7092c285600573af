package io.dsap.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsap.server.auth.Role;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The security tests, against a real server on loopback with BASIC authentication and a
 * real Avatica JDBC client. Every attack must fail with a clear message that shows neither the
 * server's folders nor the data it protects.
 */
class SecurityTest {
  @TempDir
  static Path tmp;
  static Path root;
  static Path sales;
  static DsapServer server;
  static String realTmp;

  @BeforeAll
  static void start() throws Exception {
    root = ServerFixture.dataRoot(tmp);
    realTmp = tmp.toRealPath().toString();
    sales = Files.createDirectories(tmp.resolve("sales"));
    Files.copy(ServerFixture.EXAMPLES.resolve("orders.csv"), sales.resolve("q1.csv"));
    Files.createSymbolicLink(root.resolve("link.csv"), tmp.resolve("secret.csv"));
    StringBuilder big = new StringBuilder("id,text\n");
    for (int i = 0; big.length() < 100 * 1024; i++) {
      big.append(i).append(",some text to make the file larger than the limit\n");
    }
    Files.writeString(root.resolve("big.csv"), big);
    Files.writeString(root.resolve("xxe.xml"), "<?xml version=\"1.0\"?>\n<!DOCTYPE rows [<!ENTITY xxe SYSTEM \""
        + tmp.resolve("secret.csv").toUri() + "\">]>\n<rows><row><name>&xxe;</name></row><row><name>b</name></row>"
        + "</rows>\n");
    zipBomb(root.resolve("bomb.xlsx"));
    Path users = ServerFixture.usersFile(tmp, false);
    io.dsap.server.auth.UsersFile.put(users, ServerFixture.account("carol", "carol-secret-3", false, "sales_reader"));
    server = DsapServer.start(ServerConfig.builder()
        .root(root)
        .root("sales", sales)
        .usersFile(users)
        .role(new Role("sales_reader", List.of("sales"), false))
        .auditLog(tmp.resolve("audit/audit.jsonl"))
        .limits(ServerConfig.Limits.DEFAULTS.withMaxFileSize(64 * 1024).withMaxResultRows(200)
            .withMaxConcurrentStatements(2))
        .port(0)
        .build());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Connection alice() throws SQLException {
    return ServerFixture.connect(server, "alice", ServerFixture.ALICE_PASSWORD);
  }

  static Connection bob() throws SQLException {
    return ServerFixture.connect(server, "bob", ServerFixture.BOB_PASSWORD);
  }

  /** Runs {@code sql} as alice, reading every row; returns the failure, which must leak nothing. */
  static Exception fails(String sql) throws SQLException {
    try (Connection c = alice(); Statement s = c.createStatement()) {
      Exception e = assertThrows(Exception.class, () -> {
        try (ResultSet rs = s.executeQuery(sql)) {
          while (rs.next()) {
            assertFalse(String.valueOf(rs.getObject(1)).contains("top-secret-value"), "leaked: " + sql);
          }
        }
      }, sql);
      assertLeaksNothing(e);
      return e;
    }
  }

  static void assertLeaksNothing(Exception e) {
    String all = describe(e);
    for (String folder : List.of(root.toString(), sales.toString(), realTmp + "/data", realTmp + "/sales")) {
      assertFalse(all.contains(folder), "a server path in: " + all);
    }
    assertFalse(all.contains("top-secret-value"), "secret data in: " + all);
  }

  /** The message and every server stack trace the client received. */
  static String describe(Throwable e) {
    StringBuilder b = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      b.append(t.getMessage()).append('\n');
      if (t instanceof org.apache.calcite.avatica.AvaticaSqlException a) {
        a.getStackTraces().forEach(b::append);
      }
      if (t instanceof org.apache.calcite.avatica.AvaticaClientRuntimeException a) {
        a.getServerExceptions().forEach(b::append);
      }
    }
    return b.toString();
  }

  // ---- paths

  @Test
  void dotDotTraversalIsRefused() throws Exception {
    assertTrue(fails("SELECT * FROM read_csv('../secret.csv')").getMessage().contains("outside the data root"));
    assertTrue(fails("SELECT * FROM validate('sub/../../secret.csv')").getMessage().contains("outside the data root"));
    assertTrue(fails("SELECT * FROM \"../secret\"").getMessage().contains("not found"));
  }

  @Test
  void absolutePathsOutsideTheRootAreRefused() throws Exception {
    Exception e = fails("SELECT * FROM read_csv('" + tmp.resolve("secret.csv") + "')");
    assertTrue(e.getMessage().contains("outside the data root '<root>'"), e.getMessage());
    fails("SELECT * FROM file_info('/etc/passwd')");
  }

  @Test
  void symlinksPointingOutAreNeitherTablesNorReadable() throws Exception {
    assertTrue(fails("SELECT * FROM link").getMessage().contains("not found"));
    assertTrue(fails("SELECT * FROM read_csv('link.csv')").getMessage().contains("outside the data root"));
  }

  @Test
  void urlEncodedAndUnicodeTricksFindNothing() throws Exception {
    for (String trick : List.of("..%2fsecret.csv", "%2e%2e/secret.csv", "%2E%2E%2Fsecret.csv",
        "\uFF0E\uFF0E/secret.csv", "..\u2215secret.csv", "..\u2044secret.csv", ".\u200B./secret.csv")) {
      Exception e = fails("SELECT * FROM read_csv('" + trick + "')");
      assertTrue(e.getMessage().contains("not found") || e.getMessage().contains("outside the data root"),
          e.getMessage());
    }
    Exception nul = fails("SELECT * FROM read_csv(U&'orders.csv\\0000../secret.csv')");
    assertTrue(nul.getMessage().contains("outside the data root") || nul.getMessage().contains("not found"),
        nul.getMessage());
    assertTrue(fails("SELECT * FROM \"..%2fsecret\"").getMessage().contains("not found"));
    assertTrue(fails("SELECT * FROM \"\uFF0E\uFF0E/secret\"").getMessage().contains("not found"));
  }

  // ---- connection properties

  @Test
  void clientsCannotSetServerSideConnectionProperties() {
    for (String[] kv : List.of(new String[] {"model", "inline:{version:'1.0',schemas:[]}"},
        new String[] {"schemaFactory", "org.apache.calcite.adapter.java.ReflectiveSchema$Factory"},
        new String[] {"lex", "JAVA"}, new String[] {"fun", "oracle"},
        new String[] {"parserFactory", "org.apache.calcite.sql.parser.impl.SqlParserImpl#FACTORY"},
        new String[] {"output_root", "/tmp"}, new String[] {"read_only", "false"},
        new String[] {"registry", "/tmp/registry"}, new String[] {"schema.directory", "/etc"})) {
      Properties p = new Properties();
      p.setProperty(kv[0], kv[1]);
      Exception e = assertThrows(Exception.class,
          () -> ServerFixture.connect(server, "bob", ServerFixture.BOB_PASSWORD, p).createStatement()
              .executeQuery("SELECT 1").close(), kv[0]);
      assertTrue(e.getMessage().contains("cannot be sent by a client"), e.getMessage());
      assertTrue(e.getMessage().contains(kv[0]), e.getMessage());
    }
  }

  @Test
  void aClientPicksARootByNameNeverByPath() throws Exception {
    Properties p = new Properties();
    p.setProperty("root", tmp.toString());
    Exception e = assertThrows(Exception.class,
        () -> ServerFixture.connect(server, "alice", ServerFixture.ALICE_PASSWORD, p).createStatement()
            .executeQuery("SELECT 1").close());
    assertTrue(e.getMessage().contains("no data root"), e.getMessage());
    p.setProperty("root", "sales");
    try (Connection c = ServerFixture.connect(server, "alice", ServerFixture.ALICE_PASSWORD, p);
        ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM q1")) {
      assertTrue(rs.next());
    }
    // a detection option is a client's to choose
    p.setProperty("all_varchar", "true");
    try (Connection c = ServerFixture.connect(server, "alice", ServerFixture.ALICE_PASSWORD, p);
        ResultSet rs = c.createStatement().executeQuery("SELECT order_id FROM q1 LIMIT 1")) {
      assertEquals(java.sql.Types.VARCHAR, rs.getMetaData().getColumnType(1));
    }
  }

  @Test
  void aRoleLimitsTheRootsAUserMayRead() throws Exception {
    try (Connection c = ServerFixture.connect(server, "carol", "carol-secret-3");
        ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM q1")) {
      assertTrue(rs.next(), "carol's default root is the one she may read");
    }
    Properties p = new Properties();
    p.setProperty("root", "data");
    Exception e = assertThrows(Exception.class,
        () -> ServerFixture.connect(server, "carol", "carol-secret-3", p).createStatement()
            .executeQuery("SELECT 1").close());
    assertTrue(e.getMessage().contains("Roots you may read: [sales]"), e.getMessage());
  }

  // ---- authentication and roles

  @Test
  void noCredentialsOrAWrongPasswordGet401() throws Exception {
    Exception none = assertThrows(Exception.class,
        () -> java.sql.DriverManager.getConnection(server.clientUrl()).createStatement().executeQuery("SELECT 1"));
    assertTrue(describe(none).contains("401"), describe(none));
    Exception wrong = assertThrows(Exception.class,
        () -> ServerFixture.connect(server, "alice", "not-her-password").createStatement().executeQuery("SELECT 1"));
    assertTrue(describe(wrong).contains("401"), describe(wrong));
    Exception unknown = assertThrows(Exception.class,
        () -> ServerFixture.connect(server, "mallory", "x").createStatement().executeQuery("SELECT 1"));
    assertTrue(describe(unknown).contains("401"), describe(unknown));
    HttpResponse<String> raw = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + server.port() + "/")).POST(HttpRequest.BodyPublishers.ofString("x")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(401, raw.statusCode());
  }

  @Test
  void aReadOnlyUserCannotExportOrRegister() throws Exception {
    try (Connection c = alice(); Statement s = c.createStatement()) {
      Exception export = assertThrows(Exception.class,
          () -> s.execute("CREATE TABLE out.\"stolen.csv\" AS SELECT * FROM orders"));
      assertTrue(export.getMessage().contains("permission denied: CREATE TABLE ... AS writes"), export.getMessage());
      assertLeaksNothing(export);
      Exception register = assertThrows(Exception.class,
          () -> s.executeQuery("SELECT * FROM register_schema('orders', 'orders.csv')").next());
      assertTrue(register.getMessage().contains("permission denied: register_schema writes"),
          register.getMessage());
    }
    assertFalse(Files.exists(root.resolve("out/stolen.csv")));
    try (Connection c = bob();
        ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM dsap.schemas WHERE name = 'orders'")) {
      assertTrue(rs.next());
      assertEquals(0, rs.getLong(1), "alice's register_schema wrote to the registry");
    }
  }

  @Test
  void aWriterExportsIntoTheOutputRoot() throws Exception {
    try (Connection c = bob(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE out.\"delivered.csv\" AS SELECT order_id FROM orders WHERE status = 'delivered'");
    }
    assertTrue(Files.readString(root.resolve("out/delivered.csv")).startsWith("order_id"));
  }

  // ---- hostile files

  @Test
  void anXmlExternalEntityIsNotResolved() throws Exception {
    Exception e = fails("SELECT * FROM read_xml('xxe.xml')");
    assertTrue(e.getMessage().contains("external entities"), e.getMessage());
  }

  @Test
  void anXlsxZipBombIsStopped() throws Exception {
    Exception e = fails("SELECT * FROM read_excel('bomb.xlsx')");
    assertTrue(e.getMessage().contains("zip bomb"), e.getMessage());
  }

  @Test
  void anOversizedFileIsRefused() throws Exception {
    Exception e = fails("SELECT count(*) FROM big");
    assertTrue(e.getMessage().contains("over this server's limit of 64.0 KiB per file"), e.getMessage());
    assertTrue(e.getMessage().contains("'big.csv'"), e.getMessage());
    fails("SELECT * FROM read_csv('big.csv')");
  }

  // ---- limits

  @Test
  void aQueryPastItsTimeLimitIsCancelled() throws Exception {
    Properties p = new Properties();
    p.setProperty("query_timeout", "1ms");
    try (Connection c = ServerFixture.connect(server, "alice", ServerFixture.ALICE_PASSWORD, p);
        Statement s = c.createStatement()) {
      Exception e = assertThrows(Exception.class, () -> {
        try (ResultSet rs = s.executeQuery("SELECT status, count(*) FROM orders GROUP BY status")) {
          while (rs.next()) {
            // read to the end
          }
        }
      });
      assertTrue(e.getMessage().contains("ran longer than its time limit of 1ms"), e.getMessage());
      assertLeaksNothing(e);
      // the connection is still usable once the client allows more time... but this one keeps 1ms
    }
    try (Connection c = alice(); ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM orders")) {
      assertTrue(rs.next(), "the server goes on serving after a timeout");
    }
  }

  @Test
  void aResultOverTheRowLimitFailsAndExactlyTheLimitPasses() throws Exception {
    try (Connection c = alice(); Statement s = c.createStatement()) {
      int n = 0;
      try (ResultSet rs = s.executeQuery("SELECT * FROM orders LIMIT 200")) {
        while (rs.next()) {
          n++;
        }
      }
      assertEquals(200, n);
      Exception e = assertThrows(Exception.class, () -> {
        try (ResultSet rs = s.executeQuery("SELECT * FROM orders")) {
          while (rs.next()) {
            // read to the end
          }
        }
      });
      assertTrue(e.getMessage().contains("more than 200 rows"), e.getMessage());
      assertTrue(e.getMessage().contains("server.limits.max_rows"), e.getMessage());
    }
    assertEquals(0, server.runningStatements(), "the failed statement still holds resources");
  }

  @Test
  void aUserRunsAtMostTheConfiguredNumberOfStatements() throws Exception {
    try (Connection c = bob(); Statement s1 = c.createStatement(); Statement s2 = c.createStatement();
        Statement s3 = c.createStatement()) {
      s1.setFetchSize(5);
      s2.setFetchSize(5);
      // results longer than the first frame stay open on the server until read or closed
      ResultSet r1 = s1.executeQuery("SELECT * FROM orders LIMIT 150");
      ResultSet r2 = s2.executeQuery("SELECT * FROM orders LIMIT 150");
      assertTrue(r1.next() && r2.next());
      assertEquals(2, server.runningStatements());
      Exception e = assertThrows(Exception.class, () -> s3.executeQuery("SELECT count(*) FROM orders"));
      assertTrue(e.getMessage().contains("already has 2 statements running"), e.getMessage());
      try (Connection other = alice(); ResultSet rs = other.createStatement().executeQuery("SELECT 1")) {
        assertTrue(rs.next(), "another user is not held back by bob's statements");
      }
      r1.close();
      s1.close();
      try (ResultSet rs = s3.executeQuery("SELECT count(*) FROM orders")) {
        assertTrue(rs.next(), "closing a statement frees its place");
      }
    }
  }

  /** A valid workbook whose sheet expands to far more than 100 times its compressed size. */
  static void zipBomb(Path target) throws IOException {
    Path plain = target.resolveSibling("plain.xlsx.tmp");
    try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(plain)) {
      wb.createSheet("s").createRow(0).createCell(0).setCellValue("x");
      wb.write(out);
    }
    try (ZipFile in = new ZipFile(plain.toFile());
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
      for (ZipEntry e : java.util.Collections.list(in.entries())) {
        out.putNextEntry(new ZipEntry(e.getName()));
        byte[] bytes;
        try (InputStream is = in.getInputStream(e)) {
          bytes = is.readAllBytes();
        }
        if (e.getName().contains("worksheets/sheet")) {
          String xml = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
          ByteArrayOutputStream padded = new ByteArrayOutputStream();
          int at = xml.indexOf("<sheetData>");
          padded.write(xml.substring(0, at).getBytes(java.nio.charset.StandardCharsets.UTF_8));
          byte[] blanks = new byte[1 << 20];
          java.util.Arrays.fill(blanks, (byte) ' ');
          for (int i = 0; i < 20; i++) {
            padded.write(blanks);
          }
          padded.write(xml.substring(at).getBytes(java.nio.charset.StandardCharsets.UTF_8));
          bytes = padded.toByteArray();
        }
        out.write(bytes);
        out.closeEntry();
      }
    }
    Files.delete(plain);
  }
}
