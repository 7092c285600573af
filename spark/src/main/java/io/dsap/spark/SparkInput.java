package io.dsap.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Reads any input Spark reads (CSV, JSON, Parquet; files, folders, globs, partitioned folders)
 * as text columns, as the local engine sees a file before typing it, plus where each record came
 * from: {@value #FILE} and {@value #ROW}, the 1-based record number within its file, so a failing
 * row can be found again. Malformed text records keep their raw text in {@value #CORRUPT}.
 */
public final class SparkInput {
  /** Column holding the source file of a record. */
  public static final String FILE = "_dsap_file";
  /** Column holding the 1-based record number within the file (header not counted). */
  public static final String ROW = "_dsap_row";
  /** Column holding the raw text of a record Spark could not split into the expected fields. */
  public static final String CORRUPT = "_dsap_corrupt";

  private final Dataset<Row> data;
  private final List<String> columns;
  private final List<String> paths;

  private SparkInput(Dataset<Row> data, List<String> columns, List<String> paths) {
    this.data = data;
    this.columns = columns;
    this.paths = paths;
  }

  /** The paths read, as given. */
  public List<String> paths() {
    return paths;
  }

  /** The records: the data columns as text, then {@link #FILE}, {@link #ROW}, {@link #CORRUPT}. */
  public Dataset<Row> data() {
    return data;
  }

  /** The data columns' names, in file order. */
  public List<String> columns() {
    return columns;
  }

  /**
   * Reads {@code paths} in {@code format} (csv, tsv, json, parquet) with Spark reader
   * {@code options} (for CSV, {@code header} defaults to true and {@code sep} to ',').
   */
  public static SparkInput read(SparkSession spark, String format, Map<String, String> options, String... paths) {
    String f = format.toLowerCase(Locale.ROOT);
    Map<String, String> opts = new LinkedHashMap<>(options);
    Dataset<Row> raw;
    List<String> names = new ArrayList<>();
    switch (f) {
      case "csv", "tsv" -> {
        opts.putIfAbsent("header", "true");
        // RFC 4180, as dsap reads CSV: a quote inside a quoted field is doubled (Spark's default is a backslash)
        opts.putIfAbsent("escape", "\"");
        if (f.equals("tsv")) {
          opts.putIfAbsent("sep", "\t");
        }
        // names from the header only; every column is read as text and typed by the engine's parsers
        StructType header = spark.read().options(opts).option("inferSchema", "false").csv(paths).schema();
        List<StructField> fields = new ArrayList<>();
        for (StructField h : header.fields()) {
          names.add(h.name());
          fields.add(DataTypes.createStructField(h.name(), DataTypes.StringType, true));
        }
        fields.add(DataTypes.createStructField(CORRUPT, DataTypes.StringType, true));
        raw = spark.read().options(opts).option("mode", "PERMISSIVE").option("columnNameOfCorruptRecord", CORRUPT)
            .schema(DataTypes.createStructType(fields)).csv(paths);
      }
      case "json", "ndjson", "parquet" -> {
        Dataset<Row> typed = spark.read().options(opts).format(f.equals("ndjson") ? "json" : f).load(paths);
        List<Column> cols = new ArrayList<>();
        for (StructField field : typed.schema().fields()) {
          if (field.name().equals("_corrupt_record")) {
            continue;
          }
          names.add(field.name());
          cols.add(col("`" + field.name() + "`").cast(DataTypes.StringType).as(field.name()));
        }
        cols.add(lit(null).cast(DataTypes.StringType).as(CORRUPT));
        cols.add(col("_metadata"));
        raw = typed.select(cols.toArray(Column[]::new));
      }
      default -> throw new IllegalArgumentException("format '" + format + "' is not supported on Spark; use csv,"
          + " tsv, json or parquet");
    }
    return new SparkInput(withPositions(raw, names), List.copyOf(names), List.of(paths));
  }

  /**
   * Numbers the records of each file. Spark splits a file into blocks that may land in any
   * partition in any order; within a partition a block's records are read in file order, so
   * a record's number is (records in the file's earlier blocks) + (its place in its block).
   */
  private static Dataset<Row> withPositions(Dataset<Row> raw, List<String> names) {
    Dataset<Row> ided = raw
        .withColumn(FILE, col("_metadata.file_path"))
        .withColumn("_dsap_block", col("_metadata.file_block_start"))
        .withColumn("_dsap_id", monotonically_increasing_id())
        .drop("_metadata")
        .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> blocks = ided.groupBy(FILE, "_dsap_block")
        .agg(org.apache.spark.sql.functions.min("_dsap_id").as("_dsap_first"),
            org.apache.spark.sql.functions.count(lit(1)).as("_dsap_n"))
        .withColumn("_dsap_offset", sum("_dsap_n").over(Window.partitionBy(FILE).orderBy("_dsap_block")
            .rowsBetween(Window.unboundedPreceding(), -1)))
        .na().fill(0L, new String[] {"_dsap_offset"});
    List<Column> out = new ArrayList<>();
    for (String n : names) {
      out.add(col("r.`" + n + "`"));
    }
    out.add(col("r." + FILE).as(FILE));
    out.add(col("b._dsap_offset").plus(col("r._dsap_id")).minus(col("b._dsap_first")).plus(1).as(ROW));
    out.add(col("r." + CORRUPT).as(CORRUPT));
    return ided.as("r")
        .join(org.apache.spark.sql.functions.broadcast(blocks.as("b")),
            col("r." + FILE).equalTo(col("b." + FILE)).and(col("r._dsap_block").equalTo(col("b._dsap_block"))))
        .select(out.toArray(Column[]::new));
  }
}
