package io.dsap.engine.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsap.engine.batch.Batch;
import io.dsap.engine.rejects.RejectLog;
import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.types.ColumnType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dialects beyond the common ones: other delimiters, single quotes, comments, junk, trailing delimiters. */
class CsvSniffingTest {
  @TempDir
  Path dir;

  @Test
  void anySingleByteDelimiterWithAConsistentColumnCount() throws IOException {
    CsvFileSchema caret = detect("caret.txt", "id^name^amount\n1^Ann^3.50\n2^Bob^4.25\n3^Cy^1.00\n");
    assertEquals("^", caret.dialect().delimiterText());
    assertEquals(List.of("id", "name", "amount"), names(caret));
    CsvFileSchema soh = detect("hive.txt", "1\u0001a\u0001x\n2\u0001b\u0001y\n3\u0001c\u0001z\n");
    assertEquals('\u0001', (char) soh.dialect().delimiter());
    assertEquals(3, soh.columnCount());
    // a single column of dates is one column, not three split at '-'
    CsvFileSchema dates = detect("dates.csv", "day\n2024-01-01\n2024-01-02\n2024-01-03\n");
    assertEquals(1, dates.columnCount());
    assertEquals(ColumnType.DATE, dates.columns().get(0).type());
  }

  @Test
  void aTextColumnIsNotCalledMostlyDatesAfterItsCandidatesWereDropped() throws IOException {
    StringBuilder s = new StringBuilder("email,day\n");
    for (int i = 0; i < 3000; i++) {
      s.append("user").append(i).append("@example.com,2024-01-").append(10 + i % 18).append('\n');
    }
    CsvFileSchema schema = detect("emails.csv", s.toString());
    ColumnSpec email = schema.columns().get(0);
    assertEquals(ColumnType.VARCHAR, email.type());
    assertEquals("VARCHAR: 'user0@example.com' is not a number, a boolean or a date", email.detection());
    StringBuilder mixed = new StringBuilder("day\n");
    for (int i = 0; i < 3000; i++) {
      mixed.append(i % 4 == 0 ? "soon" : "2024-01-" + (10 + i % 18)).append('\n');
    }
    String why = detect("mixed.csv", mixed.toString()).columns().get(0).detection();
    assertTrue(why.startsWith("VARCHAR: most values are dates in yyyy-MM-dd but "), why);
  }

  @Test
  void singleQuotesAndNoQuotes() throws IOException {
    CsvFileSchema single = detect("single.csv", "id,note\n1,'a, b'\n2,'c, d'\n3,plain\n");
    assertEquals("'", single.dialect().quoteText());
    assertEquals(List.of("a, b", "c, d", "plain"), values(single, 1));
    CsvFileSchema apostrophes = detect("names.csv", "id,name\n1,O'Brien\n2,D'Arcy\n3,Smith\n");
    assertEquals(List.of("O'Brien", "D'Arcy", "Smith"), values(apostrophes, 1));
  }

  @Test
  void commentLinesAreSkipped() throws IOException {
    CsvFileSchema s = detect("commented.csv", "# exported by tool 1.2\n# 2024-05-01\nid,qty\n1,5\n# a note\n2,7\n");
    assertEquals("#", s.dialect().commentText());
    assertEquals(List.of("id", "qty"), names(s));
    assertEquals(List.of(5, 7), values(s, 1));
  }

  @Test
  void junkLinesBeforeTheHeaderAreSkipped() throws IOException {
    CsvFileSchema s = detect("report.csv", "Quarterly report\nGenerated: 2024-05-01 by finance\n\n"
        + "region,q1,q2\nnorth,10,12\nsouth,8,9\neast,7,7\nwest,5,6\n");
    assertEquals(3, s.dialect().skip(), "the report title lines are skipped");
    assertEquals(List.of("region", "q1", "q2"), names(s));
    assertEquals(ColumnType.INTEGER, s.columns().get(1).type());
    assertTrue(s.flags().contains("skipped_leading_lines"), s.flags().toString());
    assertEquals(List.of("north", "south", "east", "west"), values(s, 0));
  }

  @Test
  void trailingDelimiterIsNotAColumn() throws IOException {
    CsvFileSchema s = detect("trailing.csv", "a,b,c,\n1,2,3,\n4,5,6,\n");
    assertTrue(s.dialect().trailingDelimiter());
    assertEquals(List.of("a", "b", "c"), names(s));
    assertEquals(List.of(3, 6), values(s, 2));
  }

  @Test
  void nullPaddingReadsShortRows() throws IOException {
    Path f = dir.resolve("short.csv");
    Files.writeString(f, "a,b,c\n1,2,3\n4,5\n7,8,9\n");
    CsvOptions pad = new CsvOptions(null, null, null, null, null, null, null, null, null, null, null, true);
    CsvFileSchema padded = CsvSchemaDetector.detect(f, pad);
    assertEquals(java.util.Arrays.asList(3, null, 9), readColumn(f, padded, 2, null));
    RejectLog log = new RejectLog(10);
    CsvFileSchema strict = CsvSchemaDetector.detect(f, CsvOptions.DETECT);
    assertEquals(List.of(3, 9), readColumn(f, strict, 2, log));
    assertTrue(log.rejects().get(0).reason().contains("null_padding => true"), log.rejects().get(0).reason());
  }

  private CsvFileSchema detect(String name, String text) throws IOException {
    lastFile = name;
    Path f = dir.resolve(name);
    Files.writeString(f, text);
    return CsvSchemaDetector.detect(f, CsvOptions.DETECT);
  }

  private static List<String> names(CsvFileSchema s) {
    return s.columns().stream().map(ColumnSpec::name).toList();
  }

  private List<Object> values(CsvFileSchema s, int column) {
    Path f = dir.resolve(lastFile);
    return readColumn(f, s, column, null);
  }

  private String lastFile;

  private List<Object> readColumn(Path f, CsvFileSchema s, int column, RejectLog log) {
    List<Object> out = new ArrayList<>();
    try (CsvReader r = new CsvReader(f, f.getFileName().toString(), s, new int[] {column}, 10,
        log == null ? new RejectLog(10) : log)) {
      for (Batch b = r.next(); b != null; b = r.next()) {
        for (int i = 0; i < b.rowCount(); i++) {
          out.add(b.column(0).get(i));
        }
      }
    }
    return out;
  }
}
