package io.dsap.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dsap sql} end to end through {@link Main#run}, on a real CSV file read by the dsap driver. */
class SqlCommandTest {
  @TempDir
  static Path root;

  @BeforeAll
  static void writeOrders() {
    TestData.orders(root);
  }

  private static Cli.Result sql(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "--root";
    all[1] = root.toString();
    all[2] = "sql";
    System.arraycopy(args, 0, all, 3, args.length);
    return Cli.run(all);
  }

  @Test
  void tableAlignsColumnsRightAlignsNumbersShowsNullAndCountsRows() {
    Cli.Result result = sql("SELECT id, name, note, amount FROM orders ORDER BY id");

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals(List.of(
        " id | name          | note | amount",
        "----+---------------+------+-------",
        "  1 | plain         | NULL |   9.50",
        " 22 | a,b           | x    |  10.00",
        "333 | say \"hi\"\\nbye | NA   |  -0.25",
        "(3 rows)"), result.out().lines().toList());
    assertEquals("", result.err());
  }

  @Test
  void tableSaysOneRowAndShowsTheHeaderOfAnEmptyResult() {
    assertEquals(List.of("n", "-", "3", "(1 row)"),
        sql("SELECT count(*) AS n FROM orders").out().lines().toList());
    assertEquals(List.of("id", "--", "(0 rows)"),
        sql("--format", "TABLE", "SELECT id FROM orders WHERE id < 0").out().lines().toList());
  }

  @Test
  void csvRoundTripsThroughAnRfc4180Parser() throws IOException {
    Cli.Result result = sql("--format", "csv", "SELECT id, name, note, amount, paid FROM orders ORDER BY id");

    assertEquals(0, result.exitCode(), result::toString);
    List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(result.out())).getRecords();
    assertEquals(4, records.size());
    assertEquals(List.of("id", "name", "note", "amount", "paid"), records.get(0).toList());
    assertEquals(List.of("1", "plain", "", "9.50", "true"), records.get(1).toList());
    assertEquals(List.of("22", "a,b", "x", "10.00", "false"), records.get(2).toList());
    assertEquals(List.of("333", "say \"hi\"\nbye", "NA", "-0.25", "true"), records.get(3).toList());
    assertEquals("", result.err());
  }

  @Test
  void csvTellsNullFromEmptyString() {
    Cli.Result result = sql("--format", "csv", "SELECT note, '' AS blank FROM orders WHERE id = 1");

    assertEquals(List.of("note,blank", ",\"\""), result.out().lines().toList(),
        "NULL is an empty field, an empty string is \"\"");
  }

  @Test
  void jsonIsAnArrayOfObjectsWithTypedValues() throws IOException {
    Cli.Result result = sql("--format", "json", "SELECT * FROM orders ORDER BY id");

    assertEquals(0, result.exitCode(), result::toString);
    JsonNode rows = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .readTree(result.out());
    assertTrue(rows.isArray());
    assertEquals(3, rows.size());
    JsonNode first = rows.get(0);
    JsonNode second = rows.get(1);
    assertAll(
        () -> assertTrue(first.get("id").isInt() && first.get("id").intValue() == 1, "integer"),
        () -> assertEquals("plain", first.get("name").textValue()),
        () -> assertTrue(first.get("note").isNull(), "NULL is null"),
        () -> assertEquals(0, new BigDecimal("9.5").compareTo(first.get("amount").decimalValue()), "decimal"),
        () -> assertTrue(result.out().contains("\"amount\":9.50,"), "decimal keeps its scale"),
        () -> assertEquals("2024-01-05", first.get("ordered_on").textValue(), "ISO date"),
        () -> assertTrue(first.get("paid").isBoolean() && first.get("paid").booleanValue(), "boolean"),
        () -> assertTrue(first.get("shipped_at").textValue().startsWith("2024-01-06T10:11:12"), "ISO timestamp"),
        () -> assertTrue(second.get("shipped_at").isNull()),
        () -> assertEquals("say \"hi\"\nbye", rows.get(2).get("name").textValue()));
  }

  @Test
  void jsonPutsOneRowPerLineAndAnEmptyResultIsAnEmptyArray() {
    assertEquals(List.of("[", "{\"id\":1,\"paid\":true},", "{\"id\":22,\"paid\":false}", "]"),
        sql("--format", "json", "SELECT id, paid FROM orders WHERE id < 100 ORDER BY id").out().lines().toList());
    assertEquals("[]\n", sql("--format", "json", "SELECT id FROM orders WHERE id < 0").out());
  }

  @Test
  void queryMayStartWithAnSqlComment() {
    Cli.Result result = sql("--format", "csv", "-- how many orders?\nSELECT count(*) AS n FROM orders");

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals("n\n3\n", result.out());
  }

  @Test
  void rootMayFollowTheSubcommand() {
    Cli.Result result = Cli.run("sql", "--format", "csv", "SELECT count(*) AS n FROM orders", "--root", root.toString());

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals("n\n3\n", result.out());
  }

  @Test
  void queryComesFromStdinWhenNotGivenOrGivenAsDash() {
    Cli.Result piped = Cli.runWithStdin("SELECT count(*) AS n FROM orders;\n",
        "--root", root.toString(), "sql", "--format", "csv");
    assertEquals(0, piped.exitCode(), piped::toString);
    assertEquals("n\n3\n", piped.out());

    Cli.Result dash = Cli.runWithStdin("SELECT max(id) AS m FROM orders",
        "--root", root.toString(), "sql", "--format", "csv", "-");
    assertEquals("m\n333\n", dash.out());
  }

  @Test
  void emptyStdinIsAnError() {
    Cli.Result result = Cli.runWithStdin("  \n", "--root", root.toString(), "sql");

    assertEquals(2, result.exitCode());
    assertTrue(result.err().contains("no SQL statement given"), result::toString);
    assertEquals("", result.out());
  }

  @Test
  void badSqlExitsWithTwoAndTheSqlErrorWithoutStackTrace() {
    Cli.Result result = sql("SELECT * FROM ordrs");

    assertEquals(2, result.exitCode());
    assertEquals("", result.out());
    assertTrue(result.err().startsWith("dsap: SQL error: "), result::toString);
    assertTrue(result.err().contains("Object 'ordrs' not found"), result::toString);
    assertFalse(result.err().contains("\tat "), "no stack trace without --verbose");
    assertEquals(1, result.err().lines().count(), "one paragraph, each cause once: " + result.err());
  }

  @Test
  void unknownColumnNamesTheColumn() {
    Cli.Result result = sql("SELECT nme FROM orders");

    assertEquals(2, result.exitCode());
    assertTrue(result.err().contains("Column 'nme' not found"), result::toString);
  }

  @Test
  void verboseAddsTheStackTraceWhereverItStands() {
    Cli.Result before = Cli.run("--verbose", "--root", root.toString(), "sql", "SELECT * FROM ordrs");
    Cli.Result after = Cli.run("--root", root.toString(), "sql", "SELECT * FROM ordrs", "-v");

    assertEquals(2, before.exitCode());
    assertTrue(before.err().contains("\tat "), before::toString);
    assertTrue(after.err().contains("\tat "), after::toString);
  }

  @Test
  void parseErrorsAreShortUnlessVerbose() {
    Cli.Result result = sql("SELECT id FROM orders WHERE");

    assertEquals(2, result.exitCode());
    assertTrue(result.err().contains("Encountered \"<EOF>\" at line 1, column 27"), result::toString);
    assertTrue(result.err().lines().count() <= ErrorReporter.MAX_LINES_PER_MESSAGE + 1, result::toString);
  }

  @Test
  void unknownFormatIsAUsageErrorListingTheFormats() {
    Cli.Result result = sql("--format", "xml", "SELECT 1");

    assertEquals(2, result.exitCode());
    assertTrue(result.err().contains("unknown format 'xml' (expected one of: table, csv, json)"), result::toString);
    assertTrue(result.err().contains("Try 'dsap sql --help'"), result::toString);
  }

  @Test
  void warnsOnStderrWhenRowsWereRejected() {
    Cli.Result result = Cli.run("--root", java.nio.file.Path.of("../examples").toString(), "sql",
        "SELECT count(*) AS n FROM orders");
    assertEquals(0, result.exitCode(), result::toString);
    assertTrue(result.out().contains("237"), result::toString);
    assertTrue(result.err().startsWith("warning: orders.csv: 3 of 240 rows rejected (first: orders.csv:43: value"
        + " '2024-02-30' in column order_date (DATE)"), result::toString);
    assertTrue(result.err().contains("SELECT * FROM rejects('orders.csv')"), result::toString);
    Cli.Result clean = Cli.run("--root", java.nio.file.Path.of("../examples").toString(), "sql",
        "SELECT count(*) AS n FROM customers");
    assertEquals("", clean.err(), "a clean file gives no warning");
  }
}
