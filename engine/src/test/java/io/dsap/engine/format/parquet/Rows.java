package io.dsap.engine.format.parquet;

import io.dsap.engine.batch.Batch;
import io.dsap.engine.format.BatchReader;
import io.dsap.engine.format.ProgressListener;
import io.dsap.engine.format.TableSource;
import io.dsap.engine.rejects.RejectSink;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/** Test helper: every row of a table as the Java values SQL would get. */
public final class Rows {
  private Rows() {}

  public static List<List<Object>> all(TableSource source) {
    return read(source, IntStream.range(0, source.columns().size()).toArray());
  }

  public static List<List<Object>> read(TableSource source, int... projection) {
    List<List<Object>> out = new ArrayList<>();
    try (BatchReader r = source.open(projection, RejectSink.DISCARD, ProgressListener.NONE)) {
      for (Batch b = r.next(); b != null; b = r.next()) {
        for (int row = 0; row < b.rowCount(); row++) {
          Object[] values = new Object[b.columnCount()];
          for (int c = 0; c < values.length; c++) {
            values[c] = b.column(c).get(row);
          }
          out.add(Arrays.asList(values));
        }
      }
    }
    return out;
  }

  /** Column names with their types, as file_info shows them. */
  public static List<String> types(TableSource source) {
    return source.columns().stream().map(c -> c.name() + " " + c.typeText()).toList();
  }
}
