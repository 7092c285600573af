package io.dsap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dsap spark without a cluster: the printed spark-submit command, and the submission through SPARK_HOME. */
class SparkCommandTest {
  @TempDir Path dir;

  @Test
  void withoutSparkItPrintsTheExactSubmitCommandAndFails() {
    Cli.Result r = Cli.runWithEnv(Map.of(), "spark", "validate", "data/orders/*.csv", "--schema", "orders.yaml",
        "--out", "dq/orders", "--rules", "quantity > 0");
    assertEquals(ExitCodes.ERROR, r.exitCode(), r::toString);
    String cmd = r.out().trim();
    String jar = "dsap-spark-job-" + Version.version() + ".jar";
    assertTrue(cmd.startsWith("spark-submit --class io.dsap.spark.DsapSparkJob /"), r::toString);
    assertTrue(cmd.endsWith(jar + " validate 'data/orders/*.csv' --schema orders.yaml --out dq/orders"
        + " --rules 'quantity > 0'"), r::toString);
    // the jar path is the one this checkout builds
    String path = cmd.split(" ")[3];
    assertTrue(path.endsWith("/spark/target/" + jar), path);
    assertTrue(r.err().contains("SPARK_HOME"), r::toString);
  }

  @Test
  void withSparkHomeItSubmitsTheJobAndReturnsItsExitCode() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("spark/bin"));
    Path args = dir.resolve("args.txt");
    // stands in for Spark's launcher: records the command line it was given, answers like a failed validation
    Path submit = bin.resolve("spark-submit");
    Files.writeString(submit, "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done > '" + args + "'\n"
        + "echo 'orders: validated'\necho 'parse: 3 of 10 failed (fail)' >&2\nexit 1\n");
    Files.setPosixFilePermissions(submit, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path jar = Files.writeString(dir.resolve("job.jar"), "not opened by the stand-in");
    Cli.Result r = Cli.runWithEnv(Map.of("SPARK_HOME", dir.resolve("spark").toString()), "spark", "clean",
        "in.csv", "--jar", jar.toString(), "--spec", "clean.yaml", "--out", "out dir");
    assertEquals(1, r.exitCode(), r::toString);
    assertEquals(List.of("--class", "io.dsap.spark.DsapSparkJob", jar.toString(), "clean", "in.csv", "--spec",
        "clean.yaml", "--out", "out dir"), Files.readAllLines(args));
    assertTrue(r.out().contains("orders: validated"), r::toString);
    assertTrue(r.err().contains("3 of 10 failed"), r::toString);
  }

  @Test
  void aMissingJobJarWithSparkHomeIsAClearError() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("spark/bin"));
    Path submit = Files.writeString(bin.resolve("spark-submit"), "#!/bin/sh\nexit 0\n");
    Files.setPosixFilePermissions(submit, PosixFilePermissions.fromString("rwxr-xr-x"));
    Cli.Result r = Cli.runWithEnv(Map.of("SPARK_HOME", dir.resolve("spark").toString()), "spark", "profile",
        "x.csv", "--out", "o", "--jar", dir.resolve("nope.jar").toString());
    assertEquals(ExitCodes.ERROR, r.exitCode(), r::toString);
    assertTrue(r.err().contains("nope.jar") && r.err().contains("mvn -pl spark"), r::toString);
  }

  @Test
  void anUnknownCommandNamesTheKnownOnes() {
    Cli.Result r = Cli.runWithEnv(Map.of(), "spark", "report", "x.csv");
    assertEquals(ExitCodes.ERROR, r.exitCode(), r::toString);
    assertTrue(r.err().contains("validate, profile or clean"), r::toString);
  }
}
