package io.dsap.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Unmatched;

/**
 * {@code dsap spark}: runs the dsap-spark job ({@code profile}, {@code validate}, {@code clean})
 * where Spark is: in this process when Spark and the job are on the class path, else through
 * {@code $SPARK_HOME/bin/spark-submit}; without either it prints the spark-submit command to run.
 */
@Command(name = "spark", mixinStandardHelpOptions = true,
    description = {
        "Run profile, validate or clean on Apache Spark with the same schema files, rules and cleaning specs.",
        "With Spark on the class path the job runs here; with SPARK_HOME set it is submitted with",
        "$SPARK_HOME/bin/spark-submit; otherwise the exact spark-submit command is printed (exit code 2).",
        "Everything after COMMAND goes to the job unchanged: docs/spark.md lists its options."},
    footer = {"", "Examples:",
        "  dsap spark validate 'data/orders/*.csv' --schema orders.yaml --out dq/orders --master 'local[2]'",
        "  dsap spark profile hdfs:///lake/events --format parquet --out hdfs:///dq/events",
        "  dsap spark clean orders.csv --spec cleaning.yaml --out clean/orders"})
final class SparkCommand implements Callable<Integer> {
  /** The job's entry point in the job jar. */
  static final String JOB_CLASS = "io.dsap.spark.DsapSparkJob";
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

  @ParentCommand
  private Main main;

  @Parameters(index = "0", paramLabel = "COMMAND", description = "validate, profile or clean.")
  private String command;

  @Option(names = "--jar", paramLabel = "PATH", description = "The job jar (dsap-spark-job-<version>.jar). Default:"
      + " next to the dsap jar, or spark/target of the checkout dsap runs from.")
  private Path jar;

  @Unmatched
  private List<String> jobArgs = new ArrayList<>();

  @Override
  public Integer call() {
    if (!List.of("validate", "profile", "clean").contains(command)) {
      throw new CliException("unknown Spark command '" + command + "': expected validate, profile or clean"
          + " (dsap spark --help).");
    }
    List<String> args = new ArrayList<>();
    args.add(command);
    args.addAll(jobArgs);
    Method inProcess = jobEntryPoint();
    if (inProcess != null) {
      try {
        return (Integer) inProcess.invoke(null, (Object) args.toArray(String[]::new));
      } catch (InvocationTargetException e) {
        throw new CliException("the Spark job failed: " + e.getCause().getMessage());
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
    Path jobJar = jobJar();
    String sparkHome = main.environment().get("SPARK_HOME");
    if (sparkHome != null && !sparkHome.isBlank()) {
      Path submit = Path.of(sparkHome, "bin", "spark-submit");
      if (!Files.isExecutable(submit)) {
        throw new CliException("SPARK_HOME is " + sparkHome + " but " + submit + " is not an executable file; set"
            + " SPARK_HOME to a Spark installation (the folder with bin/spark-submit).");
      }
      requireJar(jobJar);
      List<String> cmd = submitCommand(submit.toString(), jobJar, args);
      return run(cmd);
    }
    PrintStream err = main.io().err();
    err.println("dsap spark: Spark is not on the class path and SPARK_HOME is not set, so the job cannot run from"
        + " here. Submit it to Spark with:");
    main.io().out().println(String.join(" ", submitCommand("spark-submit", jobJar, args).stream()
        .map(SparkCommand::quote).toList()));
    if (!Files.isRegularFile(jobJar)) {
      err.println("The job jar is not built yet: mvn -pl spark -am -DskipTests package (it is written to "
          + jobJar + ").");
    }
    err.println("Or set SPARK_HOME to a Spark 4 installation and run dsap spark again. docs/spark.md has the options.");
    return ExitCodes.ERROR;
  }

  /** {@code DsapSparkJob.run(String...)} when both Spark and the job are on the class path, else null. */
  private static Method jobEntryPoint() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    try {
      Class.forName("org.apache.spark.sql.SparkSession", false, loader);
      return Class.forName(JOB_CLASS, true, loader).getMethod("run", String[].class);
    } catch (ClassNotFoundException | NoSuchMethodException | LinkageError e) {
      return null;
    }
  }

  static List<String> submitCommand(String sparkSubmit, Path jar, List<String> args) {
    List<String> cmd = new ArrayList<>(List.of(sparkSubmit, "--class", JOB_CLASS, jar.toString()));
    cmd.addAll(args);
    return cmd;
  }

  /** The job jar: --jar, else beside the dsap jar, else in spark/target of the checkout the dsap jar was built in. */
  private Path jobJar() {
    if (jar != null) {
      return jar.toAbsolutePath().normalize();
    }
    String name = "dsap-spark-job-" + Version.version() + ".jar";
    try {
      Path here = Path.of(SparkCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path dir = Files.isDirectory(here) ? here.getParent() : here.getParent(); // cli/target/classes or the jar
      Path beside = dir.resolve(name);
      if (Files.isRegularFile(beside)) {
        return beside;
      }
      Path checkout = dir.getFileName() != null && dir.getFileName().toString().equals("target")
          ? dir.getParent().getParent() : null;
      if (checkout != null && Files.isDirectory(checkout.resolve("spark"))) {
        return checkout.resolve("spark").resolve("target").resolve(name);
      }
    } catch (java.net.URISyntaxException | RuntimeException e) {
      // fall through to the working directory
    }
    return Path.of("spark", "target", name).toAbsolutePath();
  }

  private static void requireJar(Path jobJar) {
    if (!Files.isRegularFile(jobJar)) {
      throw new CliException("the Spark job jar " + jobJar + " does not exist. Build it with: mvn -pl spark -am"
          + " -DskipTests package, or give its path with --jar.");
    }
  }

  /** Runs spark-submit, its output copied to dsap's streams; its exit code is dsap's. */
  private int run(List<String> cmd) {
    try {
      Process p = new ProcessBuilder(cmd).start();
      p.getOutputStream().close();
      Thread out = copy(p.getInputStream(), main.io().out());
      Thread err = copy(p.getErrorStream(), main.io().err());
      int code = p.waitFor();
      out.join();
      err.join();
      return code;
    } catch (IOException e) {
      throw new CliException("cannot run " + cmd.get(0) + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted while Spark ran");
    }
  }

  private static Thread copy(InputStream in, PrintStream to) {
    Thread t = new Thread(() -> {
      try (in) {
        in.transferTo(to);
        to.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }, "spark-submit-output");
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** A shell word: as is when plain, else in single quotes. */
  static String quote(String s) {
    return PLAIN.matcher(s).matches() ? s : "'" + s.replace("'", "'\\''") + "'";
  }
}
