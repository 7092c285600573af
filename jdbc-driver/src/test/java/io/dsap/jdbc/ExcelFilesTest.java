package io.dsap.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Workbooks through the embedded driver: every sheet a table, joined with CSV, described by file_info. */
class ExcelFilesTest {
  @TempDir
  Path dir;

  Connection c;

  @BeforeEach
  void open() throws Exception {
    writeBook(dir.resolve("book.xlsx"));
    Files.writeString(dir.resolve("customers.csv"), "customer_id,name\n1,Anna\n2,Bo\n3,Chen\n");
    c = DriverManager.getConnection("jdbc:dsap:" + dir);
  }

  @AfterEach
  void close() throws SQLException {
    c.close();
  }

  /** Sheet1: orders (one with a #DIV/0! in a formula column); Sheet2: monthly targets. */
  static void writeBook(Path file) throws IOException {
    try (Workbook wb = new XSSFWorkbook()) {
      CellStyle date = wb.createCellStyle();
      date.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy"));
      Sheet orders = wb.createSheet("Sheet1");
      header(orders, "order_id", "customer_id", "order_date", "amount", "unit_price");
      Object[][] data = {
          {1001, 1, LocalDate.of(2024, 1, 5), 120.5, 2},
          {1002, 2, LocalDate.of(2024, 1, 6), 80, 0},
          {1003, 1, LocalDate.of(2024, 2, 1), 45.25, 5},
          {1004, 3, LocalDate.of(2024, 2, 3), 300, 4},
      };
      for (int i = 0; i < data.length; i++) {
        Row r = orders.createRow(i + 1);
        r.createCell(0).setCellValue(((Number) data[i][0]).doubleValue());
        r.createCell(1).setCellValue(((Number) data[i][1]).doubleValue());
        r.createCell(2).setCellValue((LocalDate) data[i][2]);
        r.getCell(2).setCellStyle(date);
        r.createCell(3).setCellValue(((Number) data[i][3]).doubleValue());
        r.createCell(4).setCellFormula("D" + (i + 2) + "/" + data[i][4]); // order 1002 divides by zero
      }
      Sheet targets = wb.createSheet("Sheet2");
      header(targets, "month", "target");
      for (int m = 1; m <= 3; m++) {
        Row r = targets.createRow(m);
        r.createCell(0).setCellValue("2024-0" + m);
        r.createCell(1).setCellValue(m * 100);
      }
      wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
      try (OutputStream out = Files.newOutputStream(file)) {
        wb.write(out);
      }
    }
  }

  private static void header(Sheet s, String... names) {
    Row r = s.createRow(0);
    for (int i = 0; i < names.length; i++) {
      r.createCell(i).setCellValue(names[i]);
    }
  }

  @Test
  void everySheetIsATableAndTheFileNameIsTheFirst() throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet rs = c.getMetaData().getTables(null, "files", "%", null)) {
      while (rs.next()) {
        names.add(rs.getString("TABLE_NAME"));
      }
    }
    names.sort(null);
    assertEquals(List.of("book", "book$Sheet1", "book$Sheet2", "customers"), names);
    assertEquals("3", Sql.scalar(c, "SELECT count(*) FROM \"book$Sheet2\""));
    assertEquals("3", Sql.scalar(c, "SELECT count(*) FROM book")); // one order rejected (#DIV/0!)
    assertEquals(Sql.rows(c, "SELECT * FROM book"), Sql.rows(c, "SELECT * FROM \"book$Sheet1\""));
    assertEquals("600", Sql.scalar(c, "SELECT sum(target) FROM read_excel('book.xlsx', sheet => 'Sheet2')"));
    assertEquals("600", Sql.scalar(c, "SELECT sum(target) FROM read_excel('book.xlsx', sheet => '2')"));
    assertEquals("600", Sql.scalar(c, "SELECT sum(target) FROM read_file('book.xlsx', sheet => 'Sheet2')"));
  }

  @Test
  void xlsWorkbooksAreTablesToo() throws Exception {
    try (org.apache.poi.hssf.usermodel.HSSFWorkbook wb = new org.apache.poi.hssf.usermodel.HSSFWorkbook()) {
      Sheet s = wb.createSheet("Old");
      header(s, "code", "qty");
      for (int i = 1; i <= 3; i++) {
        Row r = s.createRow(i);
        r.createCell(0).setCellValue("00" + i); // zero-padded codes stay text
        r.createCell(1).setCellValue(i * 10);
      }
      try (OutputStream out = Files.newOutputStream(dir.resolve("legacy.xls"))) {
        wb.write(out);
      }
    }
    assertEquals(List.of(List.of("001", "10"), List.of("003", "30")),
        Sql.rows(c, "SELECT code, qty FROM legacy WHERE qty <> 20 ORDER BY code"));
    assertEquals(List.of(List.of("excel", "Old", "code VARCHAR, qty INTEGER", "leading_zeros")),
        Sql.rows(c, "SELECT format, tables, \"columns\", flags FROM file_info('legacy.xls')"));
  }

  @Test
  void typedColumnsGroupAndJoinWithCsv() throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM book")) {
      ResultSetMetaData md = rs.getMetaData();
      assertEquals(Types.INTEGER, md.getColumnType(1));
      assertEquals(Types.DATE, md.getColumnType(3));
      assertEquals(Types.DECIMAL, md.getColumnType(4));
      assertTrue(rs.next());
      assertEquals(java.sql.Date.valueOf("2024-01-05"), rs.getDate("order_date"));
      assertEquals(new java.math.BigDecimal("120.50"), rs.getBigDecimal("amount"));
    }
    assertEquals(List.of(List.of("1", "120.50"), List.of("2", "345.25")), Sql.rows(c,
        "SELECT EXTRACT(MONTH FROM order_date) AS m, sum(amount) FROM book GROUP BY EXTRACT(MONTH FROM order_date)"
            + " ORDER BY m"));
    assertEquals(List.of(List.of("Anna", "165.75"), List.of("Chen", "300.00")), Sql.rows(c,
        "SELECT cu.name, sum(o.amount) FROM book o JOIN customers cu ON o.customer_id = cu.customer_id"
            + " GROUP BY cu.name ORDER BY cu.name"));
  }

  @Test
  void fileInfoListsTheSheetsAndRejectsNameTheCell() throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM file_info('book.xlsx')")) {
      assertTrue(rs.next());
      assertEquals("excel", rs.getString("format"));
      assertEquals("Sheet1, Sheet2", rs.getString("tables"));
      assertTrue(rs.getBoolean("header"));
      assertEquals(3, rs.getLong("row_count"));
      assertEquals(1, rs.getLong("rejected_rows"));
      assertEquals("order_id INTEGER, customer_id INTEGER, order_date DATE, amount DECIMAL(18,2),"
          + " unit_price DECIMAL(18,2)", rs.getString("columns"));
      assertEquals("error_cells", rs.getString("flags"));
      assertEquals("workbook=xlsx; sheet=Sheet1; dimension=A1:E5; date_system=1900; header_row=1;"
          + " data_columns=A:E; merged_areas=0", rs.getString("details"));
      String read = rs.getString("read_statement");
      assertEquals("SELECT * FROM read_excel(path => 'book.xlsx', sheet => 'Sheet1', header => true, types =>"
          + " 'order_id:INTEGER,customer_id:INTEGER,order_date:DATE,amount:DECIMAL(18,2),unit_price:DECIMAL(18,2)')",
          read);
      assertEquals(Sql.rows(c, "SELECT * FROM book"), Sql.rows(c, read));
    }
    assertEquals(List.of(List.of("3", "unit_price", "#DIV/0!", "A3=1002; B3=2; C3=2024-01-06; D3=80; E3=#DIV/0!")),
        Sql.rows(c, "SELECT line, column_name, \"value\", raw_record FROM rejects('book.xlsx')"));
  }

  @Test
  void badOptionsAndMissingSheetsFailWithTheFix() {
    SQLException e = assertThrows(SQLException.class,
        () -> Sql.rows(c, "SELECT * FROM read_excel('book.xlsx', sheet => 'Sales')"));
    assertTrue(DriverTest.message(e).contains("'book.xlsx' has no sheet of that name. Its sheets are 'Sheet1',"
        + " 'Sheet2'"), DriverTest.message(e));
    e = assertThrows(SQLException.class,
        () -> Sql.rows(c, "SELECT * FROM read_excel('book.xlsx', range => 'A1')"));
    assertTrue(DriverTest.message(e).contains("option range => 'A1' is not valid"), DriverTest.message(e));
  }
}
