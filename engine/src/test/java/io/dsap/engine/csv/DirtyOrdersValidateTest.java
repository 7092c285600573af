package io.dsap.engine.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsap.engine.batch.Batch;
import io.dsap.engine.format.FormatOptions;
import io.dsap.engine.format.FormatRegistry;
import io.dsap.engine.format.ProgressListener;
import io.dsap.engine.rejects.Reject;
import io.dsap.engine.source.DataRoot;
import io.dsap.engine.validate.DataFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bench's dirty-file validation ({@code validate_dirty}: the 8 checks on an orders file with
 * errors in about 6% of rows) gives every issue row identical (same rows, text and order) and the
 * same summary whether the file is read in one sequential pass or as many parallel splits whose
 * batches, read buffers and text arenas are reused from split to split; and every record is
 * accounted for: rows returned plus rows rejected is the records of the file.
 */
class DirtyOrdersValidateTest {
  /** The schema and rules of the bench's validate_dirty query. */
  static final String SCHEMA = "{\"columns\": [{\"name\": \"order_id\", \"unique\": true}, {\"name\":"
      + " \"customer_email\", \"nullable\": false, \"semantic\": \"email\"}, {\"name\": \"order_date\", \"type\":"
      + " \"DATE\", \"format\": \"yyyy-MM-dd\"}, {\"name\": \"status\", \"allowed_values\": [\"pending\", \"paid\","
      + " \"shipped\", \"delivered\", \"cancelled\", \"returned\"]}, {\"name\": \"unit_price\", \"min\": 0, \"max\":"
      + " 10000}], \"unexpected_columns\": \"ignore\", \"column_order\": \"ignore\", \"duplicate_rows\": \"ignore\"}";
  static final String RULES = "quantity > 0; ship_date >= order_date";
  static final int ROWS = 60_000;
  static final String[] STATUS = {"pending", "paid", "shipped", "delivered", "cancelled", "returned"};
  static final String[] BAD_STATUS = {"SHIPPED", "deliverd", "unknown", "in_transit"};
  static final String[] BAD_EMAIL = {"%s.mail.example", "%s@@mail.example", "julia %s@mail.example", "%s@", "n/a"};
  static final String[] BAD_DATE = {"2024-13-45", "31/12/2024", "2024-02-30", "not a date"};

  @TempDir
  Path dir;

  /** What the generator planted. */
  /** {@code badRows}: rows with a value that does not parse (a bad date, or a bad discount, which no check reads). */
  record Planted(int badRows, int repeatedIds, int negativeQuantities) {}

  @Test
  void splitsWithReusedBatchesGiveTheIssuesOfOneSequentialPass() throws IOException {
    Planted planted = writeDirtyOrders(dir.resolve("orders_dirty.csv"));
    assertTrue(Files.size(dir.resolve("orders_dirty.csv")) < 2 * CsvSplitScan.MIN_SPLIT,
        "small enough that the plain source reads it in one sequential pass (the reference)");

    List<String> one = ValidationRows.of(dir, "orders_dirty.csv", source -> source, SCHEMA, RULES);
    List<String> split = ValidationRows.of(dir, "orders_dirty.csv", source -> source instanceof CsvTableSource c
        ? new CsvTableSource(dir.resolve("orders_dirty.csv"), "orders_dirty.csv", c.schema(), 65_536) : source, SCHEMA, RULES);

    assertEquals(one.size(), split.size(), "issue and summary rows");
    for (int i = 0; i < one.size(); i++) {
      assertEquals(one.get(i), split.get(i), "row " + i);
    }

    Map<String, Long> perCheck = new TreeMap<>();
    one.stream().filter(r -> !r.startsWith("summary")).forEach(r -> perCheck.merge(r.split(", ")[3], 1L, Long::sum));
    assertEquals(planted.badRows(), perCheck.get("parse"), "one parse issue per row with a bad value: " + perCheck);
    assertTrue(one.stream().anyMatch(r -> r.contains(", discount, parse, ")), "a column no check reads still rejects");
    assertEquals(planted.repeatedIds(), perCheck.get("unique"), "repeated ids of rows that parse");
    assertEquals(planted.negativeQuantities(), perCheck.get("rule:quantity > 0"), "negative quantities that parse");
    for (String check : List.of("semantic", "not_null", "allowed_values", "range", "rule:ship_date >= order_date")) {
      assertTrue(perCheck.getOrDefault(check, 0L) > 100, check + " fails on some rows: " + perCheck);
    }
    // the parse check counts every record, rejected ones included
    String parseSummary = one.stream().filter(r -> r.startsWith("summary [parse,")).findFirst().orElseThrow();
    assertTrue(parseSummary.contains(", " + ROWS + ", " + planted.badRows() + ","), parseSummary);
  }

  @Test
  void rowsReturnedPlusRowsRejectedAreTheRecordsOfTheFile() throws IOException {
    Planted planted = writeDirtyOrders(dir.resolve("orders_dirty.csv"));
    CsvTableSource plain = (CsvTableSource) DataFiles.of(DataRoot.of(dir), FormatRegistry.defaults())
        .open("orders_dirty.csv", FormatOptions.NONE);
    CsvTableSource split = new CsvTableSource(dir.resolve("orders_dirty.csv"), "orders_dirty.csv", plain.schema(), 65_536);
    int[] all = new int[plain.columns().size()];
    Arrays.setAll(all, i -> i);
    for (CsvTableSource source : List.of(plain, split)) {
      List<Reject> rejects = new ArrayList<>();
      long rows = 0;
      try (var reader = source.open(all, rejects::add, ProgressListener.NONE)) {
        for (Batch b = reader.next(); b != null; b = reader.next()) {
          rows += b.rowCount();
        }
        assertEquals(rows, reader.stats().rowsReturned());
        assertEquals(rejects.size(), reader.stats().rowsRejected());
        assertEquals(ROWS, reader.stats().recordsRead());
      }
      assertEquals(planted.badRows(), rejects.size(), "rejected: the rows with a bad date or discount");
      assertEquals(ROWS, rows + rejects.size(), "returned + rejected = records");
    }
  }

  /**
   * Writes an orders file like the bench's dirty one (the same columns, the same kinds of errors,
   * quoted notes with commas and empty fields), about 6 MB; returns what it planted.
   */
  private static Planted writeDirtyOrders(Path file) throws IOException {
    Random rnd = new Random(42);
    StringBuilder s = new StringBuilder(
        "order_id,customer_email,order_date,ship_date,status,quantity,unit_price,discount,country,notes\n");
    Set<Long> seen = new HashSet<>();
    int badDates = 0;
    int repeats = 0;
    int negatives = 0;
    LocalDate epoch = LocalDate.of(2022, 1, 1);
    for (int r = 1; r <= ROWS; r++) {
      long id = rnd.nextDouble() < 0.005 && r > 10 ? 1 + rnd.nextInt(r - 1) : r;
      String name = "user" + rnd.nextInt(1_000_000);
      String email = rnd.nextDouble() < 0.01 ? BAD_EMAIL[rnd.nextInt(BAD_EMAIL.length)].replace("%s", name)
          : name + "@mail.example";
      LocalDate ordered = epoch.plusDays(rnd.nextInt(1_400));
      String orderDate = ordered.toString();
      String shipDate = rnd.nextDouble() < 0.1 ? "" : ordered.plusDays(rnd.nextDouble() < 0.005
          ? -1 - rnd.nextInt(30) : rnd.nextInt(20)).toString();
      boolean badDate = rnd.nextDouble() < 0.005;
      if (badDate) {
        String bad = BAD_DATE[rnd.nextInt(BAD_DATE.length)];
        if (rnd.nextBoolean() || shipDate.isEmpty()) {
          orderDate = bad;
        } else {
          shipDate = bad;
        }
      }
      String status = rnd.nextDouble() < 0.005 ? BAD_STATUS[rnd.nextInt(BAD_STATUS.length)]
          : STATUS[rnd.nextInt(STATUS.length)];
      int quantity = rnd.nextDouble() < 0.005 ? -1 - rnd.nextInt(10) : 1 + rnd.nextInt(9);
      double p = rnd.nextDouble();
      String price = String.format(java.util.Locale.ROOT, "%.2f",
          p < 0.0025 ? -1 - rnd.nextInt(900) - 0.39 : p < 0.005 ? 10_000.5 + rnd.nextInt(600_000) : 0.5 + rnd.nextInt(4_999));
      // a column no check reads: not materialised, but a bad value still rejects the row
      boolean badDiscount = !badDate && rnd.nextDouble() < 0.001;
      String discount = badDiscount ? "0.1O" : String.format(java.util.Locale.ROOT, "%.2f", rnd.nextInt(30) / 100.0);
      String country = rnd.nextInt(5) == 0 ? "DE" : "US";
      String notes = rnd.nextInt(4) == 0 ? "\"Call before delivery, please\"" : "";
      double missing = rnd.nextDouble();
      if (missing < 0.02) {
        switch (rnd.nextInt(4)) {
          case 0 -> email = "";
          case 1 -> status = "";
          case 2 -> country = "";
          default -> price = "";
        }
      }
      s.append(id).append(',').append(email).append(',').append(orderDate).append(',').append(shipDate).append(',')
          .append(status).append(',').append(quantity).append(',').append(price).append(',').append(discount)
          .append(',').append(country).append(',').append(notes).append('\n');
      if (badDate || badDiscount) {
        badDates++;
        continue; // rejected: the row's other values are not checked
      }
      if (!seen.add(id)) {
        repeats++;
      }
      if (quantity <= 0) {
        negatives++;
      }
    }
    Files.writeString(file, s, StandardCharsets.UTF_8);
    return new Planted(badDates, repeats, negatives);
  }
}
