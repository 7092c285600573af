package io.dsap.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each connection reuses the plan of a query it has run before (the same SQL text) while the
 * files and listings it was planned from are unchanged, and plans it anew otherwise: results are
 * always those of a connection without the cache.
 */
class PlanCacheTest {
  private static final String GROUP = "SELECT status, count(*) AS n, sum(amount) AS total FROM orders"
      + " GROUP BY status ORDER BY status";

  @TempDir
  Path dir;

  private Connection open(Path root, String... props) throws SQLException {
    Properties p = new Properties();
    for (int i = 0; i < props.length; i += 2) {
      p.setProperty(props[i], props[i + 1]);
    }
    return DriverManager.getConnection("jdbc:dsap:" + root, p);
  }

  private static PlanCache cache(Connection c) throws SQLException {
    return c.unwrap(PlanCache.class);
  }

  /** {@code rows} orders, status a or b alternately, amount i. */
  private static void orders(Path file, int rows) throws IOException {
    StringBuilder s = new StringBuilder("id,status,amount\n");
    for (int i = 1; i <= rows; i++) {
      s.append(i).append(',').append(i % 2 == 0 ? "b" : "a").append(',').append(i).append('\n');
    }
    Files.writeString(file, s);
  }

  @Test
  void theSameQueryAgainIsAHitWithTheSameRows() throws Exception {
    orders(dir.resolve("orders.csv"), 100);
    Files.copy(Path.of("..", "examples", "products.parquet"), dir.resolve("products.parquet"));
    List<List<String>> expected;
    String products;
    try (Connection off = open(dir, "plan_cache", "off")) {
      expected = Sql.rows(off, GROUP);
      products = Sql.scalar(off, "SELECT count(*) FROM products");
      assertEquals(0, cache(off).hits());
    }
    assertEquals(List.of(List.of("a", "50", "2500"), List.of("b", "50", "2550")), expected);
    try (Connection c = open(dir)) {
      PlanCache plans = cache(c);
      assertEquals(expected, Sql.rows(c, GROUP));
      assertEquals(0, plans.hits());
      assertEquals(expected, Sql.rows(c, GROUP));
      assertEquals(1, plans.hits());
      assertEquals(products, Sql.scalar(c, "SELECT count(*) FROM products"));
      assertEquals(products, Sql.scalar(c, "SELECT count(*) FROM products"));
      assertEquals(2, plans.hits());
      assertEquals(2, plans.size());
    }
  }

  @Test
  void aFileRewrittenWithANewColumnAndOtherRowsGivesTheNewShapeAndContent() throws Exception {
    Path f = dir.resolve("t.csv");
    Files.writeString(f, "id,name\n1,x\n");
    try (Connection c = open(dir)) {
      assertEquals(List.of(List.of("1", "x")), Sql.rows(c, "SELECT * FROM t"));
      assertEquals(List.of(List.of("1", "x")), Sql.rows(c, "SELECT * FROM t"));
      assertEquals(1, cache(c).hits());

      Files.writeString(f, "id,name,extra\n1,x,y\n2,z,w\n");
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM t")) {
        assertEquals(3, rs.getMetaData().getColumnCount());
        assertEquals("extra", rs.getMetaData().getColumnLabel(3));
        assertEquals(List.of(List.of("1", "x", "y"), List.of("2", "z", "w")), Sql.rows(rs));
      }
      assertEquals(1, cache(c).hits(), "the changed file is planned anew");
      assertEquals(List.of(List.of("1", "x", "y"), List.of("2", "z", "w")), Sql.rows(c, "SELECT * FROM t"));
      assertEquals(2, cache(c).hits(), "and that plan is kept");
    }
  }

  @Test
  void readMacroPlansFollowTheFileToo() throws Exception {
    Path f = dir.resolve("data.txt"); // not a table of the root: only read_csv reads it
    Files.writeString(f, "a,b\n1,2\n");
    try (Connection c = open(dir)) {
      String sql = "SELECT * FROM read_csv('data.txt')";
      assertEquals(List.of(List.of("1", "2")), Sql.rows(c, sql));
      assertEquals(List.of(List.of("1", "2")), Sql.rows(c, sql));
      assertEquals(1, cache(c).hits());
      Files.writeString(f, "a,b,c\n1,2,3\n4,5,6\n");
      assertEquals(List.of(List.of("1", "2", "3"), List.of("4", "5", "6")), Sql.rows(c, sql));
    }
  }

  @Test
  void aFileAddedToTheRootMakesAFailingQueryWorkAndADeletedOneGivesTheUsualError() throws Exception {
    orders(dir.resolve("orders.csv"), 10);
    try (Connection c = open(dir)) {
      assertEquals("10", Sql.scalar(c, "SELECT count(*) FROM orders"));
      SQLException missing = assertThrows(SQLException.class, () -> Sql.rows(c, "SELECT * FROM newfile"));
      assertTrue(missing.getMessage().contains("newfile"), missing.getMessage());

      Files.writeString(dir.resolve("newfile.csv"), "k,v\n1,one\n");
      assertEquals(List.of(List.of("1", "one")), Sql.rows(c, "SELECT * FROM newfile"));
      assertEquals(List.of(List.of("1", "one")), Sql.rows(c, "SELECT * FROM newfile"));
      assertEquals(1, cache(c).hits());

      Files.delete(dir.resolve("newfile.csv"));
      SQLException gone = assertThrows(SQLException.class, () -> Sql.rows(c, "SELECT * FROM newfile"));
      assertEquals(missing.getMessage(), gone.getMessage());
      assertEquals(missing.getSQLState(), gone.getSQLState());
      // a file added elsewhere in the root changes the listing: the query is planned anew, same answer
      long hits = cache(c).hits();
      assertEquals("10", Sql.scalar(c, "SELECT count(*) FROM orders"));
      assertEquals(hits, cache(c).hits());
    }
  }

  @Test
  void connectionsWithOtherRootsDoNotShareAPlan() throws Exception {
    Path one = Files.createDirectories(dir.resolve("one"));
    Path two = Files.createDirectories(dir.resolve("two"));
    orders(one.resolve("orders.csv"), 3);
    orders(two.resolve("orders.csv"), 7);
    try (Connection a = open(one); Connection b = open(two)) {
      assertEquals("3", Sql.scalar(a, "SELECT count(*) FROM orders"));
      assertEquals("7", Sql.scalar(b, "SELECT count(*) FROM orders"));
      assertEquals("3", Sql.scalar(a, "SELECT count(*) FROM orders"));
      assertEquals("7", Sql.scalar(b, "SELECT count(*) FROM orders"));
      assertEquals(1, cache(a).hits());
      assertEquals(1, cache(b).hits());
    }
  }

  @Test
  void preparedStatementsBindTheirOwnParametersOnASharedPlan() throws Exception {
    orders(dir.resolve("orders.csv"), 101);
    String sql = "SELECT count(*), sum(amount) FROM orders WHERE status = ? AND amount > ?";
    try (Connection c = open(dir);
        PreparedStatement p1 = c.prepareStatement(sql);
        PreparedStatement p2 = c.prepareStatement(sql)) {
      assertEquals(1, cache(c).hits(), "the second prepareStatement reuses the first one's plan");
      p1.setString(1, "a");
      p1.setInt(2, 90);
      p2.setString(1, "b");
      p2.setInt(2, 0);
      assertEquals(List.of(List.of("6", "576")), rows(p1)); // 91, 93, ..., 101
      assertEquals(List.of(List.of("50", "2550")), rows(p2));
      p1.setString(1, "b");
      assertEquals(List.of(List.of("5", "480")), rows(p1)); // 92, ..., 100
      assertEquals(List.of(List.of("6", "576")), Sql.rows(c,
          "SELECT count(*), sum(amount) FROM orders WHERE status = 'a' AND amount > 90"));
    }
  }

  @Test
  void concurrentExecutionsOfOnePlanAreIndependent() throws Exception {
    orders(dir.resolve("orders.csv"), 1000);
    String count = "SELECT count(*) FROM orders WHERE amount <= ?";
    int threads = 4;
    try (Connection c = open(dir)) {
      List<List<String>> expected = Sql.rows(c, GROUP);
      List<Statement> statements = new ArrayList<>();
      List<PreparedStatement> prepared = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        statements.add(c.createStatement());
        prepared.add(c.prepareStatement(count));
      }
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<String>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int limit = 100 * (t + 1);
          Statement s = statements.get(t);
          PreparedStatement p = prepared.get(t);
          results.add(pool.submit(() -> {
            for (int i = 0; i < 25; i++) {
              try (ResultSet rs = s.executeQuery(GROUP)) {
                assertEquals(expected, Sql.rows(rs));
              }
              p.setInt(1, limit + i);
              assertEquals(List.of(List.of(String.valueOf(limit + i))), rows(p));
            }
            return "ok";
          }));
        }
        for (Future<String> f : results) {
          assertEquals("ok", f.get());
        }
      } finally {
        pool.shutdownNow();
      }
      assertTrue(cache(c).hits() >= threads * 25L, "hits " + cache(c).hits());
      for (Statement s : statements) {
        s.close();
      }
      for (PreparedStatement p : prepared) {
        p.close();
      }
    }
  }

  @Test
  void theCurrentTimeIsTakenAtEachExecution() throws Exception {
    try (Connection c = open(dir)) {
      String sql = "SELECT CURRENT_TIMESTAMP";
      String first = Sql.scalar(c, sql);
      Thread.sleep(1100); // CURRENT_TIMESTAMP has whole seconds
      String second = Sql.scalar(c, sql);
      assertEquals(1, cache(c).hits());
      assertNotEquals(first, second);
    }
  }

  @Test
  void theRowLimitOfAStatementIsPartOfThePlan() throws Exception {
    orders(dir.resolve("orders.csv"), 10);
    try (Connection c = open(dir); Statement s = c.createStatement()) {
      s.setMaxRows(3);
      assertEquals(3, Sql.rows(s.executeQuery("SELECT id FROM orders")).size());
      s.setMaxRows(0);
      assertEquals(10, Sql.rows(s.executeQuery("SELECT id FROM orders")).size());
      s.setMaxRows(3);
      assertEquals(3, Sql.rows(s.executeQuery("SELECT id FROM orders")).size());
      assertEquals(1, cache(c).hits());
    }
  }

  @Test
  void tableFunctionsAndStatementsThatAreNoQueryAreNotKept() throws Exception {
    orders(dir.resolve("orders.csv"), 10);
    try (Connection c = open(dir)) {
      String info = "SELECT format FROM file_info('orders.csv')";
      assertEquals("csv", Sql.scalar(c, info));
      assertEquals("csv", Sql.scalar(c, info));
      String nested = "SELECT count(*) FROM orders WHERE status IN (SELECT format FROM file_info('orders.csv'))";
      assertEquals("0", Sql.scalar(c, nested));
      assertEquals("0", Sql.scalar(c, nested));
      String system = "SELECT count(*) FROM dsap.functions WHERE name = 'validate'";
      Sql.rows(c, system);
      Sql.rows(c, system);
      String explain = "EXPLAIN PLAN FOR SELECT count(*) FROM orders";
      Sql.rows(c, explain);
      Sql.rows(c, explain);
      assertEquals(0, cache(c).hits());
      assertEquals(0, cache(c).size());
    }
  }

  @Test
  void withTheCacheOffEveryQueryIsPlannedAndAnswersAreTheSame() throws Exception {
    orders(dir.resolve("orders.csv"), 100);
    List<List<String>> on;
    try (Connection c = open(dir)) {
      on = Sql.rows(c, GROUP);
    }
    try (Connection c = open(dir, "plan_cache", "off")) {
      assertEquals(on, Sql.rows(c, GROUP));
      assertEquals(on, Sql.rows(c, GROUP));
      assertEquals(0, cache(c).hits());
      assertEquals(0, cache(c).size());
    }
    System.setProperty(PlanCache.SYSTEM_PROPERTY, "off");
    try (Connection c = open(dir)) {
      assertEquals(on, Sql.rows(c, GROUP));
      assertEquals(on, Sql.rows(c, GROUP));
      assertEquals(0, cache(c).hits());
    } finally {
      System.clearProperty(PlanCache.SYSTEM_PROPERTY);
    }
    SQLException bad = assertThrows(SQLException.class, () -> open(dir, "plan_cache", "sometimes"));
    assertTrue(bad.getMessage().contains("plan_cache") && bad.getMessage().contains("sometimes"), bad.getMessage());
  }

  private static List<List<String>> rows(PreparedStatement p) throws SQLException {
    try (ResultSet rs = p.executeQuery()) {
      return Sql.rows(rs);
    }
  }
}
