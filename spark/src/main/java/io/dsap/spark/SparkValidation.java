package io.dsap.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.dsap.engine.schema.ColumnSchema;
import io.dsap.engine.schema.DeclaredType;
import io.dsap.engine.schema.SchemaDocument;
import io.dsap.engine.schema.Severity;
import io.dsap.engine.schema.TableRule;
import io.dsap.engine.types.ColumnType;
import io.dsap.engine.validate.CheckResult;
import io.dsap.engine.validate.Issue;
import io.dsap.engine.validate.checks.ColumnsCheck;
import io.dsap.engine.validate.checks.RowCountCheck;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;

/**
 * Validates Spark data against an engine schema document: the same checks, names, severities
 * and tolerances as the local validator, expressed as Spark columns so they run distributed. All
 * row checks become flags of one projection; issues are those flags exploded, and the summary is
 * one aggregate over the same flags.
 */
public final class SparkValidation {
  /** Issue columns, as the local {@code validate()} returns them, after the source file. */
  public static final List<String> ISSUE_COLUMNS = List.of("file", "line", "row_number", "column_name", "check_name",
      "severity", "value", "expected", "message", "suggestion");

  private final SparkInput input;
  private final SchemaDocument doc;
  private final List<TableRule> rules;
  private final List<CheckDef> checks = new ArrayList<>();
  private final Map<String, String> actualNames = new LinkedHashMap<>();
  private Dataset<Row> flagged;
  private Column parseColumn; // the failing column of a parse issue
  private final List<Issue> fileIssues = new ArrayList<>();
  private final List<CheckResult> fileResults = new ArrayList<>();

  /** One check: when it applies to a row, when the row fails it, and what the issue says. */
  private record CheckDef(String name, String column, Severity severity, double mostly, Column checked, Column failed,
      Column issueColumn, Column value, String expected, Column message, String suggestion) {
    CheckDef(String name, String column, Severity severity, double mostly, Column checked, Column failed, Column value,
        String expected, Column message, String suggestion) {
      this(name, column, severity, mostly, checked, failed, lit(column).cast("string"), value, expected, message,
          suggestion);
    }
  }

  private final java.time.Clock clock;

  private SparkValidation(SparkInput input, SchemaDocument doc, List<TableRule> extraRules, java.time.Clock clock) {
    this.input = input;
    this.doc = doc;
    this.clock = clock;
    List<TableRule> all = new ArrayList<>(doc.rules());
    all.addAll(extraRules);
    this.rules = all;
    for (String c : input.columns()) {
      actualNames.put(c.toLowerCase(Locale.ROOT), c);
    }
    refuseUnsupported();
  }

  /** Validates {@code input} against {@code doc} plus {@code extraRules} (inline rules). */
  public static SparkValidation run(SparkInput input, SchemaDocument doc, List<TableRule> extraRules) {
    return run(input, doc, extraRules, java.time.Clock.systemUTC());
  }

  /** As {@link #run(SparkInput, SchemaDocument, List)}, with {@code clock} telling {@code freshness} the time. */
  public static SparkValidation run(SparkInput input, SchemaDocument doc, List<TableRule> extraRules,
      java.time.Clock clock) {
    SparkValidation v = new SparkValidation(input, doc, extraRules, clock);
    v.build();
    return v;
  }

  private void refuseUnsupported() {
    List<String> missing = new ArrayList<>();
    if (!doc.checks().isEmpty()) {
      missing.add("checks (custom ValidationRule plug-ins)");
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("the Spark validator does not run these schema keys yet: "
          + String.join(", ", missing) + ". Validate this file with the local engine (dsap validate), or remove"
          + " them from the schema for the Spark run; docs/spark.md lists what runs where.");
    }
  }

  private String actual(String name) {
    return actualNames.get(name.toLowerCase(Locale.ROOT));
  }

  private static Column raw(String name) {
    return TypedRecords.raw(name);
  }

  private static String typedName(int i) {
    return TypedRecords.typedName(i);
  }

  private void build() {
    // file-level checks are the engine's own: they need no data, only the column names
    ColumnsCheck structure = new ColumnsCheck(doc.columns(), input.columns(), doc.unexpectedColumnsOrDefault(),
        doc.columnOrderOrDefault());
    structure.begin(fileIssues::add);
    fileResults.addAll(structure.results());
    TypedRecords records = TypedRecords.of(input, doc);
    List<String> cols = records.columns;
    Map<String, TypedValue> types = records.types;
    Dataset<Row> typed = records.data;
    Column ok = col("_dsap_ok");
    parseCheck(cols, types);
    // 3. column checks, in the local CheckFactory's order
    for (ColumnSchema c : doc.columns()) {
      String a = actual(c.name());
      if (a != null) {
        typed = columnChecks(typed, c, a, cols.indexOf(a), types.get(a), ok);
      }
    }
    // foreign keys: a left join with the referenced column's distinct values, read by Spark
    for (io.dsap.engine.schema.ForeignKey fk : doc.foreignKeys()) {
      typed = foreignKey(typed, records, fk, ok);
    }
    // 4. table rules over the typed values, translated by Calcite
    if (!rules.isEmpty()) {
      List<Column> named = new ArrayList<>();
      named.add(col("*"));
      for (int i = 0; i < cols.size(); i++) {
        named.add(col(typedName(i)).as("_dsap_v_" + cols.get(i)));
      }
      typed = typed.select(named.toArray(Column[]::new));
      for (TableRule r : rules) {
        String sql = RuleTranslator.toSpark(r, cols);
        String flag = "_dsap_rule" + checks.size();
        typed = typed.withColumn(flag, expr(rewriteColumns(sql, cols)));
        String ref = actualRef(r, cols);
        // as locally: the summary has no column for a rule, its issues name the first column it reads
        checks.add(new CheckDef("rule:" + r.displayName(), null, r.severityOrDefault(), r.mostlyOrDefault(), ok,
            ok.and(coalesce(not(col(flag)), lit(false))), lit(ref).cast("string"),
            ref == null ? lit(null).cast(DataTypes.StringType) : raw(ref), r.check(),
            concat(lit(r.check() + " is false on row "), col(SparkInput.ROW).cast(DataTypes.StringType)),
            "Correct the row, or relax the rule."));
      }
    }
    // 5. duplicate rows (typed values), after the earlier ones in file order
    Severity dup = doc.duplicateRowsOrDefault().severity();
    if (dup != null) {
      Column[] all = new Column[cols.size() + 1];
      for (int i = 0; i < cols.size(); i++) {
        all[i] = col(typedName(i));
      }
      all[cols.size()] = ok; // rejected records are not rows to repeat
      typed = typed.withColumn("_dsap_dup", when(ok, row_number().over(Window.partitionBy(all)
          .orderBy(col(SparkInput.FILE), col(SparkInput.ROW)))));
      checks.add(new CheckDef("duplicate_row", null, dup, 1.0, ok, ok.and(col("_dsap_dup").gt(1)),
          lit(null).cast(DataTypes.StringType), "a row unlike the earlier ones",
          concat(lit("row "), col(SparkInput.ROW).cast(DataTypes.StringType), lit(" repeats an earlier row exactly")),
          "Remove the repeated row, or set duplicate_rows: ignore if repeats are expected."));
    }
    freshness(records, ok);
    this.flagged = typed;
  }

  /** The engine's freshness rule on the newest value Spark finds (one aggregate; a file-level finding). */
  private void freshness(TypedRecords records, Column ok) {
    io.dsap.engine.schema.Freshness f = doc.freshness();
    if (f == null) {
      return;
    }
    String a = actual(f.column());
    TypedValue t = a == null ? null : records.types.get(a);
    if (t == null || (t.sparkType() != DataTypes.DateType && t.sparkType() != DataTypes.TimestampType)) {
      throw new IllegalArgumentException("freshness.column '" + f.column() + "' must be a DATE or TIMESTAMP column"
          + " of the file");
    }
    boolean date = t.sparkType() == DataTypes.DateType;
    Column v = col(typedName(records.columns.indexOf(a)));
    Row r = records.data.where(ok).agg(org.apache.spark.sql.functions.max(v)).first();
    Severity sev = f.severity() == null ? Severity.ERROR : f.severity();
    String want = "a value newer than " + f.maxAge();
    Issue issue = null;
    if (r.isNullAt(0)) {
      issue = new Issue(null, null, a, "freshness", sev, null, want, a + " has no value, so the file's freshness is"
          + " unknown", "Check that the file is not empty and that " + a + " is filled.");
    } else {
      // a date lasts all day
      long newest = date ? (r.<java.sql.Date>getAs(0).toLocalDate().toEpochDay() + 1) * 86_400_000L
          : r.<java.sql.Timestamp>getAs(0).getTime();
      if (clock.millis() - newest > f.duration().toMillis()) {
        String shown = date ? r.<java.sql.Date>getAs(0).toLocalDate().toString()
            : io.dsap.engine.validate.Values.display(ColumnType.TIMESTAMP, r.<java.sql.Timestamp>getAs(0).getTime());
        issue = new Issue(null, null, a, "freshness", sev, shown, want, "the newest " + a + " is " + shown
            + ", older than " + f.maxAge(), "Check that the latest data was loaded, or raise max_age.");
      }
    }
    if (issue != null) {
      fileIssues.add(issue);
    }
    fileResults.add(new CheckResult("freshness", a, sev, 1.0, 1, issue == null ? 0 : 1, null));
  }

  private void parseCheck(List<String> cols, Map<String, TypedValue> types) {
    Column badName = lit(null).cast(DataTypes.StringType);
    Column badValue = lit(null).cast(DataTypes.StringType);
    Column badType = lit(null).cast(DataTypes.StringType);
    for (int i = cols.size() - 1; i >= 0; i--) {
      TypedValue t = types.get(cols.get(i));
      if (t != null) {
        Column at = col("_dsap_bad").equalTo(i);
        badName = when(at, lit(cols.get(i))).otherwise(badName);
        badValue = when(at, raw(cols.get(i))).otherwise(badValue);
        badType = when(at, lit(t.sparkType().simpleString().toUpperCase(Locale.ROOT))).otherwise(badType);
      }
    }
    Column corrupt = col(SparkInput.CORRUPT).isNotNull();
    checks.add(new CheckDef("parse", null, Severity.ERROR, 1.0, lit(true), not(col("_dsap_ok")),
        when(corrupt, col(SparkInput.CORRUPT)).otherwise(badValue),
        null,
        when(corrupt, lit("the record does not have " + cols.size() + " fields"))
            .otherwise(concat(badName, lit(" '"), badValue, lit("' is not a valid "), badType)),
        "Correct the value, or declare the column as VARCHAR in the schema to keep such rows."));
    // the issue's column is the failing column
    parseColumn = when(corrupt, lit(null).cast(DataTypes.StringType)).otherwise(badName);
  }

  private Dataset<Row> columnChecks(Dataset<Row> d, ColumnSchema c, String name, int i, TypedValue type, Column ok) {
    Severity sev = c.severityOrDefault();
    double mostly = c.mostlyOrDefault();
    Column text = raw(name);
    Column value = col(typedName(i));
    Column present = ok.and(value.isNotNull());
    if (Boolean.FALSE.equals(c.nullable())) {
      checks.add(new CheckDef("not_null", name, sev, mostly, ok, ok.and(value.isNull()), lit(null).cast("string"),
          "a value", lit(name + " is empty; the schema says nullable: false"),
          "Fill in " + name + ", or allow empty values (nullable: true)."));
    }
    if (Boolean.TRUE.equals(c.unique())) {
      String flag = "_dsap_u" + i;
      // rejected records are not read, so they must not count as a first occurrence either
      d = d.withColumn(flag, when(present, row_number().over(Window.partitionBy(value, present)
          .orderBy(col(SparkInput.FILE), col(SparkInput.ROW)))));
      checks.add(new CheckDef("unique", name, sev, mostly, present, present.and(col(flag).gt(1)), text,
          "a value not seen before", concat(lit(name + " "), text, lit(" appears again")),
          "Remove or correct the repeated row, or drop unique: true for " + name + " if repeats are allowed."));
    }
    if (c.min() != null || c.max() != null) {
      Column checkable = type != null && type.sparkType() == DataTypes.DoubleType
          ? present.and(not(value.isNaN())) : present;
      Column below = c.min() == null ? lit(false) : value.lt(bound(c.min(), type));
      Column above = c.max() == null ? lit(false) : value.gt(bound(c.max(), type));
      String expected = c.min() != null && c.max() != null ? "between " + c.min() + " and " + c.max()
          : c.min() != null ? ">= " + c.min() : "<= " + c.max();
      checks.add(new CheckDef("range", name, sev, mostly, checkable, checkable.and(below.or(above)), text, expected,
          concat(lit(name + " "), text, lit(" is outside " + expected)),
          "Correct the value, or widen the range (min:/max: in the schema) if it is legitimate."));
    }
    if (c.allowedValues() != null) {
      Column in;
      if (type != null && type.sparkType() != DataTypes.StringType && isNumeric(type)) {
        in = value.cast("decimal(38,18)").isin(c.allowedValues().stream()
            .map(v -> new BigDecimal(v.trim()).setScale(18)).toArray());
      } else {
        in = text.isin(c.allowedValues().toArray());
      }
      String list = String.join(", ", c.allowedValues());
      checks.add(new CheckDef("allowed_values", name, sev, mostly, present, present.and(not(in)), text,
          "one of: " + list, concat(lit(name + " '"), text, lit("' is not an allowed value")),
          "Correct the value, or add it to allowed_values."));
    }
    if (c.semantic() != null) {
      var st = c.semanticType();
      checks.add(new CheckDef("semantic", name, sev, mostly, present,
          present.and(not(text.rlike(wholeMatch(st.pattern().pattern())))), text, st.description(),
          concat(lit(name + " '"), text, lit("' is not " + st.description())),
          "Correct the value, or remove semantic: " + st.text() + " from the schema."));
    }
    if (c.pattern() != null) {
      checks.add(new CheckDef("pattern", name, sev, mostly, present,
          present.and(not(text.rlike(wholeMatch(c.pattern())))), text, "matches " + c.pattern(),
          concat(lit(name + " '"), text, lit("' does not match the pattern")),
          "Correct the value, or relax pattern: in the schema."));
    }
    if (c.minLength() != null || c.maxLength() != null) {
      Column n = length(text);
      Column bad = lit(false);
      if (c.minLength() != null) {
        bad = bad.or(n.lt(c.minLength()));
      }
      if (c.maxLength() != null) {
        bad = bad.or(n.gt(c.maxLength()));
      }
      String expected = c.minLength() != null && c.maxLength() != null ? c.minLength() + " to " + c.maxLength()
          + " characters" : c.minLength() != null ? "at least " + c.minLength() + " characters"
          : "at most " + c.maxLength() + " characters";
      checks.add(new CheckDef("length", name, sev, mostly, present, present.and(bad), text, expected,
          concat(lit(name + " has "), n.cast("string"), lit(" characters, expected " + expected)),
          "Correct the value, or change min_length/max_length in the schema."));
    }
    if (c.format() != null && type == null) {
      // a text column with a layout: every value must be a date (or timestamp) in it, parsed strictly
      DateLayout layout = new DateLayout(c.format());
      Column bad = org.apache.spark.sql.functions.udf(
          (org.apache.spark.sql.api.java.UDF1<String, Boolean>) layout::invalid, DataTypes.BooleanType)
          .withName("dsap_date_format").apply(text);
      checks.add(new CheckDef("date_format", name, sev, mostly, present, present.and(bad), text,
          "a date in " + c.format(), concat(lit(name + " '"), text, lit("' is not a date in " + c.format())),
          "Write the date as " + c.format() + ", or change format: in the schema."));
    }
    if (c.outliers() != null) {
      if (type == null || !isNumeric(type)) {
        throw new IllegalArgumentException("column " + name + ": outliers need a numeric column, but it is read as "
            + (type == null ? "VARCHAR" : type.sparkType().simpleString().toUpperCase(Locale.ROOT)));
      }
      Severity osev = c.severity() == null ? Severity.WARNING : sev;
      Column x = value.cast("double");
      Column checkable = present;
      double[] b = outlierBounds(d.where(ok.and(value.isNotNull()).and(not(x.isNaN()))), x, c);
      String expected = outlierExpected;
      Column out = x.lt(b[0]).or(x.gt(b[1])).and(not(x.isNaN()));
      checks.add(new CheckDef("outlier", name, osev, mostly, checkable, checkable.and(out), text, expected,
          concat(lit(name + " "), text, lit(" is an outlier (" + c.outliers().method() + "): expected " + expected)),
          "Check the value (a typo, a unit mix-up?); if such values are normal, raise outliers.threshold."));
    }
    return d;
  }

  private String outlierExpected;

  /**
   * {@code references} is a data file: absolute or with a scheme (hdfs://, s3a://) as given, else
   * relative to the first input's folder (locally: the data root). Values match as the local
   * check matches them: as whole numbers or dates when both columns are of such a type, else as text.
   */
  private Dataset<Row> foreignKey(Dataset<Row> d, TypedRecords records, io.dsap.engine.schema.ForeignKey fk,
      Column ok) {
    String a = actual(fk.column());
    if (a == null) {
      throw new IllegalArgumentException("foreign key names column '" + fk.column() + "', which the file does not"
          + " have (it has: " + String.join(", ", input.columns()) + ")");
    }
    String ref = fk.references().trim();
    if (ref.contains("@") || !ref.contains(".")) {
      throw new IllegalArgumentException("foreign key " + a + " -> " + ref + " names a registered schema, which the"
          + " Spark job has no registry to look up; reference the data file instead (references: customers.csv)");
    }
    String target = ref + "." + fk.refColumnOrDefault();
    int i = records.columns.indexOf(a);
    TypedValue from = records.types.get(a);
    Column value = col(typedName(i));
    String flag = "_dsap_fk" + checks.size();
    Dataset<Row> keys;
    boolean longKeys;
    try {
      SparkInput refInput = SparkInput.read(d.sparkSession(), formatOf(ref), Map.of(), referencePath(ref));
      String rc = refInput.columns().stream().filter(c -> c.equalsIgnoreCase(fk.refColumnOrDefault())).findFirst()
          .orElseThrow(() -> new IllegalArgumentException(ref + " has no column " + fk.refColumnOrDefault()
              + " (it has: " + String.join(", ", refInput.columns()) + ")"));
      TypedRecords refRecords = TypedRecords.of(refInput, SampleDetection.detect(refInput));
      TypedValue to = refRecords.types.get(rc);
      longKeys = from != null && to != null && (whole(from) && whole(to)
          || from.type() == to.type() && (from.sparkType() == DataTypes.DateType
          || from.sparkType() == DataTypes.TimestampType));
      Column refValue = longKeys ? col(typedName(refRecords.columns.indexOf(rc))) : raw(rc);
      keys = refRecords.data.where(col(TypedRecords.OK)).select(refValue.as("_dsap_key")).where(col("_dsap_key")
          .isNotNull()).distinct().withColumn(flag, lit(true));
    } catch (RuntimeException e) {
      Severity sev = fk.severityOrDefault();
      fileIssues.add(new Issue(null, null, a, "foreign_key", sev, null, "a readable reference " + target,
          "the foreign key " + a + " -> " + target + " cannot be checked: " + e.getMessage(),
          "Fix references: / ref_column: in the schema."));
      fileResults.add(new CheckResult("foreign_key", a, sev, fk.mostlyOrDefault(), 0, 1, null));
      return d;
    }
    Column probe = longKeys ? value : raw(a);
    Dataset<Row> joined = d.join(keys, probe.equalTo(col("_dsap_key")), "left").drop("_dsap_key");
    Column present = ok.and(value.isNotNull());
    Column text = raw(a);
    checks.add(new CheckDef("foreign_key", a, fk.severityOrDefault(), fk.mostlyOrDefault(), present,
        present.and(col(flag).isNull()), text, "a value of " + target,
        concat(lit(a + " "), text, lit(" has no match in " + target)),
        "Add the value to " + ref + ", or correct it."));
    return joined;
  }

  private static boolean whole(TypedValue t) {
    return t.type() == ColumnType.INTEGER || t.type() == ColumnType.BIGINT;
  }

  private String referencePath(String ref) {
    if (ref.matches("^[A-Za-z][A-Za-z0-9+.-]*://.*") || ref.startsWith("/")) {
      return ref;
    }
    String first = input.paths().get(0);
    int slash = first.lastIndexOf('/');
    return slash < 0 ? ref : first.substring(0, slash + 1) + ref;
  }

  private static String formatOf(String path) {
    String p = path.toLowerCase(Locale.ROOT);
    if (p.endsWith(".tsv") || p.endsWith(".tab")) {
      return "tsv";
    }
    if (p.endsWith(".json") || p.endsWith(".ndjson") || p.endsWith(".jsonl")) {
      return "json";
    }
    return p.endsWith(".parquet") ? "parquet" : "csv";
  }

  /**
   * The local OutlierCheck's bounds: zscore from the exact mean and sample standard deviation,
   * iqr from the quartiles of a KLL sketch (k = 200) merged over the partitions, as local exact
   * up to about 200 values and within the sketch's rank error beyond.
   */
  private double[] outlierBounds(Dataset<Row> values, Column x, ColumnSchema c) {
    double k = c.outliers().thresholdOrDefault();
    if (!c.outliers().iqr()) {
      Row r = values.agg(org.apache.spark.sql.functions.count(x), org.apache.spark.sql.functions.avg(x),
          org.apache.spark.sql.functions.stddev_samp(x)).first();
      long n = r.getLong(0);
      if (n == 0) {
        outlierExpected = "no values";
        return new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
      }
      double mean = r.getDouble(1);
      double sd = n > 1 ? r.getDouble(2) : 0;
      outlierExpected = "between " + fmt(mean - k * sd) + " and " + fmt(mean + k * sd) + " (mean " + fmt(mean)
          + " +/- " + k + " sd " + fmt(sd) + ")";
      return new double[] {mean - k * sd, mean + k * sd};
    }
    org.apache.datasketches.kll.KllDoublesSketch all = org.apache.datasketches.kll.KllDoublesSketch.newHeapInstance(200);
    for (byte[] part : values.select(x).mapPartitions((org.apache.spark.api.java.function.MapPartitionsFunction<Row,
        byte[]>) rows -> {
          org.apache.datasketches.kll.KllDoublesSketch s = org.apache.datasketches.kll.KllDoublesSketch
              .newHeapInstance(200);
          rows.forEachRemaining(r -> s.update(r.getDouble(0)));
          return List.of(s.toByteArray()).iterator();
        }, org.apache.spark.sql.Encoders.BINARY()).collectAsList()) {
      all.merge(org.apache.datasketches.kll.KllDoublesSketch.heapify(org.apache.datasketches.memory.Memory.wrap(part)));
    }
    if (all.isEmpty()) {
      outlierExpected = "no values";
      return new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
    }
    var inclusive = org.apache.datasketches.quantilescommon.QuantileSearchCriteria.INCLUSIVE;
    double q1 = all.getQuantile(0.25, inclusive);
    double q3 = all.getQuantile(0.75, inclusive);
    double lo = q1 - k * (q3 - q1);
    double hi = q3 + k * (q3 - q1);
    outlierExpected = "between " + fmt(lo) + " and " + fmt(hi) + " (Q1 " + fmt(q1) + ", Q3 " + fmt(q3) + ", " + k
        + " x IQR)";
    return new double[] {lo, hi};
  }

  private static String fmt(double d) {
    return BigDecimal.valueOf(d).setScale(4, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }

  /** The local date_format check's strict parse of a text value (a serialisable UDF body). */
  private static final class DateLayout implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final String format;
    private transient java.time.format.DateTimeFormatter formatter;

    DateLayout(String format) {
      this.format = format;
      java.time.format.DateTimeFormatter.ofPattern(format); // a bad layout fails here, on the driver
    }

    Boolean invalid(String text) {
      if (text == null) {
        return null;
      }
      if (formatter == null) {
        // 'u' is the proleptic year: with 'y' (year of era) STRICT resolution rejects every date
        formatter = java.time.format.DateTimeFormatter.ofPattern(format.replace('y', 'u'))
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);
      }
      boolean hasTime = format.contains("H") || format.contains("h") || format.contains("m");
      try {
        if (hasTime) {
          java.time.LocalDateTime.parse(text.trim(), formatter);
        } else {
          java.time.LocalDate.parse(text.trim(), formatter);
        }
        return false;
      } catch (java.time.format.DateTimeParseException e) {
        return true;
      }
    }
  }

  private static boolean isNumeric(TypedValue t) {
    return t.sparkType() == DataTypes.LongType || t.sparkType() == DataTypes.DoubleType
        || t.sparkType() instanceof org.apache.spark.sql.types.DecimalType;
  }

  private static Column bound(String text, TypedValue type) {
    if (type == null) {
      return lit(text);
    }
    Object v = type.parse(text.trim());
    if (v == null && type.sparkType() == DataTypes.DateType) {
      v = java.sql.Date.valueOf(java.time.LocalDate.parse(text.trim()));
    }
    if (v == null) {
      v = new BigDecimal(text.trim());
    }
    return lit(v);
  }

  /** Java's {@code matches()} (the whole value) with Spark's find-based RLIKE. */
  private static String wholeMatch(String regex) {
    return "\\A(?:" + regex + ")\\z";
  }

  private static String rewriteColumns(String sparkSql, List<String> cols) {
    // Calcite quotes identifiers with back-ticks in the Spark dialect; point them at the typed values
    String out = sparkSql;
    for (String c : cols) {
      out = out.replaceAll("(?i)`" + java.util.regex.Pattern.quote(c) + "`",
          java.util.regex.Matcher.quoteReplacement("`_dsap_v_" + c + "`"));
    }
    return out;
  }

  private static String actualRef(TableRule r, List<String> cols) {
    String first = null;
    int at = Integer.MAX_VALUE;
    String lower = r.check().toLowerCase(Locale.ROOT);
    for (String c : cols) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern
          .quote(c.toLowerCase(Locale.ROOT)) + "\\b").matcher(lower);
      if (m.find() && m.start() < at) {
        at = m.start();
        first = c;
      }
    }
    return first;
  }

  /**
   * One row per failing (row, check): {@link #ISSUE_COLUMNS}. Streamed by Spark; write it with
   * {@code issues().write()}.
   */
  public Dataset<Row> issues() {
    List<Column> items = new ArrayList<>();
    for (CheckDef c : checks) {
      Column column = c.name().equals("parse") ? parseColumn : c.issueColumn();
      items.add(when(c.failed(), struct(column.as("column_name"), lit(c.name()).as("check_name"),
          lit(c.severity().text()).as("severity"), c.value().cast("string").as("value"),
          lit(c.expected()).cast("string").as("expected"), c.message().as("message"),
          lit(c.suggestion()).as("suggestion"))));
    }
    Column array = org.apache.spark.sql.functions.array(items.toArray(Column[]::new));
    Dataset<Row> rows = flagged
        .select(col(SparkInput.FILE).as("file"), col(SparkInput.ROW).as("row_number"), explode(array).as("i"))
        .where(col("i").isNotNull())
        .select(col("file"), lit(null).cast("long").as("line"), col("row_number"), col("i.column_name"),
            col("i.check_name"), col("i.severity"), col("i.value"), col("i.expected"), col("i.message"),
            col("i.suggestion"));
    List<Issue> fileLevel = new ArrayList<>(fileIssues);
    if (doc.rowCount() != null) {
      rowCountCheck().finish(fileLevel::add);
    }
    if (fileLevel.isEmpty()) {
      return rows;
    }
    List<Row> file = new ArrayList<>();
    for (Issue i : fileLevel) {
      file.add(org.apache.spark.sql.RowFactory.create(null, null, null, i.column(), i.check(), i.severity().text(),
          i.value(), i.expected(), i.message(), i.suggestion()));
    }
    // a file-level finding has no file or row: every field may be null here
    List<org.apache.spark.sql.types.StructField> nullable = new ArrayList<>();
    for (org.apache.spark.sql.types.StructField f : rows.schema().fields()) {
      nullable.add(DataTypes.createStructField(f.name(), f.dataType(), true));
    }
    return rows.sparkSession().createDataFrame(file, DataTypes.createStructType(nullable)).unionAll(rows);
  }

  private RowCountCheck rowCountCheck() {
    return new RowCountCheck(doc.rowCount(), () -> input.data().count());
  }

  /** Per check: checked and failed rows, and the status their severity and tolerance give. */
  public List<CheckResult> summary() {
    List<Column> aggs = new ArrayList<>();
    for (CheckDef c : checks) {
      aggs.add(sum(when(c.checked(), 1L).otherwise(0L)));
      aggs.add(sum(when(c.failed(), 1L).otherwise(0L)));
    }
    List<CheckResult> out = new ArrayList<>(fileResults);
    if (aggs.isEmpty()) {
      return out;
    }
    Row r = flagged.agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new)).first();
    for (int i = 0; i < checks.size(); i++) {
      CheckDef c = checks.get(i);
      long checked = r.isNullAt(2 * i) ? 0 : r.getLong(2 * i);
      long failed = r.isNullAt(2 * i + 1) ? 0 : r.getLong(2 * i + 1);
      out.add(new CheckResult(c.name(), c.column(), c.severity(), c.mostly(), checked, failed, null));
    }
    if (doc.rowCount() != null) {
      RowCountCheck rc = rowCountCheck();
      rc.finish(issue -> { });
      out.addAll(rc.results());
    }
    return out;
  }

  /** The summary as a data frame: check_name, column_name, severity, checked, failed, failed_pct, status. */
  public static Dataset<Row> summaryFrame(org.apache.spark.sql.SparkSession spark, List<CheckResult> summary) {
    List<Row> rows = new ArrayList<>();
    for (CheckResult c : summary) {
      rows.add(org.apache.spark.sql.RowFactory.create(c.check(), c.column(), c.severity().text(), c.checked(),
          c.failed(), c.failedPct(), c.status().text()));
    }
    return spark.createDataFrame(rows, DataTypes.createStructType(List.of(
        DataTypes.createStructField("check_name", DataTypes.StringType, false),
        DataTypes.createStructField("column_name", DataTypes.StringType, true),
        DataTypes.createStructField("severity", DataTypes.StringType, false),
        DataTypes.createStructField("checked", DataTypes.LongType, false),
        DataTypes.createStructField("failed", DataTypes.LongType, false),
        DataTypes.createStructField("failed_pct", DataTypes.createDecimalType(5, 2), false),
        DataTypes.createStructField("status", DataTypes.StringType, false))));
  }
}
