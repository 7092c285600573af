package io.dsap.spark;

import static org.apache.spark.sql.functions.col;

import io.dsap.engine.csv.CsvOptions;
import io.dsap.engine.format.FormatOptions;
import io.dsap.engine.format.FormatRegistry;
import io.dsap.engine.source.DataRoot;
import io.dsap.engine.source.TempFolders;
import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.validate.DataFiles;
import io.dsap.engine.write.AtomicFileWriter;
import io.dsap.engine.write.OutputColumn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;

/**
 * Column types for an input Spark reads, detected by the engine's own CSV detection: the input's
 * first {@value CsvOptions#DEFAULT_SAMPLE_SIZE} records in file order (the local reader's sample
 * budget) are written, as text, to a temporary CSV file that the engine then detects. A file
 * the local engine reads whole (one no longer than the sample) gets the very types it gets
 * locally; a longer one is typed from its start, where the local reader also samples chunks
 * spread through the file.
 */
final class SampleDetection {
  private SampleDetection() {}

  /**
   * The schema the local engine generates for a file ({@code DataValidator.generateSchema}): the
   * detected types, and {@code nullable} from the NULLs among the rows the reader returns, counted
   * by Spark over the whole input.
   */
  static io.dsap.engine.schema.SchemaDocument generateSchema(SparkInput input) {
    List<ColumnSpec> columns = detect(input);
    TypedRecords records = TypedRecords.of(input, columns);
    List<Column> counts = new ArrayList<>();
    for (int i = 0; i < records.columns.size(); i++) {
      counts.add(org.apache.spark.sql.functions.sum(org.apache.spark.sql.functions.when(
          col(TypedRecords.typedName(i)).isNull(), 1L).otherwise(0L)));
    }
    java.util.Map<String, Long> nulls = new java.util.HashMap<>();
    if (!counts.isEmpty()) {
      Row r = records.data.where(col(TypedRecords.OK)).agg(counts.get(0), counts.subList(1, counts.size())
          .toArray(Column[]::new)).first();
      for (int i = 0; i < records.columns.size(); i++) {
        nulls.put(records.columns.get(i), r.isNullAt(i) ? 0L : r.getLong(i));
      }
    }
    return io.dsap.engine.schema.SchemaGenerator.fromDetection(columns, nulls);
  }

  static List<ColumnSpec> detect(SparkInput input) {
    List<String> names = input.columns();
    Column[] sel = new Column[names.size()];
    for (int i = 0; i < sel.length; i++) {
      sel[i] = TypedRecords.raw(names.get(i));
    }
    List<Row> sample = input.data().where(col(SparkInput.CORRUPT).isNull())
        .orderBy(col(SparkInput.FILE), col(SparkInput.ROW)).select(sel).limit(CsvOptions.DEFAULT_SAMPLE_SIZE)
        .collectAsList();
    Path dir = null;
    try {
      dir = Files.createTempDirectory("dsap-spark-sample");
      List<OutputColumn> cols = new ArrayList<>();
      names.forEach(n -> cols.add(new OutputColumn(n, Types.VARCHAR, 0, 0)));
      try (AtomicFileWriter w = AtomicFileWriter.open(dir.resolve("sample.csv"), cols)) {
        for (Row r : sample) {
          Object[] values = new Object[names.size()];
          for (int i = 0; i < values.length; i++) {
            values[i] = r.getString(i);
          }
          w.write(values);
        }
        w.commit();
      }
      return DataFiles.of(DataRoot.of(dir), FormatRegistry.defaults()).open("sample.csv", FormatOptions.NONE)
          .columns();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      TempFolders.deleteQuietly(dir);
    }
  }
}
