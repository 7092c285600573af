package io.dsap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsap.engine.api.DataReader;
import io.dsap.engine.api.FileInfo;
import io.dsap.engine.api.ReadResult;
import io.dsap.engine.config.SettingKeys;
import io.dsap.engine.config.Settings;
import io.dsap.engine.csv.ScanStats;
import io.dsap.engine.detect.ColumnSchema;
import io.dsap.engine.detect.DataSchema;
import io.dsap.engine.detect.SchemaDetector;
import io.dsap.engine.format.ProgressListener;
import io.dsap.engine.validate.CheckResult;
import io.dsap.engine.validate.DataValidator;
import io.dsap.engine.validate.Issue;
import io.dsap.engine.validate.ValidationResult;
import io.dsap.jdbc.DsapDriver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The calls docs/java-api.md shows, run against the bundled examples (a copy, so the registry stays out of git). */
class JavaApiDocTest {
  @TempDir
  Path data;

  private Path examples() throws IOException {
    for (String f : List.of("orders.csv", "customers.csv")) {
      Files.copy(DataCommandTest.EXAMPLES.resolve(f), data.resolve(f));
    }
    return data;
  }

  @Test
  void readDetectAndValidateAsDocumented() throws IOException {
    DataReader reader = DataReader.of(examples());
    FileInfo info = reader.getFileInfo("orders.csv", Map.of());
    assertEquals("csv", info.format());
    assertTrue(info.readStatement().startsWith("SELECT * FROM read_csv(") && info.readStatement().contains("'orders.csv'"),
        info.readStatement());

    ReadResult all = reader.read("orders.csv", Map.of(), ProgressListener.NONE);
    assertEquals(3, all.rejects().size(), "the three bad dates");
    long[] total = {0};
    long[] progressCalls = {0};
    ScanStats stats = reader.readChunked("orders.csv", Map.of(), batch -> total[0] += batch.rowCount(),
        reject -> { }, (bytes, rows, size) -> progressCalls[0]++);
    assertEquals(all.rows().size(), total[0]);
    assertEquals(stats.rowsReturned(), total[0]);

    DataSchema schema = SchemaDetector.detectSchema(data.resolve("customers.csv"));
    assertTrue(schema.columns().stream().map(ColumnSchema::semanticType).anyMatch("email"::equals),
        schema.columns().toString());

    DataValidator validator = DataValidator.of(data);
    try (ValidationResult result = validator.validate("orders.csv")) {
      List<Issue> issues = result.issues().toList();
      assertEquals(7, issues.size(), issues.toString());
    }
    try (ValidationResult r = validator.validate("orders.csv")) {
      assertFalse(r.passed());
    }
    List<CheckResult> summary = validator.generateQualityReport("orders.csv", null);
    assertFalse(summary.isEmpty());
  }

  @Test
  void settingsAsDocumentedAndGivenToAConnection() throws Exception {
    Settings settings = Settings.loader().environment(Map.of()).folder(examples())
        .flag(SettingKeys.LOG_LEVEL, "info", "my-app --verbose").load();
    assertEquals(8765, settings.serverPort());
    assertEquals("default", settings.value(SettingKeys.SERVER_PORT).source().toString());
    Settings forOneCall = settings.withArguments(Map.of("quality.weights.validity", "2"), "my_report");
    assertEquals(2.0, forOneCall.qualityWeights().validity());

    try (Connection c = new DsapDriver().connect("jdbc:dsap:" + data, new Properties(), settings);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT \"value\", source FROM dsap.settings WHERE \"key\" = 'log.level'")) {
      assertTrue(rs.next());
      assertEquals("info", rs.getString(1));
      assertEquals("option my-app --verbose", rs.getString(2));
    }
  }
}
