package io.dsap.engine.calcite;

import io.dsap.engine.batch.Batch;
import io.dsap.engine.csv.CsvFileSchema;
import io.dsap.engine.csv.CsvReader;
import io.dsap.engine.csv.ScanStats;
import io.dsap.engine.rejects.RejectLog;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerator;

/**
 * Hands a file's batches to Calcite one row at a time. The file is opened on the first
 * {@link #moveNext()}, so planning and {@code LIMIT 0} never read it.
 */
final class FileEnumerator implements Enumerator<Object[]> {
  private final Path file;
  private final String displayName;
  private final CsvFileSchema schema;
  private final int[] distinct; // columns to read, each once
  private final int[] outputToRead; // output position -> position in distinct
  private final RejectLog rejects;
  private final AtomicBoolean cancel;
  private final Consumer<ScanStats> onComplete;
  private CsvReader reader;
  private Batch batch;
  private int row;
  private Object[] current;

  FileEnumerator(Path file, String displayName, CsvFileSchema schema, int[] fields, RejectLog rejects,
      DataContext root, Consumer<ScanStats> onComplete) {
    this.file = file;
    this.displayName = displayName;
    this.schema = schema;
    Map<Integer, Integer> seen = new LinkedHashMap<>();
    this.outputToRead = new int[fields.length];
    for (int i = 0; i < fields.length; i++) {
      outputToRead[i] = seen.computeIfAbsent(fields[i], k -> seen.size());
    }
    this.distinct = seen.keySet().stream().mapToInt(Integer::intValue).toArray();
    this.rejects = rejects;
    this.cancel = root == null ? null : DataContext.Variable.CANCEL_FLAG.get(root);
    this.onComplete = onComplete;
  }

  @Override
  public Object[] current() {
    return current;
  }

  @Override
  public boolean moveNext() {
    if (reader == null) {
      reader = new CsvReader(file, displayName, schema, distinct, CsvReader.DEFAULT_BATCH_SIZE, rejects);
    }
    while (batch == null || row >= batch.rowCount()) {
      if (cancel != null && cancel.get()) {
        return false;
      }
      batch = reader.next();
      row = 0;
      if (batch == null) {
        onComplete.accept(reader.stats());
        return false;
      }
    }
    Object[] out = new Object[outputToRead.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = batch.column(outputToRead[i]).get(row);
    }
    row++;
    current = out;
    return true;
  }

  @Override
  public void reset() {
    close();
    reader = null;
    batch = null;
  }

  @Override
  public void close() {
    if (reader != null) {
      reader.close();
    }
  }
}
