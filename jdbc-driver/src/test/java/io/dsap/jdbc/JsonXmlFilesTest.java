package io.dsap.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON, NDJSON and XML files through the driver: tables, read_* functions, file_info, rejects. */
class JsonXmlFilesTest {
  @TempDir
  Path dir;

  @BeforeEach
  void files() throws IOException {
    Files.writeString(dir.resolve("events.ndjson"), """
        {"id": 1, "kind": "click", "at": "2024-03-01T10:00:00", "user": {"id": 7, "country": "DE"}, "amount": 1.50}
        {"id": 2, "kind": "view", "at": "2024-03-01T10:05:00", "user": {"id": 8, "country": "FR"}, "amount": 0.25}
        {"id": 3, "kind": "click", "at": "2024-03-02T09:00:00", "user": {"id": 7, "country": "DE"}, "amount": }
        {"id": 4, "kind": "buy", "at": "2024-03-02T09:30:00", "user": {"id": 9, "country": null}, "amount": 12.00}
        """);
    Files.writeString(dir.resolve("api.json"), """
        {"page": 1, "data": [{"sku": "A-1", "qty": 2}, {"sku": "B-2", "qty": 5}]}
        """);
    Files.writeString(dir.resolve("books.xml"), """
        <?xml version="1.0"?>
        <catalog xmlns="urn:books">
          <book id="1"><title>Dune</title><price>9.99</price></book>
          <book id="2"><title>Emma</title><price>4.50</price></book>
        </catalog>
        """);
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:dsap:" + dir);
  }

  @Test
  void jsonAndXmlFilesAreTablesInTheFilesSchema() throws SQLException {
    try (Connection c = connect()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = c.getMetaData().getTables(null, "files", "%", null)) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_NAME"));
        }
      }
      tables.sort(null);
      assertEquals(List.of("api", "books", "events"), tables);
      assertEquals(List.of(List.of("1", "click", "DE", "1.50"), List.of("2", "view", "FR", "0.25"),
          List.of("4", "buy", "null", "12.00")),
          Sql.rows(c, "SELECT id, kind, \"user.country\", amount FROM events ORDER BY id"));
      assertEquals("7", Sql.scalar(c, "SELECT sum(qty) FROM api"));
      assertEquals("14.49", Sql.scalar(c, "SELECT sum(price) FROM books"));
    }
  }

  @Test
  void columnsHaveSqlTypes() throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM events")) {
      ResultSetMetaData md = rs.getMetaData();
      List<String> cols = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        cols.add(md.getColumnLabel(i) + ":" + md.getColumnType(i));
      }
      assertEquals(List.of("id:" + Types.INTEGER, "kind:" + Types.VARCHAR, "at:" + Types.TIMESTAMP,
          "user.id:" + Types.INTEGER, "user.country:" + Types.VARCHAR, "amount:" + Types.DECIMAL), cols);
    }
  }

  @Test
  void readFunctionsTakeOptionsAsNamedArguments() throws SQLException {
    try (Connection c = connect()) {
      assertEquals(List.of(List.of("B-2", "5")),
          Sql.rows(c, "SELECT sku, qty FROM read_json('api.json', records_path => 'data') WHERE qty > 2"));
      assertEquals("{\"id\":7,\"country\":\"DE\"}",
          Sql.scalar(c, "SELECT \"user\" FROM read_json(path => 'events.ndjson', max_depth => 1) WHERE id = 1"));
      assertEquals("Emma", Sql.scalar(c, "SELECT title FROM read_xml('books.xml', row_tag => 'book') WHERE id = '2'"));
      assertEquals("2", Sql.scalar(c, "SELECT count(*) FROM read_file('books.xml')"));
      assertEquals("3", Sql.scalar(c, "SELECT count(*) FROM read_file('events.ndjson', format => 'json',"
          + " layout => 'ndjson')"));
      SQLException e = assertThrows(SQLException.class,
          () -> Sql.rows(c, "SELECT * FROM read_json('api.json', layout => 'lines')"));
      assertTrue(e.getMessage().contains("option layout => 'lines' is not valid"), e.getMessage());
    }
  }

  @Test
  void fileInfoAndRejectsDescribeJson() throws SQLException {
    try (Connection c = connect()) {
      List<List<String>> info = Sql.rows(c, "SELECT format, encoding, row_count, rejected_rows, details, read_statement"
          + " FROM file_info('events.ndjson')");
      List<String> row = info.get(0);
      assertEquals(List.of("json", "UTF-8", "3", "1"), row.subList(0, 4));
      assertTrue(row.get(4).startsWith("json_layout=ndjson; max_depth=3; sampled_records=3 (all)"), row.get(4));
      assertEquals("SELECT * FROM read_json(path => 'events.ndjson', layout => 'ndjson', types => 'id:INTEGER,"
          + "kind:VARCHAR,at:TIMESTAMP,user.id:INTEGER,user.country:VARCHAR,amount:DECIMAL(18,2)')", row.get(5));
      assertEquals("3", Sql.scalar(c, "SELECT count(*) FROM (" + row.get(5) + ")"), "the statement reads the file");

      List<List<String>> rejects = Sql.rows(c, "SELECT line, byte_offset, raw_record, reason FROM rejects('events.ndjson')");
      assertEquals(1, rejects.size());
      assertEquals("3", rejects.get(0).get(0));
      assertTrue(rejects.get(0).get(2).startsWith("{\"id\": 3,"), rejects.get(0).get(2));
      assertTrue(rejects.get(0).get(3).startsWith("events.ndjson:3: not valid JSON"), rejects.get(0).get(3));

      List<String> xml = Sql.rows(c, "SELECT format, row_count, details FROM file_info('books.xml')").get(0);
      assertEquals("xml", xml.get(0));
      assertEquals("2", xml.get(1));
      assertTrue(xml.get(2).contains("root=catalog; row_tag=book"), xml.get(2));
    }
  }

  /** The same generated NDJSON read by dsap and by DuckDB's read_json_auto gives the same rows. */
  @Test
  void agreesWithDuckDb() throws Exception {
    Path f = dir.resolve("gen.ndjson");
    try (BufferedWriter w = Files.newBufferedWriter(f)) {
      for (int i = 1; i <= 5000; i++) {
        w.write("{\"id\": " + i + ", \"name\": \"n" + (i % 37) + "\", \"score\": " + (i % 100) + "." + (i % 10)
            + ", \"ok\": " + (i % 3 == 0) + ", \"dt\": \"2024-01-" + String.format("%02d", 1 + i % 28) + "\""
            + (i % 7 == 0 ? "" : ", \"opt\": " + (i * 3)) + "}\n");
      }
    }
    String query = "SELECT count(*), sum(id), sum(score), count(opt), sum(opt), min(dt), max(dt),"
        + " sum(CASE WHEN ok THEN 1 ELSE 0 END), count(DISTINCT name) FROM ";
    List<List<String>> ours;
    try (Connection c = connect()) {
      ours = Sql.rows(c, query + "read_json('gen.ndjson')");
    }
    List<List<String>> theirs;
    try (Connection d = DriverManager.getConnection("jdbc:duckdb:")) {
      theirs = Sql.rows(d, query + "read_json_auto('" + f + "')");
    }
    assertEquals(normalise(theirs), normalise(ours));
    try (Connection c = connect(); Connection d = DriverManager.getConnection("jdbc:duckdb:")) {
      String sample = "SELECT id, name, score, ok, opt FROM %s WHERE id IN (1, 7, 4999) ORDER BY id";
      assertEquals(normalise(Sql.rows(d, String.format(sample, "read_json_auto('" + f + "')"))),
          normalise(Sql.rows(c, String.format(sample, "read_json('gen.ndjson')"))));
    }
  }

  /** Numbers compared by value (DuckDB prints 2.50 as 2.5 for doubles), dates by text. */
  private static List<List<String>> normalise(List<List<String>> rows) {
    List<List<String>> out = new ArrayList<>();
    for (List<String> r : rows) {
      List<String> n = new ArrayList<>();
      for (String v : r) {
        n.add(v.matches("-?\\d+(\\.\\d+)?") ? new java.math.BigDecimal(v).stripTrailingZeros().toPlainString() : v);
      }
      out.add(n);
    }
    return out;
  }
}
