package io.dsap.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsap.engine.schema.SchemaDocument;
import io.dsap.engine.schema.SchemaParser;
import io.dsap.engine.validate.CheckResult;
import io.dsap.engine.validate.DataValidator;
import io.dsap.engine.validate.Issue;
import io.dsap.engine.validate.ValidationResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spark in local[2] against the local engine: the same file and schema give the same issues. */
class SparkValidationTest {
  static SparkSession spark;
  @TempDir static Path dir;
  static Path csv;
  static final int ROWS = 3000;

  static final String SCHEMA = """
      columns:
        - {name: order_id, type: BIGINT, nullable: false, unique: true}
        - {name: email, type: VARCHAR, semantic: email, nullable: false}
        - {name: quantity, type: INTEGER, min: 1, max: 100, outliers: {method: zscore, threshold: 1.5}}
        - {name: unit_price, type: "DECIMAL(10,2)", min: 0}
        - {name: status, type: VARCHAR, allowed_values: [shipped, pending, cancelled]}
        - {name: order_date, type: DATE, format: yyyy-MM-dd}
        - {name: ship_date, type: DATE, format: yyyy-MM-dd}
        - {name: code, type: VARCHAR, pattern: "[A-Z]{2}-[0-9]{3}", min_length: 6, max_length: 6}
        - {name: paid_on, type: VARCHAR, format: dd.MM.yyyy}
      freshness: {column: order_date, max_age: 30d}
      foreign_keys:
        - {column: status, references: statuses.csv}
        - {column: order_id, references: known_orders.csv, ref_column: id, severity: warning}
      rules:
        - {name: ships_after_order, check: ship_date >= order_date}
        - {name: big_orders_cheap, check: "quantity < 90 OR unit_price < 50", severity: warning}
      """;

  @BeforeAll
  static void start() throws Exception {
    spark = SparkSession.builder().master("local[2]").appName("dsap-test")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
        // small splits: the file is read as several blocks, so record numbering across blocks is exercised
        .config("spark.sql.files.maxPartitionBytes", "16384")
        .getOrCreate();
    csv = dir.resolve("orders.csv");
    Files.writeString(csv, generate(new Random(42)));
    Files.writeString(dir.resolve("statuses.csv"), "status,label\nshipped,Shipped\npending,Pending\n");
    StringBuilder known = new StringBuilder("id\n");
    for (int i = 1; i <= 2900; i++) {
      known.append(i).append('\n');
    }
    Files.writeString(dir.resolve("known_orders.csv"), known.toString());
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
  }

  /** Orders with faults of every kind at random rows. */
  static String generate(Random rnd) {
    StringBuilder b = new StringBuilder("order_id,email,quantity,unit_price,status,order_date,ship_date,code,paid_on\n");
    String[] statuses = {"shipped", "pending", "cancelled"};
    for (int i = 1; i <= ROWS; i++) {
      long id = rnd.nextInt(200) == 0 && i > 1 || i == 501 ? i - 1 : i; // duplicate ids; 501 repeats a rejected row
      String email = rnd.nextInt(100) == 0 ? "" : rnd.nextInt(60) == 0 ? "user" + i + "@example" : "u" + i + "@x.com";
      String qty = rnd.nextInt(150) == 0 || i == 500 ? "abc" : String.valueOf(rnd.nextInt(120) - 5);
      String price = rnd.nextInt(170) == 0 ? "-1.50" : rnd.nextInt(200) == 0 ? "12.345" : (rnd.nextInt(10000) / 100.0) + "";
      String status = rnd.nextInt(80) == 0 ? "Shipped" : statuses[rnd.nextInt(3)];
      int day = 1 + rnd.nextInt(27);
      String od = rnd.nextInt(300) == 0 ? "2024-02-30" : "2024-03-" + (day < 10 ? "0" : "") + day;
      int sd = Math.max(1, day + rnd.nextInt(5) - 1);
      String ship = "2024-04-" + (sd < 10 ? "0" : "") + sd;
      if (rnd.nextInt(120) == 0) {
        ship = "2024-02-01";
      }
      String code = rnd.nextInt(90) == 0 ? "ab-12" : "XY-" + (100 + rnd.nextInt(900));
      String paid = rnd.nextInt(100) == 0 ? "31.02.2024" : rnd.nextInt(100) == 0 ? "2024-03-05" : rnd.nextInt(30) == 0
          ? "" : String.format("%02d.03.2024", 1 + rnd.nextInt(28));
      b.append(id).append(',').append(email).append(',').append(qty).append(',').append(price).append(',')
          .append(status).append(',').append(od).append(',').append(ship).append(',').append(code).append(',')
          .append(paid).append('\n');
      if (i % 700 == 0) {
        b.append(id + 1_000_000).append(",broken@x.com,1\n"); // too few fields
      }
    }
    return b.toString();
  }

  static String key(Long row, String check, String column) {
    return row + "|" + check + "|" + column;
  }

  @Test
  void sameIssuesAndSummaryAsTheLocalEngine() {
    SchemaDocument doc = SchemaParser.parse(SCHEMA, "orders.yaml");
    Set<String> local = new TreeSet<>();
    Map<String, String> localSummary = new TreeMap<>();
    try (ValidationResult r = DataValidator.of(dir).validateWithSchema("orders.csv", doc)) {
      r.issues().forEach(i -> local.add(key(i.rowNumber(), i.check(), i.column())));
      for (CheckResult c : r.summary()) {
        localSummary.put(c.check() + "|" + c.column(), c.checked() + "/" + c.failed() + " " + c.status());
      }
    }
    SparkInput in = SparkInput.read(spark, "csv", Map.of(), csv.toString());
    SparkValidation v = SparkValidation.run(in, doc, List.of());
    Set<String> remote = new TreeSet<>();
    for (Row r : v.issues().collectAsList()) {
      remote.add(key(r.getAs("row_number"), r.getAs("check_name"), r.getAs("column_name")));
    }
    Map<String, String> remoteSummary = new TreeMap<>();
    for (CheckResult c : v.summary()) {
      remoteSummary.put(c.check() + "|" + c.column(), c.checked() + "/" + c.failed() + " " + c.status());
    }
    assertTrue(local.size() > 200, "the generated faults must produce issues: " + local.size());
    for (String check : List.of("foreign_key|status", "foreign_key|order_id", "freshness|order_date",
        "date_format|paid_on", "outlier|quantity")) {
      assertTrue(localSummary.containsKey(check) && !localSummary.get(check).contains("/0 "), check + " fails on"
          + " some rows locally: " + localSummary);
    }
    Set<String> missing = new TreeSet<>(local);
    missing.removeAll(remote);
    Set<String> extra = new TreeSet<>(remote);
    extra.removeAll(local);
    assertEquals(Set.of(), missing, "issues the local engine reports and Spark does not");
    assertEquals(Set.of(), extra, "issues Spark reports and the local engine does not");
    assertEquals(localSummary, remoteSummary);
  }

  /** A schema that types no column: Spark types them as the local engine detects them, so the checks agree. */
  @Test
  void undeclaredColumnsAreTypedAsTheLocalEngineDetectsThem() {
    SchemaDocument doc = SchemaParser.parse("""
        columns:
          - {name: quantity, min: 1, max: 100}
          - {name: unit_price, min: 0, max: 50}
          - {name: order_date, min: 2024-03-10}
        rules:
          - {name: ships_after_order, check: ship_date >= order_date}
        """, "untyped.yaml");
    Set<String> local = new TreeSet<>();
    Map<String, String> localSummary = new TreeMap<>();
    try (ValidationResult r = DataValidator.of(dir).validateWithSchema("orders.csv", doc)) {
      r.issues().forEach(i -> local.add(key(i.rowNumber(), i.check(), i.column())));
      for (CheckResult c : r.summary()) {
        localSummary.put(c.check() + "|" + c.column(), c.checked() + "/" + c.failed() + " " + c.status());
      }
    }
    SparkValidation v = SparkValidation.run(SparkInput.read(spark, "csv", Map.of(), csv.toString()), doc, List.of());
    Set<String> remote = new TreeSet<>();
    for (Row r : v.issues().collectAsList()) {
      remote.add(key(r.getAs("row_number"), r.getAs("check_name"), r.getAs("column_name")));
    }
    Map<String, String> remoteSummary = new TreeMap<>();
    for (CheckResult c : v.summary()) {
      remoteSummary.put(c.check() + "|" + c.column(), c.checked() + "/" + c.failed() + " " + c.status());
    }
    // numerically: a quantity of 5 is in range (as text '5' > '100')
    assertTrue(local.stream().anyMatch(k -> k.contains("|range|quantity")), local.toString());
    assertEquals(local, remote);
    assertEquals(localSummary, remoteSummary);
  }

  @Test
  void everyIssueCarriesItsFileAndRow() {
    SchemaDocument doc = SchemaParser.parse(SCHEMA, "orders.yaml");
    SparkValidation v = SparkValidation.run(SparkInput.read(spark, "csv", Map.of(), csv.toString()), doc, List.of());
    List<Row> rows = v.issues().where("check_name = 'parse'").collectAsList();
    assertFalse(rows.isEmpty());
    for (Row r : rows) {
      assertTrue(r.<String>getAs("file").endsWith("orders.csv"), r.toString());
      assertTrue(r.<Long>getAs("row_number") >= 1, r.toString());
    }
  }

  @Test
  void aRuleNamingAnUnknownColumnFailsWithItsName() {
    SchemaDocument doc = SchemaParser.parse("rules:\n  - {name: typo, check: quantiy > 0}\n", "bad.yaml");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SparkValidation.run(SparkInput.read(spark, "csv", Map.of(), csv.toString()), doc, List.of()));
    assertTrue(e.getMessage().contains("typo") && e.getMessage().contains("quantiy"), e.getMessage());
  }

  @Test
  void theJobWritesIssuesAndSummaryAndExitsOneOnFailures() throws Exception {
    Path schema = dir.resolve("orders.yaml");
    Files.writeString(schema, SCHEMA);
    Path out = dir.resolve("job-out");
    int code = DsapSparkJob.run("validate", csv.toString(), "--schema", schema.toString(), "--out", out.toString(),
        "--output-format", "json");
    assertEquals(DsapSparkJob.FAILED, code, "errors were found: exit code 1");
    SparkValidation v = SparkValidation.run(SparkInput.read(spark, "csv", Map.of(), csv.toString()),
        SchemaParser.parse(SCHEMA, "orders.yaml"), List.of());
    assertEquals(v.issues().count(), spark.read().json(out.resolve("issues").toString()).count());
    List<Row> summary = spark.read().json(out.resolve("summary").toString()).where("check_name = 'parse'")
        .collectAsList();
    assertEquals(1, summary.size());
    assertEquals("fail", summary.get(0).getAs("status"));

    int profile = DsapSparkJob.run("profile", csv.toString(), "--schema", schema.toString(), "--out", out.toString(),
        "--output-format", "json");
    assertEquals(DsapSparkJob.OK, profile);
    Row quantity = spark.read().json(out.resolve("profile").toString()).where("name = 'quantity'").first();
    long records = ROWS + ROWS / 700; // with the short records
    long rejected = summary.get(0).<Long>getAs("failed");
    assertEquals(records - rejected, quantity.<Long>getAs("count"), "rows returned: all but the rejected ones");
  }

  /** No --schema and an input that is no local file (a file: URI, as s3a:// would be): the schema is generated as locally. */
  @Test
  void withoutASchemaTheJobGeneratesTheLocalEnginesSchemaFromTheInput() {
    Path out = dir.resolve("generated-out");
    int code = DsapSparkJob.run("validate", csv.toUri().toString(), "--out", out.toString(), "--output-format", "json");
    DataValidator local = DataValidator.of(dir);
    Map<String, String> localSummary = new TreeMap<>();
    try (ValidationResult r = local.validateWithSchema("orders.csv", local.generateSchema("orders.csv"))) {
      for (CheckResult c : r.summary()) {
        localSummary.put(c.check() + "|" + c.column(), c.checked() + "/" + c.failed());
      }
    }
    Map<String, String> remoteSummary = new TreeMap<>();
    for (Row r : spark.read().json(out.resolve("summary").toString()).collectAsList()) {
      remoteSummary.put(r.getAs("check_name") + "|" + r.getAs("column_name"), r.getAs("checked") + "/"
          + r.getAs("failed"));
    }
    assertTrue(localSummary.containsKey("not_null|order_id"), localSummary.toString());
    assertEquals(localSummary, remoteSummary);
    assertEquals(DsapSparkJob.FAILED, code, "the short records fail the parse check");
  }

  @Test
  void aMissingSchemaFileIsAUsageError() {
    int code = DsapSparkJob.run("validate", csv.toString(), "--schema", dir.resolve("nope.yaml").toString(), "--out",
        dir.resolve("x").toString());
    assertEquals(DsapSparkJob.ERROR, code);
  }
}
