package io.dsap.spark;

import io.dsap.engine.format.FormatOptions;
import io.dsap.engine.format.FormatRegistry;
import io.dsap.engine.schema.ColumnSchema;
import io.dsap.engine.schema.DeclaredType;
import io.dsap.engine.schema.SchemaDocument;
import io.dsap.engine.source.DataRoot;
import io.dsap.engine.transform.TransformSpec;
import io.dsap.engine.transform.TransformationReport;
import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.types.TemporalFormat;
import io.dsap.engine.validate.DataFiles;
import io.dsap.engine.schema.SchemaParser;
import io.dsap.engine.validate.CheckResult;
import io.dsap.engine.validate.DataValidator;
import io.dsap.engine.validate.Status;
import io.dsap.engine.validate.rules.InlineRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The {@code spark-submit} entry point: {@code profile}, {@code validate} and {@code clean} over
 * anything Spark reads, with the engine's schema documents, rules and cleaning specs, writing
 * results as Parquet or JSON (cleaned data also as CSV).
 *
 * <pre>
 * spark-submit --class io.dsap.spark.DsapSparkJob dsap-spark-job.jar \
 *   validate 's3a://bucket/orders/*.csv' --schema orders.yaml --out s3a://bucket/dq/orders
 * </pre>
 */
@Command(name = "dsap-spark", mixinStandardHelpOptions = true, subcommands = {
    DsapSparkJob.Validate.class, DsapSparkJob.Profile.class, DsapSparkJob.Clean.class},
    description = "dsap's profile, validate and clean on Apache Spark, with the same schema files, rules and cleaning"
        + " specs as the local engine.")
public final class DsapSparkJob {
  /** Exit codes, as the dsap command's. */
  static final int OK = 0;
  static final int FAILED = 1;
  static final int ERROR = 2;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the job; returns its exit code (0 ok, 1 validation failed, 2 usage or runtime error). */
  public static int run(String... args) {
    return new CommandLine(new DsapSparkJob())
        .setExecutionExceptionHandler((e, cmd, parsed) -> {
          cmd.getErr().println("dsap-spark: " + e.getMessage());
          return ERROR;
        })
        .execute(args);
  }

  /** Options every command shares. */
  static class Input {
    @Parameters(arity = "1..*", paramLabel = "INPUT",
        description = "Files, folders or globs Spark can read (local, hdfs://, s3a://, ...).")
    List<String> paths;

    @Option(names = "--format", defaultValue = "csv", description = "csv, tsv, json or parquet (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--option", paramLabel = "KEY=VALUE",
        description = "A Spark reader option, e.g. --option sep=';' --option multiLine=true.")
    Map<String, String> options = new LinkedHashMap<>();

    @Option(names = "--schema", paramLabel = "FILE",
        description = "A dsap schema document (YAML or JSON). Without it, the schema the local engine generates:"
            + " from the first input when it is a local file, else detected on a sample of the input.")
    Path schema;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where results are written.")
    String out;

    @Option(names = "--output-format", defaultValue = "parquet", description = "parquet or json (default: ${DEFAULT-VALUE}).")
    String outputFormat;

    @Option(names = "--master", description = "Spark master when not set by spark-submit (e.g. local[2]).")
    String master;

    SparkSession session(String app) {
      SparkSession.Builder b = SparkSession.builder().appName(app);
      if (master != null) {
        b.master(master);
      }
      return b.getOrCreate();
    }

    SparkInput read(SparkSession spark) {
      return SparkInput.read(spark, format, options, paths.toArray(String[]::new));
    }

    SchemaDocument schema() {
      return SchemaParser.read(schema, schema.getFileName().toString());
    }

    /**
     * --schema, else the schema the local engine generates: from the first input when it is a
     * local file, else from the input itself (types detected on a sample, nullability counted by Spark).
     */
    SchemaDocument schema(SparkInput input) {
      if (schema != null) {
        return schema();
      }
      Path first = Path.of(paths.get(0));
      if (Files.isRegularFile(first)) {
        return DataValidator.of(first.toAbsolutePath().getParent()).generateSchema(first.getFileName().toString());
      }
      return SampleDetection.generateSchema(input);
    }

    void write(Dataset<Row> data, String name) {
      save(data, outputFormat, name);
    }

    /** CSV output is RFC 4180, as dsap writes it: a header, quotes inside quoted values doubled. */
    void save(Dataset<Row> data, String format, String name) {
      data.write().mode(SaveMode.Overwrite).format(format).option("header", "true").option("escape", "\"")
          .save(out + "/" + name);
    }

    /**
     * The input's column types as the local reader gives them: without --schema, the local
     * engine's detection of the first input when it is a local file, else detection on a sample
     * ({@link SampleDetection}); with --schema, the declared types, detected ones for the rest.
     */
    List<ColumnSpec> columns(SparkInput input) {
      if (schema == null) {
        Path first = Path.of(paths.get(0));
        if (Files.isRegularFile(first)) {
          return DataFiles.of(DataRoot.of(first.toAbsolutePath().getParent()), FormatRegistry.defaults())
              .open(first.getFileName().toString(), FormatOptions.NONE).columns();
        }
        return SampleDetection.detect(input);
      }
      SchemaDocument doc = schema();
      List<ColumnSpec> detected = null;
      List<ColumnSpec> out = new ArrayList<>();
      for (String name : input.columns()) {
        ColumnSchema c = doc.columns().stream().filter(d -> d.name().equalsIgnoreCase(name) && d.type() != null)
            .findFirst().orElse(null);
        if (c != null) {
          DeclaredType t = DeclaredType.parse(c.type());
          int precision = t.type() != io.dsap.engine.types.ColumnType.DECIMAL ? 0
              : t.precision() > 0 ? t.precision() : ColumnSpec.LONG_DECIMAL_PRECISION;
          out.add(new ColumnSpec(name, t.type(), precision, Math.max(0, t.scale()),
              c.format() == null ? null : TemporalFormat.parse(c.format()), "declared"));
          continue;
        }
        if (detected == null) {
          detected = SampleDetection.detect(input);
        }
        detected.stream().filter(d -> d.name().equalsIgnoreCase(name)).findFirst().ifPresent(out::add);
      }
      return out;
    }
  }

  @Command(name = "validate", mixinStandardHelpOptions = true,
      description = "Every failing (row, check) with its file and row number, and a per-check summary.")
  static final class Validate implements Callable<Integer> {
    @CommandLine.Mixin Input in = new Input();

    @Option(names = "--rules", description = "Inline rules: 'quantity > 0; ship_date >= order_date'.")
    String rules;

    @Option(names = "--fail-on", defaultValue = "error", description = "error or warning (default: ${DEFAULT-VALUE}).")
    String failOn;

    @Override
    public Integer call() {
      SparkSession spark = in.session("dsap validate");
      SparkInput input = in.read(spark);
      SparkValidation v = SparkValidation.run(input, in.schema(input), InlineRules.parse(rules));
      in.write(v.issues(), "issues");
      List<CheckResult> summary = v.summary();
      boolean failed = false;
      for (CheckResult c : summary) {
        failed |= c.status() == Status.FAIL || c.status() == Status.WARN && "warning".equals(failOn);
        System.err.println(c.check() + (c.column() == null ? "" : " " + c.column()) + ": " + c.failed() + " of "
            + c.checked() + " failed (" + c.status().text() + ")");
      }
      in.write(SparkValidation.summaryFrame(spark, summary), "summary");
      return failed ? FAILED : OK;
    }
  }

  @Command(name = "clean", mixinStandardHelpOptions = true,
      description = "The cleaning spec's steps on every row; writes DIR/data (the cleaned rows), DIR/summary (per"
          + " column and step what changed) and DIR/rows (rows in, out, rejected).")
  static final class Clean implements Callable<Integer> {
    @CommandLine.Mixin Input in = new Input();

    @Option(names = "--spec", paramLabel = "FILE", description = "A cleaning spec (YAML), as dsap transform --spec"
        + " takes it; --set, --missing, --outliers and --outlier-action override its keys.")
    Path spec;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
        description = "Any cleaning option as in clean(): --set scale=standard --set 'encode=status:one_hot'.")
    Map<String, String> set = new LinkedHashMap<>();

    @Option(names = "--missing", paramLabel = "STRATEGY", description = "drop, mean, median, mode, constant, auto,"
        + " or per column ('amount:median, city:mode').")
    String missing;

    @Option(names = "--outliers", paramLabel = "METHOD", description = "iqr, zscore, mad, or per column.")
    String outliers;

    @Option(names = "--outlier-action", paramLabel = "ACTION", description = "cap, remove, null or flag.")
    String outlierAction;

    @Option(names = "--data-format", paramLabel = "FORMAT",
        description = "Format of the cleaned data: parquet, json or csv (default: --output-format).")
    String dataFormat;

    @Override
    public Integer call() throws java.io.IOException {
      Map<String, Object> options = new LinkedHashMap<>();
      if (spec != null) {
        options.putAll(TransformSpec.readMap(Files.readString(spec), spec.getFileName().toString()));
      }
      options.putAll(set);
      if (missing != null) {
        options.put("missing", missing);
      }
      if (outliers != null) {
        options.put("outliers", outliers);
      }
      if (outlierAction != null) {
        options.put("outlier_action", outlierAction);
      }
      TransformSpec transformSpec = TransformSpec.of(options);
      SparkSession spark = in.session("dsap clean");
      SparkInput input = in.read(spark);
      SparkClean.Result r = SparkClean.run(input, in.columns(input), transformSpec);
      String format = dataFormat == null ? in.outputFormat : dataFormat;
      in.save(r.data(), format, "data");
      TransformationReport report = r.report();
      in.write(SparkClean.stepsFrame(spark, report), "summary");
      in.write(SparkClean.rowsFrame(spark, report), "rows");
      long changed = report.steps().stream().mapToLong(TransformationReport.Entry::valuesChanged).sum();
      System.err.println(report.rowsIn() + " rows read, " + report.rowsOut() + " written; " + changed
          + " values changed in " + report.steps().size() + " steps" + (report.rowsRejected() > 0 ? "; "
          + report.rowsRejected() + " rows rejected by the reader" : ""));
      return OK;
    }
  }

  @Command(name = "profile", mixinStandardHelpOptions = true,
      description = "Per column: counts, distinct (exact up to 65,536, then HLL), extremes, moments, quantiles (KLL).")
  static final class Profile implements Callable<Integer> {
    @CommandLine.Mixin Input in = new Input();

    @Override
    public Integer call() {
      SparkSession spark = in.session("dsap profile");
      SparkInput input = in.read(spark);
      List<SparkProfile.ColumnResult> cols = SparkProfile.run(input, in.schema(input));
      in.write(SparkProfile.toFrame(spark, cols), "profile");
      return OK;
    }
  }

}
