package io.dsap.engine.format.excel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Date;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes {@code examples/targets.xlsx}, the workbook of the docs' examples: the shop's quarterly
 * sales targets by country (sheet Targets) and its countries (sheet Countries, joinable with the
 * {@code country} of orders.csv and customers.csv). The bytes are the same on every run (fixed
 * document date and zip entry times), so the file changes only when this class does.
 *
 * <pre>mvn -q -o -B -pl engine test-compile &&
 * java -cp engine/target/test-classes:engine/target/classes:$(cat cp.txt) \
 *   io.dsap.engine.format.excel.ExampleWorkbook examples/targets.xlsx</pre>
 */
public final class ExampleWorkbook {
  static final Path FILE = Path.of("../examples/targets.xlsx");
  private static final long FIXED_TIME = 1_704_067_200_000L; // 2024-01-01T00:00:00Z

  private ExampleWorkbook() {}

  public static void main(String[] args) throws IOException {
    Path out = args.length > 0 ? Path.of(args[0]) : FILE;
    Files.write(out, bytes());
    System.out.println("wrote " + out);
  }

  /** The workbook's bytes. */
  static byte[] bytes() {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      wb.getProperties().getCoreProperties().setCreated(Optional.of(new Date(FIXED_TIME)));
      CellStyle date = wb.createCellStyle();
      date.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy"));
      CellStyle money = wb.createCellStyle();
      money.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
      CellStyle percent = wb.createCellStyle();
      percent.setDataFormat(wb.createDataFormat().getFormat("0%"));

      Sheet t = wb.createSheet("Targets");
      header(t, "country", "quarter", "target", "set_on");
      String[] countries = {"DE", "ES", "FR", "IT", "US"};
      double[] base = {4000, 1500, 2500, 2000, 6000};
      int r = 1;
      for (int c = 0; c < countries.length; c++) {
        for (int q = 1; q <= 4; q++) {
          Row row = t.createRow(r++);
          row.createCell(0).setCellValue(countries[c]);
          row.createCell(1).setCellValue("Q" + q);
          row.createCell(2).setCellValue(base[c] + 250 * (q - 1));
          row.getCell(2).setCellStyle(money);
          row.createCell(3).setCellValue(LocalDate.of(2023, 12, 1).plusDays(c));
          row.getCell(3).setCellStyle(date);
        }
      }

      Sheet k = wb.createSheet("Countries");
      header(k, "code", "name", "region", "vat_rate");
      Object[][] rows = {
          {"DE", "Germany", "EU", 0.19}, {"ES", "Spain", "EU", 0.21}, {"FR", "France", "EU", 0.20},
          {"IT", "Italy", "EU", 0.22}, {"US", "United States", "Americas", 0.0},
      };
      for (int i = 0; i < rows.length; i++) {
        Row row = k.createRow(i + 1);
        row.createCell(0).setCellValue((String) rows[i][0]);
        row.createCell(1).setCellValue((String) rows[i][1]);
        row.createCell(2).setCellValue((String) rows[i][2]);
        row.createCell(3).setCellValue((Double) rows[i][3]);
        row.getCell(3).setCellStyle(percent);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      return fixTimes(out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void header(Sheet s, String... names) {
    Row r = s.createRow(0);
    for (int i = 0; i < names.length; i++) {
      r.createCell(i).setCellValue(names[i]);
    }
  }

  /** The same zip with every entry dated {@link #FIXED_TIME}: the file's bytes do not depend on when it was made. */
  private static byte[] fixTimes(byte[] zip) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip));
        ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        ZipEntry copy = new ZipEntry(e.getName());
        copy.setTime(FIXED_TIME);
        out.putNextEntry(copy);
        copy(in, out);
        out.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static void copy(InputStream in, OutputStream out) throws IOException {
    in.transferTo(out);
  }
}
