package io.dsap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./dsap} launcher and the shaded jar that {@code package} just built, run as a user would: from another
 * directory, as separate processes. Runs in {@code integration-test} (failsafe), after the jar exists; the launcher
 * is told not to build ({@code DSAP_NO_BUILD=1}).
 */
class DsapScriptIT {
  private static final Path REPO = Path.of("").toAbsolutePath().getParent();
  private static final Path SCRIPT = REPO.resolve("dsap");

  @TempDir
  static Path cwd;

  private record Run(int exitCode, String out, String err) {
  }

  @BeforeAll
  static void jarIsBuilt() {
    assertTrue(Files.isExecutable(SCRIPT), "launcher at " + SCRIPT);
    assertTrue(Files.isRegularFile(jar()), "package built " + jar());
  }

  private static Path jar() {
    return REPO.resolve("cli/target/dsap-cli-" + Version.version() + ".jar");
  }

  private static Run dsap(String stdin, String... args) throws IOException, InterruptedException {
    return dsapIn(cwd, stdin, args);
  }

  private static Run dsapIn(Path dir, String stdin, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(SCRIPT.toString());
    Collections.addAll(command, args);
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().put("DSAP_NO_BUILD", "1");
    builder.environment().put("DSAP_HOME", cwd.resolve(".dsap").toString());
    Path out = Files.createTempFile(cwd, "out", ".txt");
    Path err = Files.createTempFile(cwd, "err", ".txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process process = builder.start();
    process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "dsap finished in time");
    return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  @Test
  void stdoutCarriesOnlyTheResultEvenWithCalciteLoggingAround() throws Exception {
    Run run = dsap("", "--url", "jdbc:calcite:", "sql", "--format", "csv",
        "SELECT x, x * 2 AS y FROM (VALUES (1), (2)) AS t(x)");

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals("X,Y\n1,2\n2,4\n", run.out());
    assertEquals("", run.err(), "logback is at WARN: nothing on stderr either");
  }

  @Test
  void relativeRootIsReadFromTheCallersDirectory() throws Exception {
    TestData.orders(Files.createDirectories(cwd.resolve("data")));

    Run run = dsap("", "--root", "data", "sql", "--format", "csv",
        "SELECT count(*) AS n, sum(amount) AS total FROM orders");

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals("n,total\n3,19.25\n", run.out());
    assertEquals("", run.err(), "nothing but results: no log lines from Calcite or the engine");
  }

  @Test
  void queryCanBePiped() throws Exception {
    Run run = dsap("SELECT 'piped' AS s;\n", "--url", "jdbc:calcite:", "sql", "--format", "json");

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals("[\n{\"S\":\"piped\"}\n]\n", run.out());
  }

  @Test
  void missingRelativeRootIsNamedFromTheCallersDirectory() throws Exception {
    Run run = dsap("", "--root", "not-here", "sql", "SELECT 1");

    assertEquals(2, run.exitCode(), run::toString);
    assertEquals("", run.out());
    assertTrue(run.err().contains("data root not found: " + cwd.toRealPath().resolve("not-here"))
        || run.err().contains("data root not found: " + cwd.resolve("not-here")), run::toString);
  }

  @Test
  void shadedJarHasAMainClassMergedDriverServicesAndNoSignatures() throws IOException {
    try (JarFile jar = new JarFile(jar().toFile())) {
      assertEquals("io.dsap.cli.Main", jar.getManifest().getMainAttributes().getValue("Main-Class"));
      List<String> signatures = jar.stream().map(e -> e.getName())
          .filter(n -> n.matches("META-INF/[^/]+\\.(SF|DSA|RSA|EC)")).collect(Collectors.toList());
      assertEquals(List.of(), signatures);
      String drivers = new String(jar.getInputStream(jar.getEntry("META-INF/services/java.sql.Driver"))
          .readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(drivers.contains("org.apache.calcite.jdbc.Driver"), drivers);
      assertTrue(jar.getEntry("logback.xml") != null, "logging configuration");
    }
  }

  /** The README's first command, from the repository root: the bundled orders have 3 bad dates, so exit 1. */
  @Test
  void readmesFirstCommandValidatesTheBundledOrdersAndExitsOne() throws Exception {
    Run run = dsapIn(REPO, "", "validate", "examples/orders.csv");
    assertEquals(1, run.exitCode(), run.err());
    assertTrue(run.err().contains("orders.csv: 3 errors"), run.err());
    assertTrue(run.out().contains("2024-02-30") && run.out().contains("2024-13-01") && run.out().contains("31/12/2024"),
        run.out());
  }

  /** stderr is a file here, not a terminal: the launcher says so and no progress bar is drawn. */
  @Test
  void noProgressBarWhenStderrIsNotATerminal() throws Exception {
    Path data = Files.createDirectories(cwd.resolve("convert"));
    StringBuilder sb = new StringBuilder("id,v\n");
    for (int i = 0; i < 20_000; i++) {
      sb.append(i).append(',').append(i * 3).append('\n');
    }
    Files.writeString(data.resolve("n.csv"), sb);
    Run run = dsap("", "--root", "convert", "data", "convert", "n.csv", "n.parquet");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals("n.csv -> " + cwd.resolve("n.parquet") + ": 20000 rows written as parquet\n", run.err());
  }
}
