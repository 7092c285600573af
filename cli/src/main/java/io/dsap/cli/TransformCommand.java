package io.dsap.cli;

import io.dsap.engine.transform.DataTransformer;
import io.dsap.engine.transform.TransformResult;
import io.dsap.engine.transform.TransformSpec;
import io.dsap.engine.transform.TransformationReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code dsap transform}: cleans a data file with a spec file and/or inline options (the keys of
 * docs/cleaning.md) and writes the result atomically; a summary line goes to stderr, and with
 * {@code --report} the per-step report to stdout. Exits 0 on success, 2 on a usage or runtime error
 * (nothing is written then).
 */
@Command(name = "transform", mixinStandardHelpOptions = true,
    description = {
        "Clean a data file and write the result: missing values, outliers, type repair, scaling, binning,",
        "encoding and derived columns, as clean() does in SQL (docs/cleaning.md lists every option).",
        "FILE is relative to the data root (--root, default: the current directory). The output's format",
        "follows its extension (.csv, .tsv, .json, .ndjson, .parquet); it is written to a temporary file",
        "renamed into place when complete. A summary line goes to stderr."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:the cleaned file was written",
        "2:usage or runtime error (no such file, bad spec, ...); the message is on stderr, nothing is written"},
    footer = {
        "",
        "Examples:",
        "  dsap transform orders.csv --spec cleaning.yaml --out clean.parquet",
        "  dsap transform orders.csv --missing median --outliers iqr --outlier-action cap --out clean.csv",
        "  dsap transform orders.csv -o 'scale=amount:robust' -o 'derive=total = quantity * price' --out t.csv",
        "  dsap transform orders.csv --spec cleaning.yaml --out clean.csv --report"})
final class TransformCommand implements Callable<Integer> {
  @Mixin
  private ConnectionOptions connection;
  @Mixin
  private VerboseOption verbose;
  @ParentCommand
  private Main main;

  @Parameters(index = "0", paramLabel = "FILE", description = "The data file, relative to the data root.")
  private String file;

  @Option(names = "--spec", paramLabel = "PATH",
      description = "A cleaning spec (YAML), relative to the current directory; inline options override its keys.")
  private Path spec;

  @Option(names = "--out", required = true, paramLabel = "PATH",
      description = "Where to write the cleaned rows, relative to the current directory; the extension names the format.")
  private Path out;

  @Option(names = "--missing", paramLabel = "STRATEGY",
      description = "Missing values: drop, mean, median, mode, ffill, bfill, constant, auto, or per column"
          + " ('amount:median, city:mode').")
  private String missing;

  @Option(names = "--outliers", paramLabel = "METHOD",
      description = "Outliers: iqr, zscore, mad, isolation_forest, or per column ('amount:iqr').")
  private String outliers;

  @Option(names = "--outlier-action", paramLabel = "ACTION", description = "cap, remove, null or flag.")
  private String outlierAction;

  @Option(names = {"-o", "--option"}, paramLabel = "KEY=VALUE",
      description = "Any cleaning option as in clean(): -o scale=standard -o 'encode=status:one_hot'. Repeatable.")
  private Map<String, String> options = new LinkedHashMap<>();

  @Option(names = "--report", description = "Print the report (per column and step: values changed, nulls, mean,"
      + " min, max before and after) to stdout.")
  private boolean report;

  @Override
  public Integer call() throws IOException {
    Map<String, Object> merged = new LinkedHashMap<>();
    if (spec != null) {
      if (!Files.isRegularFile(spec)) {
        throw new CliException("spec file not found: " + spec.toAbsolutePath()
            + ". --spec is relative to the current directory.");
      }
      merged.putAll(TransformSpec.readMap(Files.readString(spec), spec.getFileName().toString()));
    }
    merged.putAll(options);
    putIfGiven(merged, "missing", missing);
    putIfGiven(merged, "outliers", outliers);
    putIfGiven(merged, "outlier_action", outlierAction);
    TransformSpec transformSpec = TransformSpec.of(merged);
    DataTransformer transformer = DataTransformer.of(connection.dataRoot());
    Path target = out.toAbsolutePath().normalize();
    TransformationReport r;
    long written;
    try (TransformResult result = transformer.transform(file, transformSpec)) {
      written = result.writeTo(target);
      r = result.report();
    }
    PrintStream err = main.io().err();
    long changed = r.steps().stream().mapToLong(TransformationReport.Entry::valuesChanged).sum();
    err.println(file + " -> " + out + ": " + r.rowsIn() + " rows read, " + written + " written; " + changed
        + " values changed in " + r.steps().size() + " steps" + (r.rowsRejected() > 0 ? "; " + r.rowsRejected()
        + " rows rejected by the reader" : ""));
    if (report) {
      printReport(main.io().out(), r.steps());
    }
    return ExitCodes.OK;
  }

  private static void putIfGiven(Map<String, Object> m, String key, String value) {
    if (value != null) {
      m.put(key, value);
    }
  }

  private static void printReport(PrintStream out, List<TransformationReport.Entry> steps) {
    out.println(String.join("\t", "column", "step", "changed", "nulls_before", "nulls_after", "mean_before",
        "mean_after", "min_after", "max_after", "detail"));
    for (TransformationReport.Entry e : steps) {
      out.println(String.join("\t", text(e.column()), e.step(), String.valueOf(e.valuesChanged()),
          text(e.nullsBefore()), text(e.nullsAfter()), text(e.meanBefore()), text(e.meanAfter()),
          text(e.minAfter()), text(e.maxAfter()), e.detail()));
    }
  }

  private static String text(Object v) {
    return v == null ? "" : v.toString();
  }
}
