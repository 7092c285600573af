package io.dsap.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;

import io.dsap.engine.transform.PartitionedTransform;
import io.dsap.engine.transform.TransformSpec;
import io.dsap.engine.transform.TransformationReport;
import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.types.ColumnType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.storage.StorageLevel;

/**
 * {@code clean} on Spark: the engine's cleaning spec, run by the engine's own steps
 * ({@link PartitionedTransform}) inside Spark partitions. Three passes, as locally: the type
 * repairs are decided from the first rows (in file order), the statistics (fill values, outlier
 * bounds, scaling, bins, categories) are gathered per partition and merged on the driver, then
 * every partition runs the planned steps on its rows and reports what they changed.
 */
public final class SparkClean {
  /** Column carrying a partition's report state (one extra row per partition, removed from the data). */
  private static final String REPORT = "_dsap_report";

  private SparkClean() {}

  /**
   * The cleaned rows (the plan's columns, then {@link SparkInput#FILE} and {@link SparkInput#ROW}
   * of the source record), their columns, and the report (rows in, out and rejected; per column
   * and step what changed).
   */
  public record Result(Dataset<Row> rows, List<ColumnSpec> columns, TransformationReport report) {
    /** The cleaned rows without the source positions: what {@code clean} writes. */
    public Dataset<Row> data() {
      return rows.drop(SparkInput.FILE, SparkInput.ROW);
    }
  }

  /**
   * Cleans {@code input} with {@code spec}; {@code columns} type the input's columns as the local
   * reader would (by name; columns not listed are text).
   */
  public static Result run(SparkInput input, List<ColumnSpec> columns, TransformSpec spec) {
    List<ColumnSpec> source = sourceColumns(input, columns);
    TypedRecords records = TypedRecords.of(input, source);
    int n = source.size();
    Column[] sel = new Column[n + 2];
    for (int i = 0; i < n; i++) {
      sel[i] = col(TypedRecords.typedName(i));
    }
    sel[n] = col(SparkInput.FILE);
    sel[n + 1] = col(SparkInput.ROW);
    Dataset<Row> ok = records.data.where(col(TypedRecords.OK)).select(sel).persist(StorageLevel.MEMORY_AND_DISK());
    long rejected = records.data.where(not(col(TypedRecords.OK))).count();
    ColumnType[] types = source.stream().map(ColumnSpec::type).toArray(ColumnType[]::new);

    // 1. type repairs from the first rows, in file order
    List<Object[]> first = new ArrayList<>();
    for (Row r : ok.orderBy(col(SparkInput.FILE), col(SparkInput.ROW)).limit(PartitionedTransform.sampleRows())
        .collectAsList()) {
      first.add(toEngine(r, types));
    }
    PartitionedTransform transform = PartitionedTransform.decide(source, first.iterator(), spec);

    // 2. statistics per partition, merged here
    PartitionedTransform.Stats stats = transform.newStats();
    for (byte[] part : ok.mapPartitions(statsPass(transform, types), Encoders.BINARY()).collectAsList()) {
      stats.merge((PartitionedTransform.Stats) read(part));
    }
    PartitionedTransform.Plan plan = transform.plan(stats);

    // 3. the steps, per partition; each partition ends with one row holding its report state
    List<StructField> fields = new ArrayList<>();
    for (ColumnSpec c : plan.columns()) {
      fields.add(DataTypes.createStructField(c.name(), sparkType(c), true));
    }
    fields.add(DataTypes.createStructField(SparkInput.FILE, DataTypes.StringType, true));
    fields.add(DataTypes.createStructField(SparkInput.ROW, DataTypes.LongType, true));
    fields.add(DataTypes.createStructField(REPORT, DataTypes.BinaryType, true));
    Dataset<Row> applied = ok.mapPartitions(applyPass(plan, types), Encoders.row(DataTypes.createStructType(fields)))
        .persist(StorageLevel.MEMORY_AND_DISK());
    List<PartitionedTransform.PartReport> parts = new ArrayList<>();
    for (Row r : applied.where(col(REPORT).isNotNull()).select(REPORT).collectAsList()) {
      parts.add((PartitionedTransform.PartReport) read(r.getAs(0)));
    }
    TransformationReport report = plan.report(parts, rejected);
    ok.unpersist();
    return new Result(applied.where(col(REPORT).isNull()).drop(REPORT), plan.columns(), report);
  }

  /** The input's columns in its order, typed by {@code columns} where they name them; TIME and binary stay text. */
  private static List<ColumnSpec> sourceColumns(SparkInput input, List<ColumnSpec> columns) {
    List<ColumnSpec> out = new ArrayList<>();
    for (String name : input.columns()) {
      ColumnSpec spec = columns.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst().orElse(null);
      boolean parsed = spec != null && spec.type() != ColumnType.TIME && spec.type() != ColumnType.VARBINARY;
      out.add(parsed ? new ColumnSpec(name, spec.type(), spec.precision(), spec.scale(), spec.format(),
          spec.detection()) : ColumnSpec.varchar(name, "spark: read as text"));
    }
    return out;
  }

  private static MapPartitionsFunction<Row, byte[]> statsPass(PartitionedTransform t, ColumnType[] types) {
    return rows -> {
      PartitionedTransform.Stats s = t.newStats();
      while (rows.hasNext()) {
        s.add(toEngine(rows.next(), types));
      }
      return List.of(write(s)).iterator();
    };
  }

  private static MapPartitionsFunction<Row, Row> applyPass(PartitionedTransform.Plan plan, ColumnType[] types) {
    return rows -> {
      PartitionedTransform.Part part = plan.start();
      List<ColumnSpec> out = plan.columns();
      int width = out.size();
      return new Iterator<Row>() {
        private Row next;
        private boolean reported;

        @Override
        public boolean hasNext() {
          while (next == null && rows.hasNext()) {
            Row in = rows.next();
            Object[] cleaned = part.apply(toEngine(in, types));
            if (cleaned != null) {
              Object[] values = new Object[width + 3];
              for (int i = 0; i < width; i++) {
                values[i] = toSpark(cleaned[i], out.get(i));
              }
              values[width] = in.get(types.length);
              values[width + 1] = in.get(types.length + 1);
              next = RowFactory.create(values);
            }
          }
          if (next == null && !reported) {
            reported = true;
            Object[] values = new Object[width + 3];
            values[width + 2] = write(part.done());
            next = RowFactory.create(values);
          }
          return next != null;
        }

        @Override
        public Row next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          Row r = next;
          next = null;
          return r;
        }
      };
    };
  }

  /** A typed Spark row's first {@code types.length} values in the engine's (Calcite's) representation. */
  static Object[] toEngine(Row r, ColumnType[] types) {
    Object[] row = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      Object v = r.get(i);
      if (v == null) {
        continue;
      }
      row[i] = switch (types[i]) {
        case INTEGER -> ((Number) v).intValue();
        case BIGINT -> ((Number) v).longValue();
        case DOUBLE -> ((Number) v).doubleValue();
        case DATE -> (int) ((Date) v).toLocalDate().toEpochDay();
        case TIMESTAMP -> ((Timestamp) v).getTime();
        default -> v;
      };
    }
    return row;
  }

  /** An engine value of column {@code c} as Spark holds it in a row of {@link #sparkType}. */
  static Object toSpark(Object v, ColumnSpec c) {
    if (v == null) {
      return null;
    }
    return switch (c.type()) {
      case INTEGER -> ((Number) v).intValue();
      case BIGINT -> ((Number) v).longValue();
      case DOUBLE -> ((Number) v).doubleValue();
      case DECIMAL -> ((BigDecimal) v).setScale(Math.max(0, c.scale()), RoundingMode.HALF_UP);
      case DATE -> Date.valueOf(LocalDate.ofEpochDay(((Number) v).longValue()));
      case TIMESTAMP -> new Timestamp(((Number) v).longValue());
      case BOOLEAN -> v;
      default -> v.toString();
    };
  }

  static DataType sparkType(ColumnSpec c) {
    return switch (c.type()) {
      case INTEGER -> DataTypes.IntegerType;
      case BIGINT -> DataTypes.LongType;
      case DOUBLE -> DataTypes.DoubleType;
      case DECIMAL -> DataTypes.createDecimalType(c.precision() > 0 ? Math.min(38, c.precision()) : 38,
          Math.max(0, c.scale()));
      case BOOLEAN -> DataTypes.BooleanType;
      case DATE -> DataTypes.DateType;
      case TIMESTAMP -> DataTypes.TimestampType;
      default -> DataTypes.StringType;
    };
  }

  /** The report's steps as a data frame: one row per (column, step), the fields of the report entries. */
  public static Dataset<Row> stepsFrame(SparkSession spark, TransformationReport report) {
    List<StructField> fields = new ArrayList<>();
    var comps = TransformationReport.Entry.class.getRecordComponents();
    for (var c : comps) {
      Class<?> t = c.getType();
      DataType dt = t == long.class || t == Long.class ? DataTypes.LongType
          : t == Double.class ? DataTypes.DoubleType : DataTypes.StringType;
      String name = c.getName().equals("column") ? "column_name" : snake(c.getName());
      fields.add(DataTypes.createStructField(name, dt, !t.isPrimitive()));
    }
    List<Row> rows = new ArrayList<>();
    for (TransformationReport.Entry e : report.steps()) {
      Object[] values = new Object[comps.length];
      for (int i = 0; i < comps.length; i++) {
        try {
          values[i] = comps[i].getAccessor().invoke(e);
        } catch (ReflectiveOperationException ex) {
          throw new IllegalStateException(ex);
        }
      }
      rows.add(RowFactory.create(values));
    }
    return spark.createDataFrame(rows, DataTypes.createStructType(fields));
  }

  /** Rows in, out and rejected, as a one-row data frame. */
  public static Dataset<Row> rowsFrame(SparkSession spark, TransformationReport report) {
    return spark.createDataFrame(List.of(RowFactory.create(report.rowsIn(), report.rowsOut(), report.rowsRejected())),
        DataTypes.createStructType(List.of(
            DataTypes.createStructField("rows_in", DataTypes.LongType, false),
            DataTypes.createStructField("rows_out", DataTypes.LongType, false),
            DataTypes.createStructField("rows_rejected", DataTypes.LongType, false))));
  }

  private static String snake(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }

  static byte[] write(Object state) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(state);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static Object read(byte[] b) {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(b))) {
      return in.readObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
