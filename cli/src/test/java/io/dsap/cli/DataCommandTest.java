package io.dsap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dsap data head|read|info|convert on the bundled examples and on generated files. */
class DataCommandTest {
  /** The repository's examples folder (tests run in cli/). */
  static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

  @TempDir
  Path dir;

  private static Cli.Result dsap(String... args) {
    return Cli.runWithEnv(Map.of(), args);
  }

  @Test
  void headPrintsTheFirstRowsTyped() {
    Cli.Result r = dsap("--root", EXAMPLES.toString(), "data", "head", "orders.csv", "-n", "3", "--format", "csv");
    assertEquals(0, r.exitCode(), r::toString);
    List<String> lines = r.out().lines().toList();
    assertEquals(4, lines.size(), r::toString);
    assertTrue(lines.get(0).startsWith("order_id,customer_id,order_date,ship_date,status"), r::toString);
    assertTrue(lines.get(1).startsWith("1001,10,2024-01-03,2024-01-05,delivered,2,24.95"), r::toString);

    Cli.Result table = dsap("--root", EXAMPLES.toString(), "data", "head", "customers.csv");
    assertEquals(0, table.exitCode(), table::toString);
    assertEquals(10 + 3, table.out().lines().count(), "header, rule, 10 rows, row count: " + table);
  }

  @Test
  void readSelectsColumnsAndLimitsAndReadsOtherFormats() {
    Cli.Result r = dsap("--root", EXAMPLES.toString(), "data", "read", "orders.csv", "--columns", "status,order_id",
        "--limit", "2", "--format", "json");
    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.out().contains("\"status\"") && r.out().contains("1002"), r::toString);
    assertFalse(r.out().contains("customer_id"), r::toString);

    Cli.Result parquet = dsap("--root", EXAMPLES.toString(), "data", "read", "products.parquet", "--format", "csv");
    assertEquals(0, parquet.exitCode(), parquet::toString);
    assertTrue(parquet.out().lines().count() > 1, parquet::toString);
  }

  @Test
  void infoDescribesEachFileOfAFolder() {
    Cli.Result r = dsap("--root", EXAMPLES.toString(), "data", "info", ".", "--format", "csv");
    assertEquals(0, r.exitCode(), r::toString);
    for (String f : List.of("customers.csv", "events.ndjson", "orders.csv", "products.parquet", "products.xml",
        "targets.xlsx")) {
      assertTrue(r.out().contains("\n" + f + ","), f + " in " + r);
    }
    Cli.Result one = dsap("--root", EXAMPLES.toString(), "data", "info", "orders.csv");
    assertEquals(0, one.exitCode(), one::toString);
    assertTrue(one.out().contains("format:") && one.out().contains("csv"), one::toString);
    assertTrue(one.out().contains("read_statement:"), one::toString);
  }

  @Test
  void convertWritesParquetAndJsonThatReadBackTheSame() throws IOException {
    Path root = TestData.orders(Files.createDirectories(dir.resolve("data")));
    Path out = Files.createDirectories(dir.resolve("out"));
    Cli.Result csv = dsap("--root", root.toString(), "data", "read", "orders.csv", "--format", "csv");

    for (String name : List.of("orders.parquet", "orders.json")) {
      Cli.Result c = dsap("--root", root.toString(), "data", "convert", "orders.csv", out.resolve(name).toString());
      assertEquals(0, c.exitCode(), c::toString);
      assertTrue(c.err().contains("orders.csv -> " + out.resolve(name) + ": 3 rows written"), c::toString);
      Cli.Result back = dsap("--root", out.toString(), "data", "read", name, "--format", "csv");
      assertEquals(0, back.exitCode(), back::toString);
      assertEquals(csv.out(), back.out(), name + " holds the same typed values as the CSV");
    }
  }

  @Test
  void convertRefusesToOverwriteAndLeavesNothingBehindOnFailure() throws IOException {
    Path root = TestData.orders(Files.createDirectories(dir.resolve("data")));
    Path target = Files.writeString(dir.resolve("orders.csv.out"), "keep me");

    Cli.Result exists = dsap("--root", root.toString(), "data", "convert", "orders.csv", target.toString(),
        "--to", "json");
    assertEquals(2, exists.exitCode(), exists::toString);
    assertTrue(exists.err().contains("exists; pass --force"), exists::toString);
    assertEquals("keep me", Files.readString(target));

    Cli.Result unknown = dsap("--root", root.toString(), "data", "convert", "orders.csv",
        dir.resolve("orders.xlsx").toString());
    assertEquals(2, unknown.exitCode(), unknown::toString);
    assertTrue(unknown.err().contains("Use one of:"), unknown::toString);
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of("data", "orders.csv.out"), files.map(p -> p.getFileName().toString()).sorted().toList(),
          "no partial or temporary file");
    }

    Cli.Result forced = dsap("--root", root.toString(), "data", "convert", "--force", "orders.csv",
        target.toString(), "--to", "csv");
    assertEquals(0, forced.exitCode(), forced::toString);
    assertTrue(Files.readString(target).startsWith("id,name,note,amount"), forced::toString);
  }

  @Test
  void convertAGlobIntoAFolderKeepsRelativePaths() throws IOException {
    Path root = TestData.orders(Files.createDirectories(dir.resolve("data")));
    Files.createDirectories(root.resolve("sub"));
    Files.writeString(root.resolve("sub/more.csv"), "a,b\n1,x\n2,y\n");
    Path out = dir.resolve("parquet");

    Cli.Result r = dsap("--root", root.toString(), "data", "convert", "**.csv", out.toString(), "--to", "parquet");

    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(Files.isRegularFile(out.resolve("orders.parquet")), r::toString);
    assertTrue(Files.isRegularFile(out.resolve("sub/more.parquet")), r::toString);
    Cli.Result back = dsap("--root", out.toString(), "sql", "--format", "csv", "SELECT count(*) AS n FROM \"sub/more\"");
    assertEquals("n\n2\n", back.out(), back::toString);
  }

  @Test
  void convertCountsRejectedRowsAndShowsAProgressBarOnlyWhenAsked() throws IOException {
    Path root = Files.createDirectories(dir.resolve("data"));
    StringBuilder sb = new StringBuilder("id,amount\n");
    for (int i = 0; i < 50_000; i++) {
      sb.append(i).append(',').append(i % 10_000 == 0 && i > 0 ? "n/a" : String.valueOf(i * 2)).append('\n');
    }
    Files.writeString(root.resolve("big.csv"), sb);

    Cli.Result quiet = dsap("--root", root.toString(), "data", "convert", "big.csv", dir.resolve("a.csv").toString());
    assertEquals(0, quiet.exitCode(), quiet::toString);
    assertFalse(quiet.err().contains("rows/s"), "not a terminal: no bar\n" + quiet);

    Cli.Result bar = Cli.runWithEnv(Map.of("DSAP_PROGRESS", "always"), "--root", root.toString(), "data", "convert",
        "big.csv", dir.resolve("b.parquet").toString());
    assertEquals(0, bar.exitCode(), bar::toString);
    assertTrue(bar.err().contains("convert big.csv") && bar.err().contains("rows/s"), bar::toString);

    Cli.Result silenced = Cli.runWithEnv(Map.of("DSAP_PROGRESS", "always"), "--quiet", "--root", root.toString(),
        "data", "convert", "big.csv", dir.resolve("c.json").toString());
    assertEquals("", silenced.err(), "--quiet: nothing on stderr");
  }
}
