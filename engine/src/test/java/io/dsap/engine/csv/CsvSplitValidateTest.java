package io.dsap.engine.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate()} over a file read as many small parallel splits reports exactly the issues
 * (same lines, record numbers, messages, order) and the summary of one sequential read, also
 * for values repeated across split borders, records with line breaks that a border falls into,
 * and rejects.
 */
class CsvSplitValidateTest {
  static final String SCHEMA = "{\"columns\": [{\"name\": \"id\", \"unique\": true}, {\"name\": \"email\","
      + " \"nullable\": false, \"semantic\": \"email\"}, {\"name\": \"ordered\", \"type\": \"DATE\", \"format\":"
      + " \"yyyy-MM-dd\"}, {\"name\": \"status\", \"allowed_values\": [\"paid\", \"shipped\"]},"
      + " {\"name\": \"price\", \"min\": 0, \"max\": 100}], \"unexpected_columns\": \"ignore\","
      + " \"column_order\": \"ignore\", \"duplicate_rows\": \"error\"}";
  static final String RULES = "qty > 0; shipped >= ordered";

  @TempDir
  Path dir;

  /** Other per-split checks (length, pattern, not-null), a rule that needs the compiled method (consumer thread). */
  static final String OTHER_SCHEMA = "{\"columns\": [{\"name\": \"email\", \"max_length\": 18,"
      + " \"nullable\": false},"
      + " {\"name\": \"note\", \"pattern\": \"n[0-9]+|two.*\"},"
      + " {\"name\": \"status\", \"min_length\": 5}], \"unexpected_columns\": \"ignore\","
      + " \"column_order\": \"ignore\"}";
  static final String OTHER_RULES = "price * qty < 400; qty > 0";

  @Test
  void issuesOfSplitsEqualIssuesOfOnePass() throws IOException {
    long repeatedIds = writeFile();
    List<String> one = ValidationRows.of(dir, "v.csv", source -> source, SCHEMA, RULES);
    List<String> split = ValidationRows.of(dir, "v.csv", source -> source instanceof CsvTableSource c
        ? new CsvTableSource(dir.resolve("v.csv"), "v.csv", c.schema(), 16_384) : source, SCHEMA, RULES);

    assertEquals(one.size(), split.size());
    for (int i = 0; i < one.size(); i++) {
      assertEquals(one.get(i), split.get(i), "issue " + i);
    }
    long repeats = one.stream().filter(i -> i.contains(", id, unique, ") && i.contains("appears again")).count();
    assertEquals(repeatedIds, repeats, "repeated ids: planted ones and repeated rows");
    assertTrue(repeatedIds > 40, "enough repeats to cross split borders");
    assertTrue(one.stream().anyMatch(i -> i.contains("parse")), "rejects are reported");
    assertTrue(one.stream().anyMatch(i -> i.contains("duplicate_row")), "repeated rows are reported");
  }

  @Test
  void otherChecksAndBuiltInChecksOfSplitsEqualOnePass() throws IOException {
    writeFile();
    for (String[] run : new String[][] {{OTHER_SCHEMA, OTHER_RULES}, {null, null}, {null, RULES}}) {
      List<String> one = ValidationRows.of(dir, "v.csv", source -> source, run[0], run[1]);
      List<String> split = ValidationRows.of(dir, "v.csv", source -> source instanceof CsvTableSource c
          ? new CsvTableSource(dir.resolve("v.csv"), "v.csv", c.schema(), 16_384) : source, run[0], run[1]);
      assertEquals(one.size(), split.size(), "schema " + run[0] + ", rules " + run[1]);
      for (int i = 0; i < one.size(); i++) {
        assertEquals(one.get(i), split.get(i), "issue " + i + " of schema " + run[0] + ", rules " + run[1]);
      }
      assertTrue(one.size() > 100, "enough issues to compare: " + one.size());
    }
    List<String> other = ValidationRows.of(dir, "v.csv", source -> source, OTHER_SCHEMA, OTHER_RULES);
    for (String check : List.of(", length, ", ", pattern, ", ", not_null, ", "rule:")) {
      assertTrue(other.stream().anyMatch(i -> i.contains(check)), "some rows fail " + check);
    }
  }

  /** Writes v.csv (30,000 records, some failing each check); returns how many ids repeat. */
  private long writeFile() throws IOException {
    StringBuilder s = new StringBuilder("id,email,ordered,shipped,status,qty,price,note\n");
    int rows = 30_000;
    java.util.Set<Long> seen = new java.util.HashSet<>();
    long repeatedIds = 0; // the model: ids of records that parse, seen before
    for (int r = 1; r <= rows; r++) {
      long id = r % 997 == 0 ? r - 4_000 : r; // a repeat of a value read 4,000 rows (several splits) before
      String email = r % 101 == 0 ? "no.at.sign" + r : r % 89 == 0 ? "" : "user" + (r % 50) + "@mail.example";
      String day = r % 211 == 0 ? "2024-13-45" : "2024-0" + (1 + r % 9) + "-1" + (r % 9);
      String shipped = r % 173 == 0 ? "2023-01-01" : "2025-01-01";
      String status = r % 307 == 0 ? "Paid" : r % 2 == 0 ? "paid" : "shipped";
      String qty = r % 401 == 0 ? "-3" : String.valueOf(1 + r % 5);
      String price = r % 263 == 0 ? "250.5" : (r % 100) + ".25";
      String note = r % 7 == 0 ? "\"two\nlines, " + r + "\"" : r % 3 == 0 ? "" : "n" + r;
      String line = id + "," + email + "," + day + "," + shipped + "," + status + "," + qty + "," + price + "," + note;
      int copies = r % 1_009 == 0 ? 2 : 1; // a repeated row
      for (int k = 0; k < copies; k++) {
        s.append(line).append('\n');
        if (r % 211 != 0 && !seen.add(id)) {
          repeatedIds++;
        }
      }
    }
    Files.writeString(dir.resolve("v.csv"), s, StandardCharsets.UTF_8);
    assertTrue(Files.size(dir.resolve("v.csv")) > 40 * 16_384, "the file spans 40 splits or more");
    return repeatedIds;
  }
}
