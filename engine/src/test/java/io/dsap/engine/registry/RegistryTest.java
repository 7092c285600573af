package io.dsap.engine.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsap.engine.error.DsapException;
import io.dsap.engine.schema.SchemaDocument;
import io.dsap.engine.schema.SchemaParser;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry: versions, soft delete, concurrent writers in threads and processes, compatibility rules. */
class RegistryTest {
  @TempDir
  Path dir;

  static SchemaDocument doc(String yaml) {
    return SchemaParser.parse(yaml, "test");
  }

  @Test
  void versionsAreAddedNeverRewrittenAndDeleteIsSoft() {
    SchemaRegistry r = new SchemaRegistry(dir, Clock.systemUTC());
    assertEquals(1, r.register("orders", doc("columns: [{name: a}]"), "a.csv").version());
    assertEquals(2, r.register("orders", doc("columns: [{name: a}, {name: b}]"), "b.yaml").version());
    assertEquals(2, r.get("orders").document().columns().size());
    assertEquals(1, r.get("orders@1").document().columns().size());
    assertEquals("b.yaml", r.get("orders").source());
    r.delete("orders");
    DsapException e = assertThrows(DsapException.class, () -> r.get("orders"));
    assertTrue(e.getMessage().contains("it was deleted; its versions are kept: use orders@2"), e.getMessage());
    assertEquals(1, r.get("orders@1").version());
    assertTrue(r.list().get(0).deleted());
    assertEquals(3, r.register("orders", doc("columns: [{name: a}]"), "c.csv").version());
    assertEquals(false, r.list().get(0).deleted());
    assertThrows(DsapException.class, () -> r.register("../evil", doc("columns: [{name: a}]"), "x"));
  }

  @Test
  void parallelWritersInThreadsAndProcessesNeverLoseAVersion() throws Exception {
    int threads = 6;
    int perThread = 15;
    int processes = 2;
    int perProcess = 15;
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<Process> children = new ArrayList<>();
    for (int p = 0; p < processes; p++) {
      children.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
          RegistryWriterMain.class.getName(), dir.toString(), "p" + p, String.valueOf(perProcess))
          .redirectErrorStream(true).redirectOutput(dir.resolve("child" + p + ".log").toFile()).start());
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      String who = "t" + t;
      futures.add(pool.submit(() -> RegistryWriterMain.write(dir, who, perThread)));
    }
    for (Future<?> f : futures) {
      f.get(120, TimeUnit.SECONDS);
    }
    pool.shutdown();
    for (Process c : children) {
      assertTrue(c.waitFor(120, TimeUnit.SECONDS));
      assertEquals(0, c.exitValue(), Files.readString(dir.resolve("child" + children.indexOf(c) + ".log")));
    }
    SchemaRegistry r = new SchemaRegistry(dir, Clock.systemUTC());
    List<SchemaVersion> history = r.history("shared");
    int total = threads * perThread + processes * perProcess;
    assertEquals(total, history.size());
    Set<String> writers = new TreeSet<>();
    for (int v = 1; v <= total; v++) {
      SchemaVersion sv = history.get(v - 1);
      assertEquals(v, sv.version());
      writers.add(sv.source()); // each write is intact and distinct
    }
    assertEquals(total, writers.size());
    try (var files = Files.list(dir.resolve("shared"))) {
      assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith(".tmp-")), "no temporary file left");
    }
    assertTrue(new File(dir.toFile(), ".lock").exists());
  }

  @Test
  void compatibilityFollowsSchemaRegistryRules() {
    String base = "columns: [{name: id, type: INTEGER, nullable: false}, {name: note}]";
    assertEquals(Compatibility.FULL, diff(base, base + "\n".replace("\n", "")));
    assertEquals(Compatibility.FULL, diff(base, "columns: [{name: id, type: INTEGER, nullable: false}, {name: note},"
        + " {name: extra}]"));
    assertEquals(Compatibility.FORWARD, diff(base, "columns: [{name: id, type: INTEGER, nullable: false},"
        + " {name: note}, {name: extra, nullable: false}]"));
    // removing a required column breaks both directions (the issue: "removing a required one is not")
    assertEquals(Compatibility.NONE, diff(base, "columns: [{name: note}]"));
    assertEquals(Compatibility.FULL, diff(base, "columns: [{name: id, type: INTEGER, nullable: false}]"));
    assertEquals(Compatibility.BACKWARD, diff(base, "columns: [{name: id, type: BIGINT, nullable: false},"
        + " {name: note}]"));
    assertEquals(Compatibility.FORWARD, diff("columns: [{name: id, type: BIGINT}]", "columns: [{name: id, type: INTEGER}]"));
    assertEquals(Compatibility.BACKWARD, diff(base, "columns: [{name: id, type: INTEGER}, {name: note}]"));
    assertEquals(Compatibility.FORWARD, diff("columns: [{name: s, allowed_values: [a, b]}]",
        "columns: [{name: s, allowed_values: [a]}]"));
    assertEquals(Compatibility.BACKWARD, diff("columns: [{name: q, min: 1}]", "columns: [{name: q, min: 0}]"));
    assertEquals(Compatibility.FORWARD, diff("columns: [{name: q}]", "columns: [{name: q}]\nrules: [{check: q > 0}]"));
    assertEquals(Compatibility.NONE, diff("columns: [{name: q, pattern: 'a+'}]", "columns: [{name: q, pattern: 'b+'}]"));
  }

  private static Compatibility diff(String a, String b) {
    return SchemaDiff.between(doc(a), doc(b)).compatibility();
  }
}
