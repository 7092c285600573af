package io.dsap.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsap.engine.format.parquet.ParquetWriterSink;
import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.types.ColumnType;
import java.math.BigDecimal;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parquet and Arrow files as tables through the JDBC driver, in a JVM without
 * {@code --add-opens} (as inside DBeaver).
 */
class ParquetArrowFilesTest {
  @TempDir
  Path dir;

  Connection c;

  static final List<ColumnSpec> ORDERS = List.of(
      new ColumnSpec("order_id", ColumnType.INTEGER, 0, 0, null, "test"),
      new ColumnSpec("customer_id", ColumnType.INTEGER, 0, 0, null, "test"),
      new ColumnSpec("status", ColumnType.VARCHAR, 0, 0, null, "test"),
      new ColumnSpec("amount", ColumnType.DECIMAL, 12, 2, null, "test"),
      new ColumnSpec("order_date", ColumnType.DATE, 0, 0, null, "test"),
      new ColumnSpec("placed_at", ColumnType.TIMESTAMP, 0, 0, null, "test"),
      new ColumnSpec("weight", ColumnType.DOUBLE, 0, 0, null, "test"),
      new ColumnSpec("gift", ColumnType.BOOLEAN, 0, 0, null, "test"),
      new ColumnSpec("big_total", ColumnType.DECIMAL, 30, 4, null, "test"));

  @BeforeEach
  void open() throws Exception {
    try (ParquetWriterSink sink = ParquetWriterSink.create(dir.resolve("orders.parquet"), ORDERS,
        ParquetWriterSink.Options.DEFAULTS)) {
      String[] statuses = {"paid", "shipped", "delivered"};
      for (int i = 0; i < 300; i++) {
        sink.writeRow(new Object[] {1000 + i, 1 + i % 3, statuses[i % 3], new BigDecimal(i + ".50"),
            LocalDate.of(2024, 1, 1).plusDays(i), LocalDateTime.of(2024, 1, 1, 8, 30).plusHours(i),
            i / 2.0, i % 10 == 0, i == 1 ? null : new BigDecimal("12345678901234567890.1234").add(BigDecimal.valueOf(i))});
      }
      sink.commit();
    }
    Files.writeString(dir.resolve("customers.csv"), "customer_id,name\n1,Ada\n2,Bo\n3,Cy\n");
    c = DriverManager.getConnection("jdbc:dsap:" + dir);
  }

  @AfterEach
  void close() throws SQLException {
    c.close();
  }

  @Test
  void aParquetFileIsATable() throws SQLException {
    assertEquals(List.of(List.of("1000", "1", "paid", "0.50", "2024-01-01", "2024-01-01 08:30:00.0", "0.0", "true",
        "12345678901234567890.1234")), Sql.rows(c, "SELECT * FROM orders ORDER BY order_id LIMIT 1"));
    assertEquals(List.of(List.of("delivered", "100", "15100.00"), List.of("paid", "100", "14900.00"),
        List.of("shipped", "100", "15000.00")),
        Sql.rows(c, "SELECT status, count(*), sum(amount) FROM orders GROUP BY status ORDER BY status"));
    assertEquals("300", Sql.scalar(c, "SELECT count(*) FROM orders"));
    assertEquals("1", Sql.scalar(c, "SELECT count(*) FROM orders WHERE big_total IS NULL"));
  }

  @Test
  void joinsWithACsvFile() throws SQLException {
    assertEquals(List.of(List.of("Ada", "100"), List.of("Bo", "100"), List.of("Cy", "100")),
        Sql.rows(c, "SELECT cu.name, count(*) FROM orders o JOIN customers cu ON o.customer_id = cu.customer_id"
            + " GROUP BY cu.name ORDER BY cu.name"));
  }

  @Test
  void readParquetAndReadFileWork() throws SQLException {
    assertEquals("300", Sql.scalar(c, "SELECT count(*) FROM read_parquet('orders.parquet')"));
    assertEquals("300", Sql.scalar(c, "SELECT count(*) FROM read_file('orders.parquet')"));
    assertEquals("paid", Sql.scalar(c, "SELECT status FROM read_parquet(path => 'orders.parquet',"
        + " binary_as_string => true) WHERE order_id = 1000"));
  }

  @Test
  void fileInfoDescribesTheParquetFile() throws SQLException {
    List<List<String>> r = Sql.rows(c, "SELECT format, row_count, rejected_rows, column_count, \"columns\", details,"
        + " read_statement FROM file_info('orders.parquet')");
    assertEquals("parquet", r.get(0).get(0));
    assertEquals("300", r.get(0).get(1));
    assertEquals("0", r.get(0).get(2));
    assertEquals("9", r.get(0).get(3));
    assertEquals("order_id INTEGER, customer_id INTEGER, status VARCHAR, amount DECIMAL(12,2), order_date DATE,"
        + " placed_at TIMESTAMP, weight DOUBLE, gift BOOLEAN, big_total DECIMAL(30,4)", r.get(0).get(4));
    assertTrue(r.get(0).get(5).startsWith("row_groups=1; compression=SNAPPY; created_by=parquet-mr"), r.get(0).get(5));
    assertEquals("SELECT * FROM read_parquet(path => 'orders.parquet')", r.get(0).get(6));
  }

  @Test
  void preparedStatementMetadataHasTheParquetTypes() throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT * FROM orders WHERE order_id = ?")) {
      ResultSetMetaData md = ps.getMetaData();
      int[] types = new int[md.getColumnCount()];
      for (int i = 0; i < types.length; i++) {
        types[i] = md.getColumnType(i + 1);
      }
      assertEquals(Arrays.toString(new int[] {Types.INTEGER, Types.INTEGER, Types.VARCHAR, Types.DECIMAL, Types.DATE,
          Types.TIMESTAMP, Types.DOUBLE, Types.BOOLEAN, Types.DECIMAL}), Arrays.toString(types));
      assertEquals(12, md.getPrecision(4));
      assertEquals(2, md.getScale(4));
      // Calcite's default type system caps DECIMAL at 19 digits: DECIMAL(30,4) is announced as (19,4) although
      // values keep all 30 digits (see docs/formats-parquet-arrow.md); a driver-wide type system would fix it
      assertEquals(4, md.getScale(9));
      ps.setInt(1, 1002);
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        assertEquals(new BigDecimal("2.50"), rs.getBigDecimal("amount"));
        assertEquals("2024-01-03", rs.getDate("order_date").toString());
      }
    }
  }

  @Test
  void aTruncatedParquetFileFailsTheStatementClearly() throws Exception {
    byte[] b = Files.readAllBytes(dir.resolve("orders.parquet"));
    Files.write(dir.resolve("cut.parquet"), Arrays.copyOf(b, b.length - 100));
    SQLException e = assertThrows(SQLException.class, () -> Sql.rows(c, "SELECT * FROM read_parquet('cut.parquet')"));
    String m = fullMessage(e);
    assertTrue(m.contains("'cut.parquet'") && m.contains("the footer is missing") && m.contains("Copy or export the file"
        + " again"), m);
  }

  @Test
  void anArrowFileIsATableWithoutJvmFlags() throws Exception {
    writeArrowInChildJvm(dir.resolve("people.arrow"));
    assertEquals(List.of(List.of("1", "Ada"), List.of("2", "null"), List.of("3", "Cy")),
        Sql.rows(c, "SELECT * FROM people ORDER BY id"));
    assertEquals("arrow", Sql.scalar(c, "SELECT format FROM file_info('people.arrow')"));
    assertEquals("3", Sql.scalar(c, "SELECT count(*) FROM read_arrow('people.arrow')"));
  }

  private static String fullMessage(Throwable t) {
    StringBuilder b = new StringBuilder();
    for (Throwable x = t; x != null; x = x.getCause()) {
      b.append(x.getMessage()).append(" | ");
    }
    return b.toString();
  }

  /** Arrow's writer needs --add-opens: it runs in a child JVM that has it. */
  private static void writeArrowInChildJvm(Path file) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "--add-opens=java.base/java.nio=ALL-UNNAMED", "-cp",
        System.getProperty("java.class.path"), ArrowWriterMain.class.getName(), file.toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
  }

  /** Writes a three-row Arrow file (run with the flag). */
  public static final class ArrowWriterMain {
    public static void main(String[] args) throws Exception {
      try (RootAllocator a = new RootAllocator(); IntVector id = new IntVector("id", a);
          VarCharVector name = new VarCharVector("name", a)) {
        id.allocateNew(3);
        name.allocateNew(3);
        String[] names = {"Ada", null, "Cy"};
        for (int i = 0; i < 3; i++) {
          id.set(i, i + 1);
          if (names[i] != null) {
            name.setSafe(i, names[i].getBytes(StandardCharsets.UTF_8));
          }
        }
        id.setValueCount(3);
        name.setValueCount(3);
        try (VectorSchemaRoot root = new VectorSchemaRoot(List.of(id, name));
            FileChannel ch = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            ArrowFileWriter w = new ArrowFileWriter(root, null, ch)) {
          w.start();
          w.writeBatch();
          w.end();
        }
      }
    }
  }
}
