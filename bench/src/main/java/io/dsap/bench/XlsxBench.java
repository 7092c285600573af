package io.dsap.bench;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Reads a large xlsx through {@code jdbc:dsap:} and prints how long it takes: shows that a sheet
 * of half a million rows streams in a small heap (run it with {@code -Xmx512m}). Not a test.
 *
 * <p>Arguments: {@code [folder] [rows]}; the workbook {@code folder/sales-<rows>.xlsx} is written
 * with SXSSF first if it is missing (default folder {@code target/xlsx-bench}, 500000 rows).
 */
public final class XlsxBench {
  private static final String[] REGIONS = {"North", "South", "East", "West", "Centre"};

  private XlsxBench() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "target/xlsx-bench").toAbsolutePath();
    int rows = args.length > 1 ? Integer.parseInt(args[1]) : 500_000;
    String table = "sales-" + rows;
    Path file = dir.resolve(table + ".xlsx");
    if (!Files.exists(file)) {
      Files.createDirectories(dir);
      long t = System.nanoTime();
      write(file, rows);
      System.out.printf("wrote %s (%,d rows, %,d bytes) in %.1f s%n", file, rows, Files.size(file), secs(t));
    }
    System.out.printf("max heap %,d MB%n", Runtime.getRuntime().maxMemory() >> 20);
    try (Connection c = DriverManager.getConnection("jdbc:dsap:" + dir)) {
      String[] queries = {
          "VALUES 1", // Calcite's own warm-up, apart from the workbook
          "SELECT count(*), sum(x) FROM \"" + table + "\"",
          "SELECT count(*), sum(x) FROM \"" + table + "\"",
          "SELECT region, count(*), sum(x) FROM \"" + table + "\" GROUP BY region ORDER BY region",
      };
      for (String q : queries) {
        long t = System.nanoTime();
        StringBuilder out = new StringBuilder();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(q)) {
          int n = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            for (int i = 1; i <= n; i++) {
              out.append(i > 1 ? ", " : "").append(rs.getString(i));
            }
            out.append(" | ");
          }
        }
        Runtime r = Runtime.getRuntime();
        System.out.printf("%.2f s  heap used %,d MB  %s%n  -> %s%n", secs(t), (r.totalMemory() - r.freeMemory()) >> 20,
            q, out);
      }
    }
  }

  /** id, x (a decimal), region (text), day (a date cell): a typical sales sheet. */
  private static void write(Path file, int rows) throws Exception {
    try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
      wb.setCompressTempFiles(true);
      Sheet s = wb.createSheet("Sales");
      CellStyle date = wb.createCellStyle();
      date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
      Row h = s.createRow(0);
      String[] names = {"id", "x", "region", "day"};
      for (int i = 0; i < names.length; i++) {
        h.createCell(i).setCellValue(names[i]);
      }
      LocalDate start = LocalDate.of(2020, 1, 1);
      for (int i = 1; i <= rows; i++) {
        Row r = s.createRow(i);
        r.createCell(0).setCellValue(i);
        r.createCell(1).setCellValue((i % 10_000) / 100.0);
        r.createCell(2).setCellValue(REGIONS[i % REGIONS.length]);
        r.createCell(3).setCellValue(start.plusDays(i % 1500));
        r.getCell(3).setCellStyle(date);
      }
      try (OutputStream out = Files.newOutputStream(file)) {
        wb.write(out);
      }
    }
  }

  private static double secs(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
