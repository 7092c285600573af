package io.dsap.engine.transform;

import io.dsap.engine.detect.DataSchema;
import io.dsap.engine.detect.SchemaDetector;
import io.dsap.engine.error.Errors;
import io.dsap.engine.format.FormatOptions;
import io.dsap.engine.format.FormatReader;
import io.dsap.engine.format.FormatRegistry;
import io.dsap.engine.format.TableSource;
import io.dsap.engine.quality.QualityScore;
import io.dsap.engine.quality.QualityWeights;
import io.dsap.engine.registry.SchemaRegistry;
import io.dsap.engine.rejects.RejectSink;
import io.dsap.engine.schema.SchemaDocument;
import io.dsap.engine.schema.Severity;
import io.dsap.engine.source.DataRoot;
import io.dsap.engine.source.TempFolders;
import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.validate.DataFiles;
import io.dsap.engine.validate.DataValidator;
import io.dsap.engine.validate.SchemaResolver;
import io.dsap.engine.validate.ValidationResult;
import io.dsap.engine.write.AtomicFileWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cleaning from Java without SQL. Paths are relative to the data root, as in SQL.
 *
 * <pre>{@code
 * DataTransformer t = DataTransformer.of(Path.of("data"));
 * TransformSpec spec = TransformSpec.fromYaml("missing: median\noutliers: iqr\noutlier_action: cap");
 * try (TransformResult r = t.transform("orders.csv", spec)) {
 *   r.forEachRemaining(row -> ...);          // streamed
 *   r.report().steps().forEach(System.out::println);
 * }
 * }</pre>
 *
 * <p>Every transformation is two passes over the source: statistics (one pass, after a
 * sample decides type repairs), then the apply pass that streams rows through the steps.
 */
public final class DataTransformer {
  private final DataFiles files;
  private final SchemaRegistry registry;
  private final Transformations plugins;

  private DataTransformer(DataFiles files, SchemaRegistry registry, Transformations plugins) {
    this.files = files;
    this.registry = registry;
    this.plugins = plugins;
  }

  /** A transformer for files under {@code root}, with the registry in {@code <root>/.dsap/registry}. */
  public static DataTransformer of(Path root) {
    DataRoot r = DataRoot.of(root);
    return new DataTransformer(DataFiles.of(r, FormatRegistry.defaults()), SchemaRegistry.forRoot(r.path()),
        Transformations.installed());
  }

  /** A transformer over given files and registry (SQL functions use the connection's). */
  public static DataTransformer of(DataFiles files, SchemaRegistry registry, Transformations plugins) {
    return new DataTransformer(files, registry, plugins);
  }

  /** Cleans any table source (plugins from the class path). */
  public static TransformResult transform(TableSource source, TransformSpec spec) {
    return new TransformResult(TransformPlan.plan(source, spec, Transformations.installed()));
  }

  /** Plans {@code spec} for a file: the stats pass runs now; the plan can be applied many times. */
  public TransformPlan plan(String path, TransformSpec spec) {
    return TransformPlan.plan(files.open(path, FormatOptions.NONE), spec, plugins);
  }

  public TransformResult transform(String path, TransformSpec spec) {
    return new TransformResult(plan(path, spec));
  }

  /** Applies a plan made by {@link #plan}. */
  public static TransformResult apply(TransformPlan plan) {
    return new TransformResult(plan);
  }

  /** Only missing values: {@code strategy} as in {@code missing =>} (e.g. {@code median}, {@code amount:mean}). */
  public TransformResult handleMissingValues(String path, String strategy) {
    return transform(path, TransformSpec.of(Map.of("missing", strategy)));
  }

  /** Only outliers: {@code method} as in {@code outliers =>}, {@code action} cap, remove, null or flag. */
  public TransformResult detectAndHandleOutliers(String path, String method, String action) {
    return transform(path, TransformSpec.of(Map.of("outliers", method, "outlier_action", action)));
  }

  /** Only scaling: {@code method} standard, minmax or robust (or per column, as in {@code scale =>}). */
  public TransformResult normalize(String path, String method) {
    return transform(path, TransformSpec.of(Map.of("scale", method)));
  }

  /**
   * The spec from a spec file (YAML, relative to the data root; null: none) with {@code options}
   * (named arguments, null values ignored) taking precedence over its keys.
   */
  public TransformSpec spec(String specFile, Map<String, ?> options) {
    Map<String, Object> merged = new LinkedHashMap<>();
    if (specFile != null && !specFile.isBlank()) {
      Path f = files.resolve(specFile.trim());
      try {
        merged.putAll(TransformSpec.readMap(Files.readString(f), files.displayName(specFile.trim())));
      } catch (IOException e) {
        throw Errors.io(f, e);
      }
    }
    options.forEach((k, v) -> {
      if (v != null) {
        merged.put(k, v);
      }
    });
    return TransformSpec.of(merged);
  }

  /**
   * The full report: the steps, the table's quality score before and after (engine scoring over
   * the source's rows and over the result's, both read as CSV so they are scored alike), and with a
   * {@code schema} (file, text or registered name) the validation issues before and after.
   */
  public TransformationReport report(String path, TransformSpec spec, String schema) {
    return report(plan(path, spec), path, schema);
  }

  /** {@link #report(String, TransformSpec, String)} for a plan already made for {@code path}. */
  public TransformationReport report(TransformPlan plan, String path, String schema) {
    Path tmp = null;
    try {
      tmp = Files.createTempDirectory("dsap-transform");
      TableSource source = files.open(path, FormatOptions.NONE);
      Path before = tmp.resolve("before.csv");
      try (SourceRows rows = new SourceRows(source, source.columns().size(), RejectSink.DISCARD, -1)) {
        write(rows, source.columns(), before);
      }
      Path after = tmp.resolve("after.csv");
      TransformationReport steps;
      try (TransformResult r = apply(plan)) {
        write(r, r.columns(), after);
        steps = r.report();
      }
      TransformationReport.Quality quality = new TransformationReport.Quality(score(before), score(after));
      TransformationReport.Validation validation = null;
      if (schema != null && !schema.isBlank()) {
        SchemaDocument doc = new SchemaResolver(files, registry).resolve(schema.trim());
        long[] was = count(DataValidator.of(files, registry, Clock.systemUTC()).validateWithSchema(path, doc));
        DataFiles temp = DataFiles.of(DataRoot.of(tmp), FormatRegistry.defaults());
        long[] is = count(DataValidator.of(temp, registry, Clock.systemUTC()).validateWithSchema("after.csv", doc));
        validation = new TransformationReport.Validation(schema.trim(), was[0], is[0], was[1], is[1]);
      }
      return steps.with(quality, validation);
    } catch (IOException e) {
      throw Errors.io(tmp == null ? Path.of(System.getProperty("java.io.tmpdir")) : tmp, e);
    } finally {
      TempFolders.deleteQuietly(tmp);
    }
  }

  private static void write(Iterator<Object[]> rows, List<ColumnSpec> columns, Path file) {
    try (AtomicFileWriter w = AtomicFileWriter.open(file, TransformResult.outputColumns(columns))) {
      while (rows.hasNext()) {
        Object[] row = rows.next();
        w.write(TransformResult.toJdbc(row.length == columns.size() ? row
            : java.util.Arrays.copyOf(row, columns.size()), columns));
      }
      w.commit();
    }
  }

  private static QualityScore score(Path csv) {
    FormatReader format = FormatRegistry.defaults().byName("csv");
    DataSchema s = SchemaDetector.detectSchema(format, csv, csv.getFileName().toString(), FormatOptions.NONE,
        SchemaDetector.ALL_ROWS, QualityWeights.EQUAL);
    return SchemaDetector.calculateQualityScore(s, QualityWeights.EQUAL);
  }

  /** {all issues, errors}. */
  private static long[] count(ValidationResult r) {
    try (r) {
      long[] n = new long[2];
      r.issues().forEach(i -> {
        n[0]++;
        if (i.severity() == Severity.ERROR) {
          n[1]++;
        }
      });
      return n;
    }
  }
}
