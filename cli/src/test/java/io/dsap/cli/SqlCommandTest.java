package io.dsap.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.io.StringReader;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * {@code dsap sql} end to end through {@link Main#run}, against Calcite's own driver ({@code --url jdbc:calcite:}):
 * the output formats, query sources and errors, independent of the dsap driver.
 */
class SqlCommandTest {
  /** Three rows with a NULL, an empty string, a comma, a quote and a line break. */
  private static final String VALUES = "SELECT * FROM (VALUES"
      + " (1, CAST('plain' AS VARCHAR(20)), CAST(NULL AS VARCHAR(10)), 9.50),"
      + " (22, 'a,b', '', 10.00),"
      + " (333, U&'say \"hi\"\\000Abye', 'x', -0.25)) AS t(id, name, note, amount)";

  @Test
  void tableAlignsColumnsRightAlignsNumbersAndCountsRows() {
    Cli.Result result = Cli.run("--url", Cli.CALCITE, "sql",
        "SELECT * FROM (VALUES (1, 'a', CAST(NULL AS VARCHAR(5))), (22, 'bb', 'x')) AS t(id, name, note)");

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals(String.join("\n",
        "ID | NAME | NOTE",
        "---+------+-----",
        " 1 | a    | NULL",
        "22 | bb   | x",
        "(2 rows)", ""), result.out().replace("\r\n", "\n"));
    assertEquals("", result.err());
  }

  @Test
  void tableIsTheDefaultKeepsEachRowOnOneLineAndSaysOneRow() {
    Cli.Result result = Cli.run("--url", Cli.CALCITE, "sql", "--format", "TABLE",
        "SELECT U&'two\\000Alines' AS s");

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals(List.of("S", "----------", "two\\nlines", "(1 row)"), result.out().lines().toList());
  }

  @Test
  void tableOfNoRowsStillShowsTheHeader() {
    Cli.Result result = Cli.run("--url", Cli.CALCITE, "sql", "SELECT * FROM (VALUES (1)) AS t(x) WHERE x > 1");

    assertEquals(List.of("X", "-", "(0 rows)"), result.out().lines().toList());
  }

  @Test
  void csvRoundTripsThroughAnRfc4180Parser() throws IOException {
    Cli.Result result = Cli.run("--url", Cli.CALCITE, "sql", "--format", "csv", VALUES);

    assertEquals(0, result.exitCode(), result::toString);
    List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(result.out())).getRecords();
    assertEquals(4, records.size());
    assertEquals(List.of("ID", "NAME", "NOTE", "AMOUNT"), records.get(0).toList());
    assertEquals(List.of("1", "plain", "", "9.50"), records.get(1).toList());
    assertEquals(List.of("22", "a,b", "", "10.00"), records.get(2).toList());
    assertEquals(List.of("333", "say \"hi\"\nbye", "x", "-0.25"), records.get(3).toList());
    assertEquals("", result.err());
  }

  @Test
  void csvTellsNullFromEmptyString() {
    Cli.Result result = Cli.run("--url", Cli.CALCITE, "sql", "--format", "csv", VALUES);

    List<String> lines = result.out().lines().toList();
    assertEquals("1,plain,,9.50", lines.get(1), "NULL is an empty field");
    assertEquals("22,\"a,b\",\"\",10.00", lines.get(2), "an empty string is \"\"");
  }

  @Test
  void jsonIsAnArrayOfObjectsWithTypedValues() throws IOException {
    Cli.Result result = Cli.run("--url", Cli.CALCITE, "sql", "--format", "json",
        "SELECT 7 AS i, CAST(9000000000 AS BIGINT) AS b, CAST(12.50 AS DECIMAL(10, 2)) AS dec_col,"
            + " CAST(0.5 AS DOUBLE) AS d, TRUE AS flag, CAST(NULL AS INTEGER) AS missing,"
            + " DATE '2024-01-05' AS dt, TIMESTAMP '2024-01-05 10:11:12' AS ts, TIME '10:11:12' AS tm,"
            + " 'text' AS s, ARRAY[1, 2] AS arr");

    assertEquals(0, result.exitCode(), result::toString);
    JsonNode rows = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .readTree(result.out());
    assertTrue(rows.isArray());
    assertEquals(1, rows.size());
    JsonNode row = rows.get(0);
    assertAll(
        () -> assertTrue(row.get("I").isInt() && row.get("I").intValue() == 7, "int"),
        () -> assertTrue(row.get("B").isIntegralNumber() && row.get("B").longValue() == 9_000_000_000L, "bigint"),
        () -> assertEquals(0, new BigDecimal("12.5").compareTo(row.get("DEC_COL").decimalValue()), "decimal"),
        () -> assertTrue(result.out().contains("\"DEC_COL\":12.50,"), "decimal keeps its scale"),
        () -> assertTrue(row.get("D").isNumber() && row.get("D").doubleValue() == 0.5, "double"),
        () -> assertTrue(row.get("FLAG").isBoolean() && row.get("FLAG").booleanValue(), "boolean"),
        () -> assertTrue(row.get("MISSING").isNull(), "NULL is null"),
        () -> assertEquals("2024-01-05", row.get("DT").textValue()),
        () -> assertEquals("2024-01-05T10:11:12", row.get("TS").textValue()),
        () -> assertEquals("10:11:12", row.get("TM").textValue()),
        () -> assertEquals("text", row.get("S").textValue()),
        () -> assertEquals("[1,2]", row.get("ARR").toString()));
  }

  @Test
  void jsonOfNoRowsIsAnEmptyArrayAndRepeatedLabelsStayApart() throws IOException {
    Cli.Result empty = Cli.run("--url", Cli.CALCITE, "sql", "--format", "json",
        "SELECT * FROM (VALUES (1)) AS t(x) WHERE x > 1");
    assertEquals("[]\n", empty.out());

    Cli.Result twice = Cli.run("--url", Cli.CALCITE, "sql", "--format", "json",
        "SELECT a.x, b.x FROM (VALUES (1)) AS a(x), (VALUES (2)) AS b(x)");
    JsonNode row = new ObjectMapper().readTree(twice.out()).get(0);
    assertEquals(1, row.get("X").intValue());
    assertEquals(2, row.get("X_2").intValue());
  }

  @Test
  void jsonPutsOneRowPerLine() {
    Cli.Result result = Cli.run("--url", Cli.CALCITE, "sql", "--format", "json",
        "SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS t(x, y)");

    assertEquals(List.of("[", "{\"X\":1,\"Y\":\"a\"},", "{\"X\":2,\"Y\":\"b\"}", "]"), result.out().lines().toList());
  }

  @Test
  void queryComesFromStdinWhenNotGivenOrGivenAsDash() {
    Cli.Result piped = Cli.runWithStdin("SELECT 42 AS answer;\n", "--url", Cli.CALCITE, "sql", "--format", "csv");
    assertEquals(0, piped.exitCode(), piped::toString);
    assertEquals("ANSWER\n42\n", piped.out());

    Cli.Result dash = Cli.runWithStdin("SELECT 43 AS answer", "--url", Cli.CALCITE, "sql", "--format", "csv", "-");
    assertEquals("ANSWER\n43\n", dash.out());
  }

  @Test
  void emptyStdinIsAnError() {
    Cli.Result result = Cli.runWithStdin("  \n", "--url", Cli.CALCITE, "sql");

    assertEquals(2, result.exitCode());
    assertTrue(result.err().contains("no SQL statement given"), result::toString);
    assertEquals("", result.out());
  }

  @Test
  void badSqlExitsWithTwoAndTheSqlErrorWithoutStackTrace() {
    Cli.Result result = Cli.run("--url", Cli.CALCITE, "sql", "SELECT * FROM nope");

    assertEquals(2, result.exitCode());
    assertEquals("", result.out());
    assertTrue(result.err().startsWith("dsap: SQL error: "), result::toString);
    assertTrue(result.err().contains("Object 'NOPE' not found"), result::toString);
    assertFalse(result.err().contains("\tat "), "no stack trace without --verbose");
    assertEquals(1, result.err().lines().count(), "one paragraph, each cause once: " + result.err());
  }

  @Test
  void verboseAddsTheStackTraceWhereverItStands() {
    Cli.Result before = Cli.run("--verbose", "--url", Cli.CALCITE, "sql", "SELECT * FROM nope");
    Cli.Result after = Cli.run("--url", Cli.CALCITE, "sql", "SELECT * FROM nope", "-v");

    assertEquals(2, before.exitCode());
    assertTrue(before.err().contains("\tat "), before::toString);
    assertTrue(after.err().contains("\tat "), after::toString);
  }

  @Test
  void parseErrorsAreShortUnlessVerbose() {
    Cli.Result result = Cli.run("--url", Cli.CALCITE, "sql", "SELECT 1 AS dec");

    assertEquals(2, result.exitCode());
    assertTrue(result.err().contains("Encountered \"dec\" at line 1, column 13"), result::toString);
    assertTrue(result.err().lines().count() <= ErrorReporter.MAX_LINES_PER_MESSAGE + 1, result::toString);
  }

  @Test
  void unknownFormatIsAUsageErrorListingTheFormats() {
    Cli.Result result = Cli.run("--url", Cli.CALCITE, "sql", "--format", "xml", "SELECT 1");

    assertEquals(2, result.exitCode());
    assertTrue(result.err().contains("unknown format 'xml' (expected one of: table, csv, json)"), result::toString);
    assertTrue(result.err().contains("Try 'dsap sql --help'"), result::toString);
  }

  @Test
  void updateCountGoesToStderr() {
    // Calcite's driver cannot write; only checks that a non-query does not print to stdout when it fails
    Cli.Result result = Cli.run("--url", Cli.CALCITE, "sql", "INSERT INTO nope VALUES (1)");

    assertEquals(2, result.exitCode());
    assertEquals("", result.out());
  }
}
