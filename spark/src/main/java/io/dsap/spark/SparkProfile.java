package io.dsap.spark;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.kurtosis;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.skewness;
import static org.apache.spark.sql.functions.stddev_samp;
import static org.apache.spark.sql.functions.var_samp;

import io.dsap.engine.schema.SchemaDocument;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;

/**
 * {@code profile} on Spark: per column the local profiler's counts, extremes and moments (one
 * Spark aggregate, exact) and its distinct counts and quantiles (the same DataSketches with the
 * same parameters, built per partition and merged on the driver). Rows the local reader would
 * reject are not profiled, as locally; they are counted in {@code invalid}.
 */
public final class SparkProfile {
  private SparkProfile() {}

  /** One column's profile; approximate metrics say so. */
  public record ColumnResult(int ordinal, String name, String type, long count, long nulls, long invalid,
      long distinct, boolean distinctExact, double distinctError, String min, String max, Double mean, Double stddev,
      Double variance, Double skewness, Double kurtosis, Double q05, Double q25, Double q50, Double q75, Double q95,
      boolean quantilesExact) {}

  public static List<ColumnResult> run(SparkInput input, SchemaDocument doc) {
    TypedRecords records = TypedRecords.of(input, doc);
    List<String> cols = records.columns;
    Dataset<Row> ok = records.data.where(col(TypedRecords.OK));
    // exact part: one aggregate
    List<Column> aggs = new ArrayList<>();
    aggs.add(count(lit(1)));
    for (int i = 0; i < cols.size(); i++) {
      Column v = col(TypedRecords.typedName(i));
      aggs.add(count(v));
      aggs.add(min(v).cast("string"));
      aggs.add(max(v).cast("string"));
      if (numeric(records, cols.get(i))) {
        Column d = v.cast("double");
        aggs.addAll(List.of(avg(d), stddev_samp(d), var_samp(d), skewness(d), kurtosis(d)));
      } else {
        for (int k = 0; k < 5; k++) {
          aggs.add(lit(null).cast("double"));
        }
      }
    }
    Row a = ok.agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new)).first();
    Row rejects = records.data.where(org.apache.spark.sql.functions.not(col(TypedRecords.OK)))
        .groupBy(col(TypedRecords.BAD)).count().agg(org.apache.spark.sql.functions.collect_list(
            org.apache.spark.sql.functions.struct(col(TypedRecords.BAD), col("count")))).first();
    long[] invalid = new long[cols.size()];
    for (Row r : rejects.<Row>getList(0)) {
      if (!r.isNullAt(0)) {
        invalid[r.getInt(0)] = r.getLong(1);
      }
    }
    // sketch part: one pass, per-partition states merged here
    List<List<ColumnSketch>> parts = new ArrayList<>();
    for (int i = 0; i < cols.size(); i++) {
      parts.add(new ArrayList<>());
    }
    boolean[] isNumeric = new boolean[cols.size()];
    Column[] typed = new Column[cols.size()];
    for (int i = 0; i < cols.size(); i++) {
      isNumeric[i] = numeric(records, cols.get(i));
      typed[i] = col(TypedRecords.typedName(i));
    }
    List<byte[]> sealed = ok.select(typed).mapPartitions(sketches(isNumeric), Encoders.BINARY()).collectAsList();
    for (byte[] b : sealed) {
      ColumnSketch[] states = read(b);
      for (int i = 0; i < states.length; i++) {
        parts.get(i).add(states[i]);
      }
    }
    long rows = a.getLong(0);
    List<ColumnResult> out = new ArrayList<>();
    for (int i = 0; i < cols.size(); i++) {
      int at = 1 + i * 8;
      long values = a.getLong(at);
      ColumnSketch.Merged m = ColumnSketch.merge(parts.get(i));
      boolean num = isNumeric[i];
      TypedValue t = records.types.get(cols.get(i));
      out.add(new ColumnResult(i + 1, cols.get(i), t == null ? "VARCHAR" : t.sparkType().simpleString()
          .toUpperCase(java.util.Locale.ROOT), rows, rows - values, invalid[i], m.distinct(), m.exact(), m.error(),
          a.getString(at + 1), a.getString(at + 2), dbl(a, at + 3), dbl(a, at + 4), dbl(a, at + 5), dbl(a, at + 6),
          dbl(a, at + 7), num ? m.quantile(0.05) : null, num ? m.quantile(0.25) : null, num ? m.quantile(0.5) : null,
          num ? m.quantile(0.75) : null, num ? m.quantile(0.95) : null, false));
    }
    return out;
  }

  private static boolean numeric(TypedRecords records, String column) {
    TypedValue t = records.types.get(column);
    if (t == null) {
      return false;
    }
    DataType s = t.sparkType();
    return s == DataTypes.LongType || s == DataTypes.DoubleType || s instanceof DecimalType;
  }

  private static Double dbl(Row r, int i) {
    return r.isNullAt(i) ? null : r.getDouble(i);
  }

  private static MapPartitionsFunction<Row, byte[]> sketches(boolean[] numeric) {
    return rows -> {
      ColumnSketch[] states = new ColumnSketch[numeric.length];
      for (int i = 0; i < states.length; i++) {
        states[i] = new ColumnSketch();
      }
      while (rows.hasNext()) {
        Row r = rows.next();
        for (int i = 0; i < states.length; i++) {
          if (r.isNullAt(i)) {
            continue;
          }
          Object v = r.get(i);
          Double d = numeric[i] ? ((Number) v).doubleValue() : null;
          states[i].add(key(v), d);
        }
      }
      for (ColumnSketch s : states) {
        s.seal();
      }
      return List.of(write(states)).iterator();
    };
  }

  /** Equal values give equal keys: 1.50 and 1.5 are one distinct decimal, as locally. */
  private static String key(Object v) {
    if (v instanceof BigDecimal b) {
      return b.stripTrailingZeros().toPlainString();
    }
    return v.toString();
  }

  private static byte[] write(ColumnSketch[] states) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(states);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static ColumnSketch[] read(byte[] b) {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(b))) {
      return (ColumnSketch[]) in.readObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The profile as a data frame, one row per column, the fields of {@link ColumnResult} as columns. */
  public static Dataset<Row> toFrame(org.apache.spark.sql.SparkSession spark, List<ColumnResult> cols) {
    List<org.apache.spark.sql.types.StructField> fields = new ArrayList<>();
    for (var c : ColumnResult.class.getRecordComponents()) {
      Class<?> t = c.getType();
      DataType dt = t == int.class ? DataTypes.IntegerType : t == long.class ? DataTypes.LongType
          : t == boolean.class ? DataTypes.BooleanType : t == double.class || t == Double.class ? DataTypes.DoubleType
          : DataTypes.StringType;
      fields.add(DataTypes.createStructField(snake(c.getName()), dt, !t.isPrimitive()));
    }
    List<Row> rows = new ArrayList<>();
    for (ColumnResult r : cols) {
      Object[] values = new Object[fields.size()];
      var comps = ColumnResult.class.getRecordComponents();
      for (int i = 0; i < comps.length; i++) {
        try {
          values[i] = comps[i].getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
      rows.add(org.apache.spark.sql.RowFactory.create(values));
    }
    return spark.createDataFrame(rows, DataTypes.createStructType(fields));
  }

  private static String snake(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
  }
}
