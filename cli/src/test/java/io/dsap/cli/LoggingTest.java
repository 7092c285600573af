package io.dsap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Log level and format from the settings; JSON lines carry the run's context. */
class LoggingTest {
  @TempDir
  Path dir;

  @Test
  void jsonLinesCarryCommandQueryIdRowsAndDuration() throws Exception {
    TestData.orders(dir);
    Cli.Result r = Cli.runWithEnv(Map.of(), "--root", dir.toString(), "--log-format", "json", "--log-level", "info",
        "sql", "SELECT count(*) FROM orders");
    assertEquals(0, r.exitCode(), r::toString);
    List<JsonNode> lines = r.err().lines().filter(l -> l.startsWith("{")).map(LoggingTest::json).toList();
    JsonNode done = lines.stream().filter(n -> n.path("message").asText().startsWith("query done")).findFirst()
        .orElseThrow(() -> new AssertionError("no 'query done' line in\n" + r.err()));
    assertEquals("sql", done.path("command").asText());
    assertEquals(8, done.path("query_id").asText().length(), done::toString);
    assertEquals("1", done.path("rows").asText(), done::toString);
    assertTrue(done.path("duration_ms").asText().matches("\\d+"), done::toString);
    assertEquals("INFO", done.path("level").asText());
    JsonNode finished = lines.get(lines.size() - 1);
    assertTrue(finished.path("message").asText().startsWith("dsap sql finished with exit code 0"), finished::toString);
    assertEquals("0", finished.path("exit_code").asText());
    assertEquals("3", r.out().lines().skip(2).findFirst().orElse("").strip(), "the result is on stdout");
    assertFalse(r.out().contains("\"level\""), "log lines stay off stdout");
  }

  @Test
  void validateLogsEachFileAndTheDefaultLevelLogsNothing() {
    TestData.orders(dir);
    Cli.Result info = Cli.runWithEnv(Map.of("DSAP_LOG_LEVEL", "info", "DSAP_LOG_FORMAT", "json"),
        "--root", dir.toString(), "validate", "orders.csv");
    assertTrue(info.err().lines().anyMatch(l -> l.contains("\"file\":\"orders.csv\"")
        && l.contains("\"command\":\"validate\"") && l.contains("\"duration_ms\"")), info::toString);

    Cli.Result quiet = Cli.runWithEnv(Map.of(), "--root", dir.toString(), "validate", "orders.csv");
    assertFalse(quiet.err().contains("{\""), quiet::toString);
    assertFalse(quiet.err().contains("INFO"), quiet::toString);
  }

  private static JsonNode json(String line) {
    try {
      return new ObjectMapper().readTree(line);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + line, e);
    }
  }
}
