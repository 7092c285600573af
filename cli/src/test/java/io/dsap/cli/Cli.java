package io.dsap.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the dsap command in-process, as a user would from a shell, and captures what it prints. */
final class Cli {
  /** Calcite's own driver: lets tests exercise the CLI without the dsap driver. */
  static final String CALCITE = "jdbc:calcite:";

  private Cli() {
  }

  /** What one run returned and printed. */
  record Result(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  /** Runs dsap with stdin not a terminal and empty. */
  static Result run(String... args) {
    return runWithStdin("", args);
  }

  /** Runs dsap with {@code env} as the whole environment (no DSAP_* variables of the test's own). */
  static Result runWithEnv(java.util.Map<String, String> env, String... args) {
    return run("", env, args);
  }

  /** Runs dsap with {@code stdin} (not a terminal) as standard input. */
  static Result runWithStdin(String stdin, String... args) {
    return run(stdin, System.getenv(), args);
  }

  private static Result run(String stdin, java.util.Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Io io = new Io(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        false);
    int exitCode = Main.run(args, io, env);
    return new Result(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
