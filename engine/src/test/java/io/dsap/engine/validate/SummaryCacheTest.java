package io.dsap.engine.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.dsap.engine.format.FormatRegistry;
import io.dsap.engine.registry.SchemaRegistry;
import io.dsap.engine.source.DataRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code summary()} after a validation that ran to the end on the unchanged file gives that run's
 * summary without reading the file again (what validation_summary() after validate() does), and
 * reads the file again whenever anything that decides the result changed.
 */
class SummaryCacheTest {
  static final String SCHEMA = "columns:\n  - {name: id, type: INTEGER, unique: true}\n"
      + "  - {name: qty, type: INTEGER, min: 1}\n";

  @TempDir
  Path dir;

  /** {@code rows} rows; qty is bad (0) on every {@code badEvery}-th row and id 2 repeats at the end. */
  private Path write(String name, int rows, int badEvery) throws IOException {
    StringBuilder s = new StringBuilder("id,qty\n");
    for (int i = 1; i <= rows; i++) {
      s.append(i).append(',').append(i % badEvery == 0 ? 0 : 5).append('\n');
    }
    s.append("2,5\n");
    Path file = dir.resolve(name);
    Files.writeString(file, s);
    return file;
  }

  private static List<CheckResult> validateToTheEnd(DataValidator v, String file, String schema, String rules) {
    try (ValidationResult r = v.validate(file, schema, rules)) {
      r.issues().forEach(i -> { });
      return r.summary();
    }
  }

  private static long failed(List<CheckResult> summary, String check) {
    return summary.stream().filter(c -> c.check().equals(check)).mapToLong(CheckResult::failed).sum();
  }

  @Test
  void aFinishedRunsSummaryIsReusedWhileTheFileIsUnchanged() throws IOException {
    Path file = write("reuse.csv", 1000, 10);
    FileTime modified = Files.getLastModifiedTime(file);
    DataValidator v = DataValidator.of(dir);
    List<CheckResult> first = validateToTheEnd(v, "reuse.csv", SCHEMA, "qty < 100");
    assertEquals(100, failed(first, "range"));
    assertEquals(1, failed(first, "unique"));
    assertEquals(first, v.summary("reuse.csv", SCHEMA, "qty < 100"));

    // same size, same modification time: the fingerprint (as for every dsap cache) cannot tell, so the
    // summary comes from the finished run, which shows the file was not read again
    Path other = write("other.csv", 1000, 20);
    Files.copy(other, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.setLastModifiedTime(file, modified);
    assertEquals(first, v.summary("reuse.csv", SCHEMA, "qty < 100"));

    // another modification time: read again
    Files.setLastModifiedTime(file, FileTime.from(modified.toInstant().plusSeconds(5)));
    List<CheckResult> again = v.summary("reuse.csv", SCHEMA, "qty < 100");
    assertEquals(50, failed(again, "range"));
    assertEquals(again, validateToTheEnd(v, "reuse.csv", SCHEMA, "qty < 100"));
  }

  @Test
  void otherRulesOrAnotherSchemaAreValidatedAfresh() throws IOException {
    write("args.csv", 500, 10);
    DataValidator v = DataValidator.of(dir);
    List<CheckResult> withRule = validateToTheEnd(v, "args.csv", SCHEMA, "qty < 5");
    assertEquals(451, failed(withRule, "rule:qty < 5"));
    List<CheckResult> otherRule = v.summary("args.csv", SCHEMA, "qty < 6");
    assertEquals(0, failed(otherRule, "rule:qty < 6"));
    List<CheckResult> noUnique = v.summary("args.csv", SCHEMA.replace(", unique: true", ""), "qty < 5");
    assertEquals(0, failed(noUnique, "unique"));
    assertNotEquals(withRule, noUnique);
    List<CheckResult> detected = v.summary("args.csv", null, null);
    assertEquals(detected, validateToTheEnd(v, "args.csv", null, null));
  }

  @Test
  void aRunStoppedEarlyKeepsNothing() throws IOException {
    Path file = write("stopped.csv", 1000, 10);
    FileTime modified = Files.getLastModifiedTime(file);
    DataValidator v = DataValidator.of(dir);
    try (ValidationResult r = v.validate("stopped.csv", SCHEMA, null)) {
      r.issues().findFirst();
    }
    Files.copy(write("other.csv", 1000, 20), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.setLastModifiedTime(file, modified);
    assertEquals(50, failed(v.summary("stopped.csv", SCHEMA, null), "range"));
  }

  @Test
  void freshnessIsJudgedAtEachCallNotCached() throws IOException {
    Files.writeString(dir.resolve("fresh.csv"), "id,day\n1,2024-05-01\n2,2024-05-10\n");
    Instant[] now = {Instant.parse("2024-05-11T00:00:00Z")};
    Clock clock = new Clock() {
      @Override
      public ZoneOffset getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return now[0];
      }
    };
    DataRoot root = DataRoot.of(dir);
    DataValidator v = DataValidator.of(DataFiles.of(root, FormatRegistry.defaults()),
        SchemaRegistry.forRoot(root.path()), clock);
    String schema = "columns:\n  - {name: day, type: DATE}\nfreshness: {column: day, max_age: 2d}\n";
    Function<List<CheckResult>, Status> status = s -> s.stream().filter(c -> c.check().equals("freshness"))
        .findFirst().orElseThrow().status();
    assertEquals(Status.PASS, status.apply(validateToTheEnd(v, "fresh.csv", schema, null)));
    now[0] = now[0].plus(10, ChronoUnit.DAYS);
    assertEquals(Status.FAIL, status.apply(v.summary("fresh.csv", schema, null)));
  }
}
