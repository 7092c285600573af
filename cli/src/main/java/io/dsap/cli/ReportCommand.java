package io.dsap.cli;

import io.dsap.cli.report.HtmlReport;
import io.dsap.cli.report.ReportData;
import io.dsap.cli.report.ReportData.Score;
import io.dsap.cli.report.ReportLoader;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code dsap report}: the quality report of one file as a self-contained HTML page: scores per dimension, the
 * validation summary with examples of failing rows, and the profile of every column.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = {
        "Write the quality report of a data file as one HTML page: the overall quality score and its",
        "dimensions (quality_report), every check with its failing rows (validation_summary, validate),",
        "and per column its type and why, statistics, a chart and alerts (detect_schema, profile).",
        "FILE is relative to the data root (--root, default: the current directory; with --url",
        "jdbc:dsap:remote:..., the server's data root: the server computes, the page is written here).",
        "The page needs no network and prints well. Failed checks do not change the exit code: use dsap validate for that.",
        "Like quality_report(), a run records the table's scores in dsap.quality_history."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:the report was written",
        "2:usage or runtime error (no such file, bad schema, cannot write --html); the message is on stderr"},
    footer = {
        "",
        "Examples:",
        "  dsap report examples/orders.csv --html orders-report.html",
        "  dsap --root data report orders.csv --html out/orders.html --schema orders@2",
        "  dsap report orders.csv --html report.html --rules 'quantity > 0; ship_date >= order_date'",
        "  dsap --url jdbc:dsap:remote:url=http://dsap.example:8765 report orders.csv --html orders.html"})
final class ReportCommand implements Callable<Integer> {
  @Mixin
  private ConnectionOptions connection;
  @Mixin
  private VerboseOption verbose;
  @ParentCommand
  private Main main;
  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "A data file, relative to the data root.")
  private String file;

  @Option(names = "--html", required = true, paramLabel = "PATH",
      description = "Where to write the report (written whole or not at all); '-' writes it to stdout.")
  private String html;

  @Option(names = "--schema", paramLabel = "NAME[@V]",
      description = "Validate against a registered schema (orders, orders@2) or a schema file under the data root."
          + " Default: the detected schema and the built-in checks.")
  private String schema;

  @Option(names = "--rules", paramLabel = "RULES",
      description = "SQL conditions every row must meet, separated by ';' ('quantity > 0; email IS NOT NULL').")
  private String rules;

  @Option(names = "--weights", paramLabel = "WEIGHTS",
      description = "Weights of the overall score, e.g. 'completeness:0.4,validity:0.3,consistency:0.2,uniqueness:0.1'"
          + " (default: all 1).")
  private String weights;

  @Option(names = "--examples", paramLabel = "N", defaultValue = "5",
      description = "Failing rows shown per check (default: ${DEFAULT-VALUE}).")
  private int examples;

  @Override
  public Integer call() throws SQLException, IOException {
    if (examples < 0) {
      throw new CliException("--examples must be 0 or more, not " + examples);
    }
    Io io = main.io();
    ProfileCommand.Target target = ProfileCommand.Target.of(connection, file);
    Map<String, String> options = new LinkedHashMap<>();
    options.put("schema", schema == null ? "detected (built-in checks)" : schema);
    if (rules != null) {
      options.put("rules", rules);
    }
    options.put("weights", weights == null ? "completeness:1,validity:1,consistency:1,uniqueness:1" : weights);
    options.put("examples per check", Integer.toString(examples));
    ReportData data;
    try (Connection db = connection.open()) {
      data = new ReportLoader(db).load(new ReportLoader.Request(target.file(), target.local(), true, schema, rules,
          weights, examples), ProfileCommand.runInfo(spec, "Quality report", connection, options));
    }
    for (String note : data.notes()) {
      io.err().println("warning: " + note);
    }
    Score overall = data.overall();
    ProfileCommand.writeHtml(io, html, HtmlReport.render(data), "quality report of " + target.file()
        + (overall == null ? "" : " (overall " + Math.round(overall.score() * 1000) / 10.0 + "%, "
        + data.validation().failing() + " of " + data.validation().checks().size() + " checks failing)"));
    io.out().flush();
    return ExitCodes.OK;
  }
}
