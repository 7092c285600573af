package io.dsap.engine.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dsap.engine.schema.SchemaParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One fault of every kind planted at a known record of a generated file: validation must report
 * exactly those (record, check) pairs, nothing missing and nothing extra.
 */
class FaultInjectionTest {
  static final int ROWS = 1000;
  static final String[] STATUS = {"new", "paid", "sent"};

  @TempDir
  Path dir;

  static final String SCHEMA = String.join("\n",
      "columns:",
      "  - {name: id, type: INTEGER, nullable: false, unique: true}",
      "  - {name: email, nullable: false, semantic: email}",
      "  - {name: day, type: DATE, format: yyyy-MM-dd}",
      "  - {name: qty, type: INTEGER, min: 1, max: 100}",
      "  - {name: status, allowed_values: [new, paid, sent]}",
      "  - {name: price, type: 'DECIMAL(18,2)', outliers: {method: iqr, threshold: 3}, severity: error}",
      "  - {name: ship, type: DATE}",
      "  - {name: code, pattern: '[A-Z]{3}'}",
      "  - {name: note, max_length: 10}",
      "  - {name: cust, type: INTEGER}",
      "  - {name: text_day, type: VARCHAR, format: dd/MM/yyyy}",
      "  - {name: missing_col, nullable: false}",
      "rules:",
      "  - {name: ship_after_day, check: 'ship >= \"day\"'}",
      "foreign_keys:",
      "  - {column: cust, references: cust.csv, ref_column: cust_id}",
      "row_count: {min: 2000}",
      "unexpected_columns: warning",
      "");

  private Path write() throws IOException {
    StringBuilder s = new StringBuilder("id,email,day,qty,status,price,ship,code,note,cust,text_day,extra\n");
    List<String> rows = new ArrayList<>();
    for (int i = 1; i <= ROWS; i++) {
      LocalDate day = LocalDate.of(2024, 1, 1).plusDays(i % 300);
      String[] f = {String.valueOf(i), "user" + i + "@example.com", day.toString(), String.valueOf(1 + i % 50),
          STATUS[i % 3], (10 + i % 10) + ".50", day.plusDays(2).toString(), "ABC", "ok", String.valueOf(1 + i % 50),
          String.format("%02d/%02d/%04d", day.getDayOfMonth(), day.getMonthValue(), day.getYear()), "x"};
      switch (i) {
        case 100: f[2] = "2024-02-31"; break;            // parse (type)
        case 200: f[1] = ""; break;                      // not_null
        case 300: f[0] = "5"; break;                     // unique
        case 400: f[3] = "500"; break;                   // range
        case 450: f[4] = "lost"; break;                  // allowed_values
        case 500: f[7] = "x1"; break;                    // pattern
        case 550: f[1] = "bad-email"; break;             // semantic
        case 600: f[8] = "far too long"; break;          // length
        case 650: f[9] = "999"; break;                   // foreign_key
        case 700: f[6] = day.minusDays(1).toString(); break; // rule
        case 750: f[5] = "100000.00"; break;             // outlier
        case 850: f[10] = "31/02/2024"; break;           // date_format
        default: break;
      }
      rows.add(String.join(",", f));
    }
    rows.set(799, rows.get(798).replaceFirst("^799,", "799,")); // record 800 repeats record 799: duplicate_row + unique
    for (String r : rows) {
      s.append(r).append('\n');
    }
    Files.writeString(dir.resolve("data.csv"), s);
    StringBuilder cust = new StringBuilder("cust_id,name\n");
    for (int i = 1; i <= 50; i++) {
      cust.append(i).append(",c").append(i).append('\n');
    }
    Files.writeString(dir.resolve("cust.csv"), cust);
    return dir;
  }

  @Test
  void exactlyThePlantedFaultsAreReported() throws IOException {
    DataValidator v = DataValidator.of(write());
    Set<String> found = new TreeSet<>();
    try (ValidationResult r = v.validateWithSchema("data.csv", SchemaParser.parse(SCHEMA, "test"))) {
      r.issues().forEach(i -> found.add((i.rowNumber() == null ? "-" : String.format("%04d", i.rowNumber())) + " "
          + i.check() + " " + i.column()));
      List<String> failing = r.summary().stream().filter(c -> c.failed() > 0)
          .map(c -> c.check() + " " + c.failed() + " " + c.status().text()).collect(Collectors.toList());
      assertEquals(List.of("parse 1 fail", "column_missing 1 fail", "column_unexpected 1 warn", "unique 2 fail",
          "not_null 1 fail", "semantic 1 fail", "range 1 fail", "allowed_values 1 fail", "outlier 1 fail",
          "pattern 1 fail", "length 1 fail", "date_format 1 fail", "foreign_key 1 fail", "rule:ship_after_day 1 fail",
          "duplicate_row 1 warn", "row_count 1 fail"), failing);
    }
    assertEquals(new TreeSet<>(List.of(
        "- column_missing missing_col",
        "- column_unexpected extra",
        "- row_count null",
        "0100 parse day",
        "0200 not_null email",
        "0300 unique id",
        "0400 range qty",
        "0450 allowed_values status",
        "0500 pattern code",
        "0550 semantic email",
        "0600 length note",
        "0650 foreign_key cust",
        "0700 rule:ship_after_day ship",
        "0750 outlier price",
        "0800 unique id",
        "0800 duplicate_row null",
        "0850 date_format text_day")), found);
  }

  @Test
  void issuesStreamInFileOrderWithLinesAndRecordNumbers() throws IOException {
    DataValidator v = DataValidator.of(write());
    try (ValidationResult r = v.validateWithSchema("data.csv", SchemaParser.parse(SCHEMA, "test"))) {
      List<Issue> rows = r.issues().filter(i -> i.rowNumber() != null).toList();
      for (int k = 1; k < rows.size(); k++) {
        assertEquals(true, rows.get(k - 1).rowNumber() <= rows.get(k).rowNumber());
      }
      rows.forEach(i -> assertEquals(i.rowNumber() + 1, (long) i.line()));
    }
  }

  @Test
  void aKeywordColumnInARuleGetsAHint() throws IOException {
    DataValidator v = DataValidator.of(write());
    io.dsap.engine.error.DsapException e = org.junit.jupiter.api.Assertions.assertThrows(
        io.dsap.engine.error.DsapException.class, () -> v.validate("data.csv", null, "ship >= day"));
    assertEquals("DSAP-1022: rule 'ship >= day': syntax error: Encountered \">= day\"; if day is meant as the column,"
        + " quote it: \"day\" (it is a SQL keyword). A rule is a SQL condition over the file's columns (id, email, day,"
        + " qty, status, price, ship, code, note, cust, text_day, extra), e.g. quantity > 0.", e.getMessage());
  }

  @Test
  void manyFailingRowsAreStreamedNotHeld() throws IOException {
    StringBuilder s = new StringBuilder("n\n");
    int n = 300_000;
    for (int i = 0; i < n; i++) {
      s.append(-i - 1).append('\n');
    }
    Files.writeString(dir.resolve("neg.csv"), s);
    DataValidator v = DataValidator.of(dir);
    try (ValidationResult r = v.validate("neg.csv", null, "n > 0")) {
      long count = r.issues().filter(i -> i.check().equals("rule:n > 0")).count();
      assertEquals(n, count);
    }
  }
}
