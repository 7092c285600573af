package io.dsap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dsap transform} through {@link Main#run}: spec file, inline options, atomic output, exit codes. */
class TransformCommandTest {
  static final String ORDERS = "order_id,amount,status\n"
      + "1,\"1,234.50\",Shipped \n"
      + "2,$12.00,shipped\n"
      + "3,,PENDING\n"
      + "4,20.00,pending\n"
      + "5,25.00,shipped\n";
  // amount: 1234.5 12 20 25 -> median (nearest rank, 2nd) 20

  @TempDir
  Path dir;

  @Test
  void specFileToCsvWithSummaryAndReport() throws Exception {
    Files.writeString(dir.resolve("orders.csv"), ORDERS);
    Path spec = Files.writeString(dir.resolve("cleaning.yaml"), "missing: {amount: median}\ncase: lower\n");
    Path out = dir.resolve("result/clean.csv");
    Cli.Result r = Cli.run("--root", dir.toString(), "transform", "orders.csv", "--spec", spec.toString(),
        "--out", out.toString(), "--report");
    assertEquals(0, r.exitCode(), r.toString());
    assertEquals(List.of("order_id,amount,status", "1,1234.5,shipped", "2,12.0,shipped", "3,20.0,pending",
        "4,20.0,pending", "5,25.0,shipped"), Files.readAllLines(out));
    assertTrue(r.err().startsWith("orders.csv -> " + out + ": 5 rows read, 5 written;"), r.toString());
    assertTrue(r.out().contains("amount\tmissing\t1\t1\t0\t"), r.toString());
    assertTrue(r.out().contains("median = 20 (exact)"), r.toString());
  }

  @Test
  void inlineOptionsOverrideTheSpecAndParquetIsWritten() throws Exception {
    Files.writeString(dir.resolve("orders.csv"), ORDERS);
    Path spec = Files.writeString(dir.resolve("cleaning.yaml"), "missing: {amount: median}\n");
    Path out = dir.resolve("cleaned.parquet");
    Cli.Result r = Cli.run("--root", dir.toString(), "transform", "orders.csv", "--spec", spec.toString(),
        "--missing", "amount:drop", "-o", "outliers=amount:iqr", "--outlier-action", "remove", "--out", out.toString());
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(Files.size(out) > 0);
    // the dropped row (3) and nothing else: the fences of 12 20 25 1234.5 are q1 12, q3 25 -> [-7.5, 44.5]: row 1 goes
    assertTrue(r.err().contains("5 rows read, 3 written"), r.toString());
    Cli.Result back = Cli.run("--root", dir.toString(), "sql", "--format", "csv",
        "SELECT order_id, amount FROM cleaned ORDER BY order_id");
    assertEquals(0, back.exitCode(), back.toString());
    assertEquals("order_id,amount\n2,12.0\n4,20.0\n5,25.0\n", back.out().replace("\r", ""), back.toString());
  }

  @Test
  void badSpecExitsTwoAndWritesNothing() throws Exception {
    Files.writeString(dir.resolve("orders.csv"), ORDERS);
    Path out = dir.resolve("clean.csv");
    Cli.Result r = Cli.run("--root", dir.toString(), "transform", "orders.csv", "--missing", "status:median",
        "--out", out.toString());
    assertEquals(2, r.exitCode(), r.toString());
    assertTrue(r.err().contains("median needs numeric or date values, but column status is VARCHAR"), r.toString());
    assertFalse(Files.exists(out));
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "no temporary file is left behind");
    }
    Cli.Result unknown = Cli.run("--root", dir.toString(), "transform", "orders.csv", "-o", "mising=median",
        "--out", out.toString());
    assertEquals(2, unknown.exitCode());
    assertTrue(unknown.err().contains("unknown cleaning option 'mising'"), unknown.toString());
  }
}
