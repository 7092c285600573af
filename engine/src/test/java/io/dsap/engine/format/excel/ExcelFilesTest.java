package io.dsap.engine.format.excel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsap.engine.batch.Batch;
import io.dsap.engine.error.DsapException;
import io.dsap.engine.error.ErrorCode;
import io.dsap.engine.format.BatchReader;
import io.dsap.engine.format.FormatOptions;
import io.dsap.engine.format.FormatRegistry;
import io.dsap.engine.format.Match;
import io.dsap.engine.format.ProgressListener;
import io.dsap.engine.format.TableSource;
import io.dsap.engine.rejects.RejectSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole files: detection by content, large sheets streamed, hostile and mislabelled files. */
class ExcelFilesTest {
  @TempDir
  Path dir;

  final ExcelFormat format = new ExcelFormat();

  @Test
  void aLargeSheetIsStreamedWithExactCountsAndSums() throws IOException {
    int rows = 100_000;
    Path f = dir.resolve("big.xlsx");
    try (SXSSFWorkbook wb = new SXSSFWorkbook(100)) {
      Sheet s = wb.createSheet("Data");
      CellStyle date = wb.createCellStyle();
      date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
      Row h = s.createRow(0);
      h.createCell(0).setCellValue("id");
      h.createCell(1).setCellValue("x");
      h.createCell(2).setCellValue("label");
      h.createCell(3).setCellValue("day");
      for (int i = 1; i <= rows; i++) {
        Row r = s.createRow(i);
        r.createCell(0).setCellValue(i);
        r.createCell(1).setCellValue(i * 0.5);
        r.createCell(2).setCellValue("row " + i);
        r.createCell(3).setCellValue(LocalDate.of(2024, 1, 1).plusDays(i % 366));
        r.getCell(3).setCellStyle(date);
      }
      try (OutputStream out = Files.newOutputStream(f)) {
        wb.write(out);
      }
    }
    TableSource source = format.open(f, "big.xlsx", "", FormatOptions.NONE);
    assertEquals(List.of("INTEGER", "DECIMAL(18,1)", "VARCHAR", "DATE"),
        source.columns().stream().map(c -> c.typeText()).toList());
    double sum = 0;
    long seen = 0;
    AtomicLong lastProgress = new AtomicLong();
    try (BatchReader r = source.open(new int[] {1}, RejectSink.DISCARD, (done, n, total) -> lastProgress.set(done))) {
      for (Batch b = r.next(); b != null; b = r.next()) {
        for (int i = 0; i < b.rowCount(); i++) {
          sum += ((Number) b.column(0).get(i)).doubleValue();
        }
        seen += b.rowCount();
      }
      assertEquals(new io.dsap.engine.csv.ScanStats(rows, rows, 0), r.stats());
    }
    assertEquals(rows, seen);
    assertEquals(0.5 * rows * (rows + 1) / 2, sum, 1e-6);
    assertTrue(lastProgress.get() > 1_000_000, "progress counts sheet bytes: " + lastProgress.get());
  }

  @Test
  void aZipBombFailsWithAClearMessageInsteadOfFillingMemory() throws IOException {
    Path good = Books.xlsx().sheet("Sheet1").row(1, "a").row(2, 1).save(dir.resolve("good.xlsx"));
    Path bomb = dir.resolve("bomb.xlsx");
    byte[] row = "<row><c t=\"inlineStr\"><is><t>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</t></is></c></row>"
        .getBytes(StandardCharsets.US_ASCII);
    try (ZipFile in = new ZipFile(good.toFile());
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bomb))) {
      for (ZipEntry e : java.util.Collections.list(in.entries())) {
        out.putNextEntry(new ZipEntry(e.getName()));
        if (e.getName().equals("xl/worksheets/sheet1.xml")) {
          out.write(("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>")
              .getBytes(StandardCharsets.US_ASCII));
          byte[] block = new byte[row.length * 8192];
          for (int i = 0; i < 8192; i++) {
            System.arraycopy(row, 0, block, i * row.length, row.length);
          }
          for (long written = 0; written < 400L << 20; written += block.length) {
            out.write(block); // 400 MB of XML that compresses about 1000:1
          }
          out.write("</sheetData></worksheet>".getBytes(StandardCharsets.US_ASCII));
        } else {
          try (InputStream data = in.getInputStream(e)) {
            data.transferTo(out);
          }
        }
        out.closeEntry();
      }
    }
    assertTrue(Files.size(bomb) < 2_000_000, "the bomb is small on disk: " + Files.size(bomb));
    long start = System.nanoTime();
    DsapException e = assertThrows(DsapException.class, () -> format.open(bomb, "bomb.xlsx", "", FormatOptions.NONE));
    assertEquals(ErrorCode.MALFORMED_DATA, e.code());
    assertTrue(e.getMessage().startsWith("DSAP-1008: cannot read 'bomb.xlsx', sheet 'Sheet1' near row "),
        e.getMessage());
    assertTrue(e.getMessage().contains(": a part of the workbook (xl/worksheets/sheet1.xml) expands to more than 100 times its compressed size, which is how zip bombs"
        + " exhaust memory; dsap stops reading it."), e.getMessage());
    assertTrue(System.nanoTime() - start < 10_000_000_000L, "fails early, without inflating it all");
  }

  @Test
  void detectionByContent() throws IOException {
    FormatRegistry formats = FormatRegistry.defaults();
    Path xlsx = Books.xlsx().sheet("S").row(1, "a").save(dir.resolve("renamed.dat"));
    assertEquals("excel", formats.detect(xlsx).name());
    assertEquals(Match.MAGIC, format.probe(FormatRegistry.probe(xlsx)));
    Path xls = Books.xls().sheet("S").row(1, "a").save(dir.resolve("old.xls"));
    assertEquals(Match.MAGIC, format.probe(FormatRegistry.probe(xls)));

    Path docx = zip(dir.resolve("letter.docx"), "word/document.xml", "<w:document/>".getBytes(StandardCharsets.UTF_8));
    assertEquals(Match.NONE, format.probe(FormatRegistry.probe(docx)));
    Path fakeXlsx = zip(dir.resolve("fake.xlsx"), "word/document.xml", new byte[10]);
    assertEquals(Match.EXTENSION, format.probe(FormatRegistry.probe(fakeXlsx)));

    // a large first entry pushes xl/ beyond the first bytes: the central directory settles it
    byte[] noise = new byte[20_000];
    new Random(1).nextBytes(noise);
    Path late = zip(dir.resolve("late.bin"), "docProps/thumbnail.jpeg", noise, "xl/workbook.xml", new byte[1]);
    assertEquals(Match.MAGIC, format.probe(FormatRegistry.probe(late)));

    Path doc = dir.resolve("memo.doc");
    try (POIFSFileSystem fs = new POIFSFileSystem(); OutputStream out = Files.newOutputStream(doc)) {
      fs.createDocument(new java.io.ByteArrayInputStream(new byte[600]), "WordDocument");
      fs.writeFilesystem(out);
    }
    assertEquals(Match.CONTENT, format.probe(FormatRegistry.probe(doc)));
  }

  @Test
  void mislabelledFilesSayWhatTheyAre() throws IOException {
    Path csv = Files.writeString(dir.resolve("export.xls"), "id,name\n1,Anna\n");
    DsapException e = assertThrows(DsapException.class, () -> format.open(csv, "export.xls", "", FormatOptions.NONE));
    assertEquals("DSAP-1007: 'export.xls' has an Excel extension but is not an Excel workbook: it is plain text"
        + " (perhaps CSV saved with an Excel extension); read it with read_csv('...') or rename it to .csv.",
        e.getMessage());
    Path html = Files.writeString(dir.resolve("report.xls"), "<html><body><table><tr><td>1</td></tr></table>");
    e = assertThrows(DsapException.class, () -> format.open(html, "report.xls", "", FormatOptions.NONE));
    assertTrue(e.getMessage().contains("it is an HTML page"), e.getMessage());
    Path gz = dir.resolve("book.xlsx.gz");
    try (OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(Files.readAllBytes(Books.xlsx().sheet("S").row(1, "a").save(dir.resolve("inner.xlsx"))));
    }
    e = assertThrows(DsapException.class, () -> format.open(gz, "book.xlsx.gz", "", FormatOptions.NONE));
    assertTrue(e.getMessage().contains("it is gzip-compressed; decompress it first"), e.getMessage());
    Path docx = zip(dir.resolve("letter.xlsx"), "word/document.xml", new byte[10]);
    e = assertThrows(DsapException.class, () -> format.open(docx, "letter.xlsx", "", FormatOptions.NONE));
    assertTrue(e.getMessage().startsWith("DSAP-1007: 'letter.xlsx' has an Excel extension but is not an Excel"
        + " workbook"), e.getMessage());
  }

  @Test
  void aPasswordProtectedWorkbookSaysSo() throws Exception {
    Path plain = Books.xlsx().sheet("S").row(1, "a").save(dir.resolve("plain.xlsx"));
    Path locked = dir.resolve("locked.xlsx");
    EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
    Encryptor enc = info.getEncryptor();
    enc.confirmPassword("secret");
    try (POIFSFileSystem fs = new POIFSFileSystem()) {
      try (OPCPackage opc = OPCPackage.open(plain.toFile()); OutputStream os = enc.getDataStream(fs)) {
        opc.save(os);
      }
      try (OutputStream out = Files.newOutputStream(locked)) {
        fs.writeFilesystem(out);
      }
    }
    DsapException e = assertThrows(DsapException.class, () -> format.open(locked, "locked.xlsx", "", FormatOptions.NONE));
    assertEquals(ErrorCode.UNSUPPORTED_FORMAT, e.code());
    assertTrue(e.getMessage().contains("protected with a password"), e.getMessage());
  }

  private static Path zip(Path file, Object... entries) throws IOException {
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
      for (int i = 0; i < entries.length; i += 2) {
        ZipEntry e = new ZipEntry((String) entries[i]);
        byte[] data = (byte[]) entries[i + 1];
        if (data.length > 1000) {
          e.setMethod(ZipEntry.STORED);
          e.setSize(data.length);
          java.util.zip.CRC32 crc = new java.util.zip.CRC32();
          crc.update(data);
          e.setCrc(crc.getValue());
        }
        out.putNextEntry(e);
        out.write(data);
        out.closeEntry();
      }
    }
    return file;
  }
}
