package io.dsap.engine.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.luben.zstd.ZstdOutputStream;
import io.dsap.engine.batch.Batch;
import io.dsap.engine.rejects.Reject;
import io.dsap.engine.rejects.RejectLog;
import io.dsap.engine.types.ColumnType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Character sets, byte order marks and compression are handled before parsing. */
class CsvEncodingTest {
  static final String TEXT = "id,city,amount\n1,Zürich,12.50\n2,São Paulo,7.25\n3,Kraków,1.00\n";

  @TempDir
  Path dir;

  @Test
  void utf16WithAndWithoutBom() throws IOException {
    for (Object[] c : new Object[][] {
        {new byte[] {(byte) 0xFF, (byte) 0xFE}, StandardCharsets.UTF_16LE, "UTF-16LE (BOM)"},
        {new byte[] {(byte) 0xFE, (byte) 0xFF}, StandardCharsets.UTF_16BE, "UTF-16BE (BOM)"},
        {new byte[0], StandardCharsets.UTF_16LE, "UTF-16LE"}}) {
      Path f = write("u16.csv", (byte[]) c[0], TEXT.getBytes((Charset) c[1]));
      CsvFileSchema s = CsvSchemaDetector.detect(f, CsvOptions.DETECT);
      assertEquals(c[2], s.layout().describe());
      assertEquals(ColumnType.DECIMAL, s.columns().get(2).type());
      assertEquals(List.of("Zürich", "São Paulo", "Kraków"), column(f, s, 1));
    }
  }

  @Test
  void windows1252IsDetectedWhenTheBytesAreNotUtf8() throws IOException {
    Path f = write("latin.csv", new byte[0], TEXT.replace("Kraków", "Cafe").getBytes(Charset.forName("windows-1252")));
    CsvFileSchema s = CsvSchemaDetector.detect(f, CsvOptions.DETECT);
    assertEquals("windows-1252", s.layout().describe());
    assertEquals(List.of("Zürich", "São Paulo", "Cafe"), column(f, s, 1));
    // the user can say otherwise
    CsvOptions latin1 = new CsvOptions(null, null, null, null, null, null, null, null, null, "latin1");
    assertEquals("ISO-8859-1", CsvSchemaDetector.detect(f, latin1).layout().charset().name());
  }

  @Test
  void gzipAndZstdAreReadTransparently() throws IOException {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (OutputStream o = new GZIPOutputStream(gz)) {
      o.write(TEXT.getBytes(StandardCharsets.UTF_8));
    }
    ByteArrayOutputStream zst = new ByteArrayOutputStream();
    try (OutputStream o = new ZstdOutputStream(zst)) {
      o.write(TEXT.getBytes(StandardCharsets.UTF_8));
    }
    for (Path f : List.of(write("a.csv.gz", new byte[0], gz.toByteArray()), write("b.csv.zst", new byte[0],
        zst.toByteArray()))) {
      CsvFileSchema s = CsvSchemaDetector.detect(f, CsvOptions.DETECT);
      assertTrue(s.layout().describe().startsWith("UTF-8, "), s.layout().describe());
      assertEquals(List.of("Zürich", "São Paulo", "Kraków"), column(f, s, 1));
    }
  }

  @Test
  void invalidUtf8BeyondTheSampleRejectsTheRowWithItsOffset() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write("id,name\n".getBytes(StandardCharsets.UTF_8));
    int rows = 60_000; // well beyond the first megabyte that detection reads
    for (int i = 0; i < rows; i++) {
      b.write((i + ",name number " + i + " é\n").getBytes(StandardCharsets.UTF_8));
    }
    long offset = b.size();
    b.write(("" + rows + ",bad ").getBytes(StandardCharsets.UTF_8));
    b.write(new byte[] {(byte) 0xC3, (byte) 0x28});
    b.write("\n".getBytes(StandardCharsets.UTF_8));
    Path f = write("mixed.csv", new byte[0], b.toByteArray());
    CsvFileSchema s = CsvSchemaDetector.detect(f, CsvOptions.DETECT);
    assertEquals("UTF-8", s.layout().describe());
    RejectLog log = new RejectLog(10);
    ScanStats stats;
    try (CsvReader r = new CsvReader(f, "mixed.csv", s, new int[] {0}, 1024, log)) {
      while (r.next() != null) {
        // drain
      }
      stats = r.stats();
    }
    assertEquals(new ScanStats(rows + 1, rows, 1), stats);
    Reject bad = log.rejects().get(0);
    assertEquals(rows + 2, bad.line());
    assertEquals(offset, bad.byteOffset());
    assertTrue(bad.reason().contains("not valid UTF-8 (C3 28 at byte offset " + (offset + String.valueOf(rows).length() + 5)),
        bad.reason());
    assertTrue(bad.reason().contains("encoding => 'windows-1252'"), bad.reason());
  }

  private Path write(String name, byte[] prefix, byte[] body) throws IOException {
    Path f = dir.resolve(name);
    byte[] all = new byte[prefix.length + body.length];
    System.arraycopy(prefix, 0, all, 0, prefix.length);
    System.arraycopy(body, 0, all, prefix.length, body.length);
    Files.write(f, all);
    return f;
  }

  private static List<Object> column(Path f, CsvFileSchema s, int c) {
    List<Object> out = new ArrayList<>();
    try (CsvReader r = new CsvReader(f, f.getFileName().toString(), s, new int[] {c}, 100, new RejectLog(10))) {
      for (Batch b = r.next(); b != null; b = r.next()) {
        for (int i = 0; i < b.rowCount(); i++) {
          out.add(b.column(0).get(i));
        }
      }
    }
    return out;
  }
}
