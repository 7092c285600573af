package io.dsap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code --url} with another driver (Calcite's own), and the value types a CSV file does not produce: TIME,
 * ARRAY, repeated column labels, control characters.
 */
class UrlOptionTest {
  @Test
  void urlConnectsToAnyDriverOnTheClassPath() {
    Cli.Result result = Cli.run("--url", Cli.CALCITE, "sql", "--format", "csv", "SELECT 6 * 7 AS answer");

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals("ANSWER\n42\n", result.out());
  }

  @Test
  void jsonWritesTimesAndArraysAndKeepsRepeatedLabelsApart() throws IOException {
    Cli.Result result = Cli.run("--url", Cli.CALCITE, "sql", "--format", "json",
        "SELECT TIME '10:11:12' AS tm, ARRAY[1, 2] AS arr, a.x, b.x, CAST(1e20 AS DOUBLE) AS big"
            + " FROM (VALUES (1)) AS a(x), (VALUES (2)) AS b(x)");

    assertEquals(0, result.exitCode(), result::toString);
    JsonNode row = new ObjectMapper().readTree(result.out()).get(0);
    assertEquals("10:11:12", row.get("TM").textValue());
    assertEquals("[1,2]", row.get("ARR").toString());
    assertEquals(1, row.get("X").intValue());
    assertEquals(2, row.get("X_2").intValue());
    assertTrue(row.get("BIG").isDouble() && row.get("BIG").doubleValue() == 1e20, result::toString);
  }

  @Test
  void tableKeepsEachRowOnOneLine() {
    Cli.Result result = Cli.run("--url", Cli.CALCITE, "sql", "SELECT U&'tab\\0009and\\000Dreturn' AS s");

    assertEquals(List.of("S", "----------------", "tab\\tand\\rreturn", "(1 row)"), result.out().lines().toList());
  }
}
