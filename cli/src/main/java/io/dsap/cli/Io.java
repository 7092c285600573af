package io.dsap.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The streams a command reads and writes: results go to {@code out}, everything else to {@code err}.
 *
 * @param in               standard input (a query may be read from it)
 * @param out              results only
 * @param err              errors, warnings, progress
 * @param stdinIsTerminal  whether {@code in} is an interactive terminal (then {@code dsap sql} with no
 *                         query opens the shell instead of reading the query from {@code in})
 */
public record Io(InputStream in, PrintStream out, PrintStream err, boolean stdinIsTerminal) {

  /** System property the {@code dsap} launcher sets from {@code [ -t 0 ]}. */
  public static final String STDIN_TTY_PROPERTY = "dsap.stdin.tty";

  /** Creates an Io. */
  public Io {
    Objects.requireNonNull(in, "in is null");
    Objects.requireNonNull(out, "out is null");
    Objects.requireNonNull(err, "err is null");
  }

  /** Returns the process streams, UTF-8 encoded whatever the locale, stdout buffered. */
  public static Io system() {
    PrintStream out = new PrintStream(
        new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16), false, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    return new Io(System.in, out, err, detectStdinTerminal());
  }

  /**
   * Tells whether standard input is a terminal: the launcher's {@value #STDIN_TTY_PROPERTY} if set, else
   * whether the JVM has a console (Java 17 cannot test stdin alone; a console means stdin and stdout are both ttys).
   */
  static boolean detectStdinTerminal() {
    String fromLauncher = System.getProperty(STDIN_TTY_PROPERTY);
    if (fromLauncher != null) {
      return Boolean.parseBoolean(fromLauncher);
    }
    return System.console() != null;
  }
}
