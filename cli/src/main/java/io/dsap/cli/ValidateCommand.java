package io.dsap.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code dsap validate}: checks data files with {@code validate()} and {@code validation_summary()} through the
 * JDBC driver, prints the problems (table, JSON lines or JUnit XML), a summary line per file on stderr, and exits
 * 0 (clean), 1 (a check at or above --fail-on failed) or 2 (usage or runtime error).
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = {
        "Validate data files: every parse error and every failed check, one row each.",
        "Without a schema, a file is checked against its detected schema and the built-in quality checks.",
        "FILE is relative to the data root (--root, default: the current directory); a glob",
        "('data/*.csv', '**/*.csv') or a folder validates every matching data file under it, in path order.",
        "The problems go to stdout; a summary line per file ('orders.csv: 3 errors, 4 warnings in 240 rows')",
        "goes to stderr."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:clean: no check failed at or above --fail-on",
        "1:a check failed at or above --fail-on (its tolerance, 'mostly:', is honoured)",
        "2:usage or runtime error (no such file, bad schema, ...); the message is on stderr"},
    footer = {
        "",
        "Examples:",
        "  dsap validate examples/orders.csv",
        "  dsap --root data validate orders.csv --schema orders@2 --fail-on warning",
        "  dsap validate orders.csv --schema-file orders.schema.yaml --format junit > validation.xml",
        "  dsap validate orders.csv --rules 'quantity > 0; ship_date >= order_date' --format json",
        "  dsap validate orders.csv --rules orders.rules --fail-on warning",
        "  dsap --root data validate '*.csv'",
        "  dsap validate examples/                  # every data file in the folder"})
final class ValidateCommand implements Callable<Integer> {
  /** How many failing values a JUnit failure shows. */
  static final int EXAMPLES = 5;

  /** The output of {@code --format}. */
  enum Format { table, json, junit }

  /** The lowest severity that fails the run. */
  enum FailOn { error, warning }

  private static final Logger LOG = LoggerFactory.getLogger(ValidateCommand.class);

  @Mixin
  private ConnectionOptions connection;
  @Mixin
  private VerboseOption verbose;
  @ParentCommand
  private Main main;

  @Parameters(arity = "1..*", paramLabel = "FILE",
      description = "A data file, a glob or a folder, relative to the data root.")
  private List<String> files;

  @Option(names = "--schema", paramLabel = "NAME[@V]",
      description = "A registered schema (orders, orders@2) or a schema file under the data root (orders.schema.yaml).")
  private String schema;

  @Option(names = "--schema-file", paramLabel = "PATH",
      description = "A schema file (YAML or JSON) anywhere, relative to the current directory.")
  private Path schemaFile;

  @Option(names = "--rules", paramLabel = "FILE|RULES",
      description = {"SQL conditions every row must meet: a file with one condition per line ('#' starts a comment),",
          "or the conditions themselves separated by ';' ('quantity > 0; email IS NOT NULL')."})
  private String rules;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). json is one object per line;"
          + " junit is JUnit XML with one testcase per check.")
  private Format format;

  @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "error",
      description = "Exit 1 when a check of this severity or worse fails: ${COMPLETION-CANDIDATES}"
          + " (default: ${DEFAULT-VALUE}).")
  private FailOn failOn;

  @Override
  public Integer call() throws SQLException, IOException, XMLStreamException {
    Io io = main.io();
    if (schema != null && schemaFile != null) {
      throw new CliException("give either --schema or --schema-file, not both");
    }
    List<String> targets = expand(files);
    String schemaArg = schemaArgument();
    List<FileResult> results = new ArrayList<>();
    try (Connection db = connection.open()) {
      JsonGenerator json = format == Format.json ? new ObjectMapper().createGenerator(io.out()) : null;
      if (json != null) {
        json.setPrettyPrinter(new MinimalPrettyPrinter("")); // one object per line, no separator
      }
      TableWriter table = format == Format.table ? new TableWriter(targets.size() > 1) : null;
      try (Progress progress = Progress.start(targets.size() > 1 && main.showProgress(), "validate",
          targets.size(), null, 1, io.err())) {
        for (String file : targets) {
          MDC.put("file", file);
          long start = System.nanoTime();
          FileResult r = new FileResult(file);
          readIssues(db, file, schemaArg, r, json, table);
          readSummary(db, file, schemaArg, r);
          results.add(r);
          progress.step();
          MDC.put("duration_ms", Long.toString((System.nanoTime() - start) / 1_000_000));
          LOG.info("validated {}: {} errors, {} warnings", file, r.errors, r.warnings);
          MDC.remove("duration_ms");
          if (!main.quiet()) {
            io.err().println(r.summaryLine());
          }
        }
      } finally {
        MDC.remove("file");
      }
      if (json != null) {
        json.flush();
      }
      if (table != null) {
        table.write(io.out());
      }
      if (format == Format.junit) {
        writeJunit(results, io.out());
      }
      io.out().flush();
    }
    boolean failed = results.stream().anyMatch(r -> r.failed(failOn));
    return failed ? ExitCodes.VALIDATION_FAILED : ExitCodes.OK;
  }

  // ---- arguments

  /** The FILE arguments with globs and folders expanded against the data root; each relative to the root. */
  private List<String> expand(List<String> args) throws IOException {
    return FileArgs.expand(connection, args);
  }

  /** The schema argument of validate(): a registry reference, a file under the root, or the schema's text. */
  private String schemaArgument() throws IOException {
    if (schemaFile == null) {
      return schema;
    }
    Path file = schemaFile.toAbsolutePath().normalize();
    if (!Files.isRegularFile(file)) {
      throw new CliException("schema file not found: " + file);
    }
    if (connection.jdbcUrl().startsWith(ConnectionOptions.DSAP_URL_PREFIX)) {
      Path root = connection.dataRoot();
      if (file.startsWith(root)) {
        return root.relativize(file).toString().replace('\\', '/'); // errors then name the file
      }
    }
    String text = Files.readString(file, StandardCharsets.UTF_8);
    return text.contains("\n") ? text : text + "\n"; // validate() reads text with a line break as the schema itself
  }

  // ---- queries

  private String call(String function, String file, String schemaArg) {
    StringBuilder sql = new StringBuilder(function).append('(').append(FileArgs.literal(file));
    if (schemaArg != null || rules != null) {
      sql.append(", ").append(FileArgs.literal(schemaArg == null ? "" : schemaArg));
    }
    if (rules != null) {
      sql.append(", ").append(FileArgs.literal(rulesText()));
    }
    return sql.append(')').toString();
  }

  /** --rules as validate() takes them: the conditions of a rules file joined with ';', or the text as given. */
  private String rulesText() {
    Path file;
    try {
      file = Path.of(rules);
    } catch (InvalidPathException e) {
      return rules;
    }
    if (!Files.isRegularFile(file)) {
      return rules;
    }
    try {
      List<String> conditions = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
          .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
      if (conditions.isEmpty()) {
        throw new CliException("the rules file " + file + " has no rule: write one SQL condition per line");
      }
      return String.join("; ", conditions);
    } catch (IOException e) {
      throw new CliException("cannot read the rules file " + file + ": " + e.getMessage());
    }
  }


  private void readIssues(Connection db, String file, String schemaArg, FileResult r, JsonGenerator json,
      TableWriter table) throws SQLException, IOException {
    String sql = "SELECT line, \"row_number\", column_name, check_name, severity, \"value\", expected, message,"
        + " suggestion FROM " + call("validate", file, schemaArg);
    try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        Long line = rs.getObject(1) == null ? null : rs.getLong(1);
        Long rowNumber = rs.getObject(2) == null ? null : rs.getLong(2);
        String column = rs.getString(3);
        String check = rs.getString(4);
        String severity = rs.getString(5);
        String value = rs.getString(6);
        String expected = rs.getString(7);
        String message = rs.getString(8);
        String suggestion = rs.getString(9);
        r.count(severity);
        if (format == Format.junit) {
          r.example(check, column, line, message);
        }
        if (json != null) {
          json.writeStartObject();
          json.writeStringField("file", file);
          writeNumber(json, "line", line);
          writeNumber(json, "row_number", rowNumber);
          json.writeStringField("column", column);
          json.writeStringField("check", check);
          json.writeStringField("severity", severity);
          json.writeStringField("value", value);
          json.writeStringField("expected", expected);
          json.writeStringField("message", message);
          json.writeStringField("suggestion", suggestion);
          json.writeEndObject();
          json.writeRaw('\n');
        }
        if (table != null) {
          table.add(file, line == null ? "" : line.toString(), column, check, severity, value, message);
        }
      }
    }
  }

  private static void writeNumber(JsonGenerator json, String name, Long n) throws IOException {
    if (n == null) {
      json.writeNullField(name);
    } else {
      json.writeNumberField(name, n);
    }
  }

  private void readSummary(Connection db, String file, String schemaArg, FileResult r) throws SQLException {
    String sql = "SELECT check_name, column_name, severity, checked, failed, failed_pct, status, example FROM "
        + call("validation_summary", file, schemaArg);
    try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        r.checks.add(new CheckRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
            rs.getString(6), rs.getString(7), rs.getString(8)));
      }
    }
  }

  // ---- results

  /** One line of validation_summary(). */
  record CheckRow(String check, String column, String severity, long checked, long failed, String failedPct,
      String status, String example) {
    String key() {
      return check + (column == null ? "" : "(" + column + ")");
    }
  }

  /** A check on a column, or (column null) on the whole file. */
  record CheckKey(String check, String column) {}

  /** What one file gave. */
  static final class FileResult {
    final String file;
    final List<CheckRow> checks = new ArrayList<>();
    /** The first {@link #EXAMPLES} failures per check and column, and per check (column null) over all columns. */
    private final Map<CheckKey, List<String>> examples = new HashMap<>();
    long errors;
    long warnings;

    FileResult(String file) {
      this.file = file;
    }

    void count(String severity) {
      if ("error".equalsIgnoreCase(severity)) {
        errors++;
      } else {
        warnings++;
      }
    }

    void example(String check, String column, Long line, String message) {
      // the summary names some checks per column (not_null(email)) and some per file (parse)
      List<String> all = examples.computeIfAbsent(new CheckKey(check, null), k -> new ArrayList<>(EXAMPLES));
      List<String> own = column == null ? null
          : examples.computeIfAbsent(new CheckKey(check, column), k -> new ArrayList<>(EXAMPLES));
      if (all.size() >= EXAMPLES && (own == null || own.size() >= EXAMPLES)) {
        return; // the usual case with many failures: no text built
      }
      String text = (line == null ? "" : "line " + line + ": ") + message;
      if (all.size() < EXAMPLES) {
        all.add(text);
      }
      if (own != null && own.size() < EXAMPLES) {
        own.add(text);
      }
    }

    /** The examples kept for a line of the summary. */
    List<String> examples(CheckRow c) {
      return examples.getOrDefault(new CheckKey(c.check(), c.column()), List.of());
    }

    /** Rows the checks saw: the most any check counted (parse errors and rows that were read). */
    long rows() {
      return checks.stream()
          .filter(c -> c.check().equals("parse") || c.check().equals("row_count") || c.check().equals("not_null"))
          .mapToLong(CheckRow::checked).max()
          .orElse(checks.stream().mapToLong(CheckRow::checked).max().orElse(0));
    }

    boolean failed(FailOn failOn) {
      return checks.stream().anyMatch(c -> fails(c, failOn));
    }

    String summaryLine() {
      long rows = rows();
      return file + ": " + plural(errors, "error") + ", " + plural(warnings, "warning") + " in "
          + plural(rows, "row");
    }
  }

  static boolean fails(CheckRow c, FailOn failOn) {
    return "fail".equals(c.status()) || (failOn == FailOn.warning && "warn".equals(c.status()));
  }

  static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }

  // ---- table

  /** An aligned table of all issues, like {@code dsap sql}'s (it needs every row for the column widths). */
  static final class TableWriter {
    private final boolean withFile;
    private final List<String[]> rows = new ArrayList<>();

    TableWriter(boolean withFile) {
      this.withFile = withFile;
    }

    void add(String file, String... cells) {
      String[] row = new String[cells.length + 1];
      row[0] = file;
      for (int i = 0; i < cells.length; i++) {
        row[i + 1] = cells[i] == null ? "" : cells[i].replace("\r", "\\r").replace("\n", "\\n");
      }
      rows.add(row);
    }

    void write(PrintStream out) {
      String[] header = {"file", "line", "column", "check", "severity", "value", "message"};
      int first = withFile ? 0 : 1;
      int[] widths = new int[header.length];
      for (int c = first; c < header.length; c++) {
        widths[c] = header[c].length();
        for (String[] r : rows) {
          widths[c] = Math.max(widths[c], r[c].length());
        }
      }
      out.println(line(header, widths, first, false).stripTrailing());
      StringBuilder sep = new StringBuilder();
      for (int c = first; c < header.length; c++) {
        sep.append(c > first ? "-+-" : "").append("-".repeat(widths[c]));
      }
      out.println(sep);
      for (String[] r : rows) {
        out.println(line(r, widths, first, true).stripTrailing());
      }
      out.println("(" + plural(rows.size(), "issue") + ")");
    }

    private static String line(String[] cells, int[] widths, int first, boolean alignLine) {
      StringBuilder b = new StringBuilder();
      for (int c = first; c < cells.length; c++) {
        if (c > first) {
          b.append(" | ");
        }
        String cell = cells[c];
        String pad = " ".repeat(widths[c] - cell.length());
        b.append(alignLine && c == 1 ? pad + cell : cell + pad); // line numbers right-aligned
      }
      return b.toString();
    }
  }

  // ---- junit

  private void writeJunit(List<FileResult> results, PrintStream out) throws XMLStreamException {
    StringWriter text = new StringWriter();
    XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
    x.writeStartDocument("UTF-8", "1.0");
    x.writeCharacters("\n");
    x.writeStartElement("testsuites");
    x.writeAttribute("name", "dsap validate");
    x.writeAttribute("tests", Long.toString(results.stream().mapToLong(r -> r.checks.size()).sum()));
    x.writeAttribute("failures", Long.toString(failures(results)));
    x.writeCharacters("\n");
    for (FileResult r : results) {
      long failures = r.checks.stream().filter(c -> fails(c, failOn)).count();
      x.writeStartElement("testsuite");
      x.writeAttribute("name", r.file);
      x.writeAttribute("tests", Integer.toString(r.checks.size()));
      x.writeAttribute("failures", Long.toString(failures));
      x.writeAttribute("errors", "0");
      x.writeAttribute("skipped", "0");
      x.writeCharacters("\n");
      for (CheckRow c : r.checks) {
        x.writeCharacters("  ");
        x.writeStartElement("testcase");
        x.writeAttribute("classname", r.file);
        x.writeAttribute("name", c.key());
        String counts = c.failed() + " of " + c.checked() + " failed (" + c.failedPct() + "%), severity "
            + c.severity() + ", status " + c.status();
        List<String> examples = r.examples(c);
        if (fails(c, failOn)) {
          x.writeStartElement("failure");
          x.writeAttribute("type", c.severity());
          x.writeAttribute("message", clean(counts));
          x.writeCharacters(clean(body(examples, c)));
          x.writeEndElement();
        } else if (c.failed() > 0) {
          x.writeStartElement("system-out");
          x.writeCharacters(clean(counts + "\n" + body(examples, c)));
          x.writeEndElement();
        }
        x.writeEndElement();
        x.writeCharacters("\n");
      }
      x.writeEndElement();
      x.writeCharacters("\n");
    }
    x.writeEndElement();
    x.writeCharacters("\n");
    x.writeEndDocument();
    x.close();
    out.print(text);
  }

  private long failures(List<FileResult> results) {
    return results.stream().flatMap(r -> r.checks.stream()).filter(c -> fails(c, failOn)).count();
  }

  private static String body(List<String> examples, CheckRow c) {
    if (examples.isEmpty()) {
      return c.example() == null ? "" : "example: " + c.example() + "\n";
    }
    StringBuilder b = new StringBuilder();
    for (String e : examples) {
      b.append(e).append('\n');
    }
    if (c.failed() > examples.size()) {
      b.append("... and ").append(c.failed() - examples.size()).append(" more\n");
    }
    return b.toString();
  }

  /** Drops the characters XML 1.0 cannot hold (control characters other than tab and line breaks). */
  static String clean(String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> {
      if (cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD)
          || cp >= 0x10000) {
        b.appendCodePoint(cp);
      } else {
        b.append('?');
      }
    });
    return b.toString();
  }

}
