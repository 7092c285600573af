package io.dsap.engine.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsap.engine.batch.Batch;
import io.dsap.engine.batch.StringVector;
import io.dsap.engine.format.ProgressListener;
import io.dsap.engine.rejects.Reject;
import io.dsap.engine.types.ColumnType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader parses a batch column by column and reads the records that need it on their own:
 * whatever the batch size, the read buffer and the projection, a file gives exactly the rows and
 * rejects that reading it record by record does. The file mixes, in every batch, rows bad in
 * several columns (the first bad column in column order is the one reported), escapes, invalid
 * UTF-8, wrong field counts, numbers only the general parsers take, empty quoted text and line
 * breaks inside quotes; every outcome is written down when the file is generated.
 */
class CsvColumnAtATimeTest {
  private static final int RECORDS = 3_000;
  private static final String TYPES = "id:INTEGER,day:DATE,qty:INTEGER,price:DECIMAL(10,2),name:VARCHAR,"
      + "flag:BOOLEAN,note:VARCHAR";

  @TempDir
  Path dir;

  /** A row the file should give, or the reject it should give instead. */
  private record Expected(long line, long offset, Object[] values, String column, String value, String raw) {}

  @Test
  void everyBatchSizeBufferAndProjectionGivesTheRowsAndRejectsOfRecordOrder() throws IOException {
    List<Expected> expected = new ArrayList<>();
    Path f = write(expected);
    CsvFileSchema schema = CsvSchemaDetector.detect(f, new CsvOptions(null, null, null, true, 0,
        CsvOptions.parseTypes(TYPES), null, null, null, "UTF-8")); // not guessed from the invalid bytes
    assertEquals(List.of(ColumnType.INTEGER, ColumnType.DATE, ColumnType.INTEGER, ColumnType.DECIMAL,
        ColumnType.VARCHAR, ColumnType.BOOLEAN, ColumnType.VARCHAR),
        schema.columns().stream().map(c -> c.type()).toList());
    List<Expected> rows = expected.stream().filter(e -> e.values() != null).toList();
    List<Expected> rejects = expected.stream().filter(e -> e.values() == null).toList();
    assertTrue(rejects.size() > RECORDS / 4 && rows.size() > RECORDS / 4, "a mix of both");
    for (int batchSize : new int[] {1, 5, 64, CsvReader.DEFAULT_BATCH_SIZE}) {
      for (int buffer : new int[] {100, 4096, CsvReader.READ_BUFFER}) {
        for (int[] projection : new int[][] {{0, 1, 2, 3, 4, 5, 6}, {}, {6, 0, 3}}) {
          String where = "batch " + batchSize + ", buffer " + buffer + ", projection " + Arrays.toString(projection);
          check(f, schema, batchSize, buffer, projection, rows, rejects, where, false);
        }
      }
    }
  }

  /**
   * The same with text lent from the read buffer ({@link CsvReader#lendText}): escapes unescaped
   * in place after their records were read (rejects still quote the raw record), batches that end
   * where the buffer would refill, a batch's values read before the next one is asked for.
   */
  @Test
  void lentTextGivesTheSameRowsAndRejects() throws IOException {
    List<Expected> expected = new ArrayList<>();
    Path f = write(expected);
    CsvFileSchema schema = CsvSchemaDetector.detect(f, new CsvOptions(null, null, null, true, 0,
        CsvOptions.parseTypes(TYPES), null, null, null, "UTF-8"));
    List<Expected> rows = expected.stream().filter(e -> e.values() != null).toList();
    List<Expected> rejects = expected.stream().filter(e -> e.values() == null).toList();
    for (int batchSize : new int[] {1, 5, 64, CsvReader.DEFAULT_BATCH_SIZE}) {
      for (int buffer : new int[] {100, 4096, CsvReader.READ_BUFFER}) {
        for (int[] projection : new int[][] {{0, 1, 2, 3, 4, 5, 6}, {6, 0, 3}, {4}}) {
          String where = "lent, batch " + batchSize + ", buffer " + buffer + ", projection "
              + Arrays.toString(projection);
          check(f, schema, batchSize, buffer, projection, rows, rejects, where, true);
        }
      }
    }
  }

  private void check(Path f, CsvFileSchema schema, int batchSize, int buffer, int[] projection,
      List<Expected> rows, List<Expected> rejects, String where, boolean lend) {
    List<Reject> got = new ArrayList<>();
    int row = 0;
    try (CsvReader r = new CsvReader(f, "f.csv", schema, projection, batchSize, got::add, ProgressListener.NONE,
        -1, Long.MAX_VALUE, new byte[buffer], false)) {
      if (lend) {
        r.lendText();
      }
      for (Batch b = r.next(); b != null; b = r.next()) {
        for (int k = 0; lend && k < projection.length; k++) {
          if (b.column(k) instanceof StringVector v) { // escapes too are lent: nothing is copied
            assertTrue(v.lent(), where + ": text lent");
            assertSame(r.readBuffer(), v.data(), where + ": text in the read buffer");
          }
        }
        for (int i = 0; i < b.rowCount(); i++, row++) {
          Expected e = rows.get(row);
          assertEquals(e.line(), b.line(i), where + ": line of row " + row);
          assertEquals(e.offset(), b.byteOffset(i), where + ": offset of row " + row);
          for (int k = 0; k < projection.length; k++) {
            assertEquals(e.values()[projection[k]], b.column(k).get(i),
                where + ": column " + projection[k] + " of the row on line " + e.line());
          }
        }
      }
      assertEquals(new ScanStats(RECORDS, rows.size(), rejects.size()), r.stats(), where);
    }
    assertEquals(rows.size(), row, where);
    assertEquals(rejects.size(), got.size(), where);
    for (int i = 0; i < got.size(); i++) {
      Expected e = rejects.get(i);
      Reject j = got.get(i);
      String what = where + ": reject " + i + " " + j.reason();
      assertEquals(e.line(), j.line(), what);
      assertEquals(e.offset(), j.byteOffset(), what);
      assertEquals(e.column(), j.column(), what);
      assertEquals(e.value(), j.value(), what);
      assertEquals(e.raw(), j.rawRecord(), what);
      assertTrue(j.reason().startsWith("f.csv:" + e.line() + ": "), what);
    }
  }

  /** Writes the file, and what each record should give into {@code expected}. */
  private Path write(List<Expected> expected) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("id,day,qty,price,name,flag,note\n".getBytes(StandardCharsets.UTF_8));
    long line = 2;
    for (int i = 1; i <= RECORDS; i++) {
      long offset = out.size();
      LocalDate d = LocalDate.of(2024, 1 + i % 12, 1 + i % 28);
      String day = d.toString();
      Object dayValue = (int) d.toEpochDay();
      String qty = String.valueOf(i % 50);
      Object qtyValue = i % 50;
      String price = (i % 1000) + "." + (10 + i % 90);
      Object priceValue = new BigDecimal(price);
      String name = "user" + i;
      Object nameValue = name;
      String flag = i % 2 == 0 ? "true" : "FALSE";
      Object flagValue = i % 2 == 0;
      String note = "note " + i;
      Object noteValue = note;
      String id = String.valueOf(i);
      String column = null; // the first bad column, when the record is rejected
      String value = null;
      byte[] nameBytes = null;
      int lines = 1;
      switch (i % 14) {
        case 1 -> { // bad in three columns: the first one is reported
          day = "2024-02-30";
          qty = "x";
          flag = "maybe";
          column = "day";
          value = day;
        }
        case 2 -> {
          qty = "12a";
          column = "qty";
          value = qty;
        }
        case 3 -> {
          note = "\"say \"\"hi\"\", " + i + "\"";
          noteValue = "say \"hi\", " + i;
        }
        case 4 -> { // escapes, and a later column bad
          note = "\"a \"\"quoted\"\" word\"";
          price = "1.234";
          column = "price";
          value = price;
        }
        case 5 -> {
          flag = null; // one field short
          note = null;
          column = null;
          value = null;
        }
        case 6 -> { // invalid UTF-8 in text, then a bad boolean
          nameBytes = new byte[] {'a', (byte) 0xC3, '(', 'b'};
          flag = "nope";
          column = "name";
          value = null;
        }
        case 7 -> {
          name = "José Ñandú " + i;
          nameValue = name;
        }
        case 8 -> { // empty quoted text is an empty string, empty fields are NULL
          name = "\"\"";
          nameValue = "";
          note = "";
          noteValue = null;
          qty = "";
          qtyValue = null;
        }
        case 9 -> {
          note = "\"an \"\"escaped\"\" note\"";
          flag = "maybe";
          column = "flag";
          value = flag;
        }
        case 10 -> {
          qty = "3000000000";
          column = "qty";
          value = qty;
        }
        case 11 -> { // spellings only the general parsers take
          id = " " + i;
          price = "+1.5";
          priceValue = new BigDecimal("1.50");
          day = "2024-3-7";
          dayValue = (int) LocalDate.of(2024, 3, 7).toEpochDay();
        }
        case 12 -> {
          note = "\"two\nlines " + i + "\"";
          noteValue = "two\nlines " + i;
          lines = 2;
        }
        case 13 -> { // a quoted number, and escapes in the text after it
          qty = "\"4\"";
          qtyValue = 4;
          note = "\"x\"\"y\"";
          noteValue = "x\"y";
        }
        default -> {
        }
      }
      if (i % 14 == 5) {
        column = null;
        value = null;
      }
      ByteArrayOutputStream rec = new ByteArrayOutputStream();
      rec.writeBytes((id + "," + day + "," + qty + "," + price + ",").getBytes(StandardCharsets.UTF_8));
      rec.writeBytes(nameBytes != null ? nameBytes : name.getBytes(StandardCharsets.UTF_8));
      if (flag != null) {
        rec.writeBytes(("," + flag + "," + note).getBytes(StandardCharsets.UTF_8));
      }
      byte[] raw = rec.toByteArray();
      out.writeBytes(raw);
      out.write('\n');
      boolean rejected = column != null || i % 14 == 5;
      expected.add(rejected
          ? new Expected(line, offset, null, column, value, new String(raw, StandardCharsets.UTF_8))
          : new Expected(line, offset, new Object[] {i, dayValue, qtyValue, priceValue, nameValue, flagValue,
              noteValue}, null, null, null));
      line += lines;
    }
    Path f = dir.resolve("mixed.csv");
    Files.write(f, out.toByteArray());
    return f;
  }
}
