package io.dsap.server.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsap.server.DsapServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several remote clients at once, each on its own connection, running the mix a team sends a
 * shared server: metadata, small queries, a parameter, validate and an aggregate over a generated
 * file. Every answer must be right; nothing here measures time (bench/ does, see LoadBench).
 */
class ConcurrentClientsIT {
  static final int CLIENTS = 8;
  static final int ROUNDS = 3;
  static final int ROWS = 200_000;

  @Test
  void parallelClientsGetCorrectAnswers(@TempDir Path dir) throws Exception {
    Path root = TestFiles.root(dir, ROWS);
    try (DsapServer server = DsapServer.start(root, 0); ShadedDriver jar = new ShadedDriver()) {
      String url = "jdbc:dsap:remote:url=http://127.0.0.1:" + server.port();
      ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
      CyclicBarrier start = new CyclicBarrier(CLIENTS); // all clients hit the server together
      try {
        List<Future<Integer>> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
          int client = i;
          clients.add(pool.submit(() -> {
            try (Connection c = jar.connect(url, new Properties())) {
              start.await();
              int checks = 0;
              for (int round = 0; round < ROUNDS; round++) {
                // each client starts the mix at a different step, so different work overlaps
                for (int step = 0; step < 5; step++) {
                  checks += runStep((step + client) % 5, c, client);
                }
              }
              return checks;
            }
          }));
        }
        int total = 0;
        for (Future<Integer> f : clients) {
          total += f.get(10, TimeUnit.MINUTES); // a failed check fails here with its message
        }
        assertEquals(CLIENTS * ROUNDS * 5, total);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  /** One step of the mix; throws AssertionError on a wrong answer; returns 1. */
  static int runStep(int step, Connection c, int client) throws SQLException {
    switch (step) {
      case 0 -> { // the navigator: tables and columns
        try (ResultSet rs = c.getMetaData().getColumns(null, "files", "big", "%")) {
          List<String> cols = new ArrayList<>();
          while (rs.next()) {
            cols.add(rs.getString("COLUMN_NAME"));
          }
          assertEquals(List.of("id", "v", "label"), cols);
        }
      }
      case 1 -> { // a small query with a parameter
        try (PreparedStatement p = c.prepareStatement("SELECT count(*) FROM orders WHERE status = ?")) {
          p.setString(1, client % 2 == 0 ? "delivered" : "no such status");
          try (ResultSet rs = p.executeQuery()) {
            assertTrue(rs.next());
            assertEquals(client % 2 == 0 ? 98 : 0, rs.getLong(1));
          }
        }
      }
      case 2 -> { // validate
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT \"line\", \"value\" FROM validate('orders.csv', NULL, 'quantity > 0')"
                + " WHERE check_name LIKE 'rule:%'")) {
          assertTrue(rs.next());
          assertEquals(91, rs.getLong(1));
          assertEquals("-2", rs.getString(2));
        }
      }
      case 3 -> { // an aggregate over the generated file
        Map<String, Long> counts = new TreeMap<>();
        long sum = 0;
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT label, count(*) AS n, sum(v) AS total FROM big GROUP BY label")) {
          while (rs.next()) {
            counts.put(rs.getString(1), rs.getLong(2));
            sum += rs.getLong(3);
          }
        }
        assertEquals(8, counts.size(), counts.toString());
        counts.values().forEach(n -> assertEquals(ROWS / 8, n));
        assertEquals(TestFiles.sumOfV(ROWS), sum);
      }
      default -> { // a join, fetched over several frames
        try (Statement s = c.createStatement()) {
          s.setFetchSize(50);
          int n = 0;
          try (ResultSet rs = s.executeQuery("SELECT o.order_id, c.customer_id FROM orders o "
              + "JOIN customers c ON o.customer_id = c.customer_id")) {
            while (rs.next()) {
              n++;
            }
          }
          assertTrue(n > 200, "joined rows: " + n);
        }
      }
    }
    return 1;
  }
}
