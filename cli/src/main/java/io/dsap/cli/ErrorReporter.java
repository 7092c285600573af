package io.dsap.cli;

import io.dsap.engine.error.DsapException;
import io.dsap.engine.error.ErrorCode;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns failures into one paragraph on stderr and an exit code: usage errors name the fix, SQL errors print their
 * message chain (each cause once), the stack trace only with --verbose.
 */
final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {
  /** A cause's message longer than this (Calcite's "Was expecting one of" lists) is cut unless --verbose. */
  static final int MAX_LINES_PER_MESSAGE = 12;

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println("dsap: " + ex.getMessage());
    UnmatchedArgumentException.printSuggestions(ex, err);
    err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return ExitCodes.ERROR;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    boolean verbose = cmd.getCommandSpec().root().userObject() instanceof Main main
        && main.verboseOption().isVerbose();
    PrintWriter err = cmd.getErr();
    err.println(describe(ex, verbose));
    if (verbose) {
      ex.printStackTrace(err);
    } else if (!isUserError(ex)) {
      err.println("(This looks like a bug in dsap; run again with --verbose for the stack trace.)");
    }
    err.flush();
    return ExitCodes.ERROR;
  }

  /** Returns "dsap: KIND: message", then one "caused by:" line per cause that adds something new. */
  static String describe(Throwable ex, boolean verbose) {
    List<String> messages = messageChain(ex);
    StringBuilder text = new StringBuilder("dsap: ").append(kind(ex)).append(": ");
    for (int i = 0; i < messages.size(); i++) {
      if (i > 0) {
        text.append(System.lineSeparator()).append("  caused by: ");
      }
      text.append(verbose ? messages.get(i) : cut(messages.get(i)));
    }
    return text.toString();
  }

  /** Returns the messages of the exception and its causes, skipping any already contained in an earlier one. */
  static List<String> messageChain(Throwable ex) {
    List<String> messages = new ArrayList<>();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = ex; t != null && seen.add(t); t = t.getCause()) {
      String message = t.getMessage() == null || t.getMessage().isBlank()
          ? t.getClass().getSimpleName()
          : t.getMessage().strip();
      if (t != ex && isWrapperText(t, message)) {
        continue;
      }
      if (messages.stream().noneMatch(earlier -> earlier.contains(message))) {
        messages.add(message);
      }
    }
    return messages;
  }

  private static boolean isWrapperText(Throwable t, String message) {
    // "java.lang.Foo: msg" made by new RuntimeException(cause): the cause says it better
    return t.getCause() != null && message.equals(t.getCause().toString());
  }

  private static String kind(Throwable ex) {
    if (ex instanceof CliException || isDsapUserError(ex)) {
      return "error";
    }
    if (ex instanceof SQLException) {
      return "SQL error";
    }
    return "internal error (" + ex.getClass().getName() + ")";
  }

  private static boolean isUserError(Throwable ex) {
    return ex instanceof CliException || ex instanceof SQLException || isDsapUserError(ex);
  }

  /** The engine's errors that a user or the file system caused (a bad setting, a missing file). */
  private static boolean isDsapUserError(Throwable ex) {
    return ex instanceof DsapException d && d.code().kind() != ErrorCode.Kind.INTERNAL;
  }

  private static String cut(String message) {
    String[] lines = message.split("\\R", -1);
    if (lines.length <= MAX_LINES_PER_MESSAGE) {
      return message;
    }
    int more = lines.length - MAX_LINES_PER_MESSAGE;
    return String.join(System.lineSeparator(), List.of(lines).subList(0, MAX_LINES_PER_MESSAGE))
        + System.lineSeparator() + "    ... " + more + (more == 1 ? " more line" : " more lines")
        + " (--verbose shows them)";
  }
}
