package io.dsap.engine.calcite;

import io.dsap.engine.batch.Batch;
import io.dsap.engine.csv.ScanStats;
import io.dsap.engine.format.BatchReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerator;

/**
 * Hands a table's batches to Calcite one row at a time. The scan is opened on the first
 * {@link #moveNext()}, so planning and {@code LIMIT 0} never read the file.
 */
final class FileEnumerator implements Enumerator<Object[]> {
  private final Function<int[], BatchReader> opener;
  private final int[] distinct; // columns to read, each once
  private final int[] outputToRead; // output position -> position in distinct
  private final AtomicBoolean cancel;
  private final Consumer<ScanStats> onComplete;
  private BatchReader reader;
  private Batch batch;
  private int row;
  private Object[] current;

  FileEnumerator(Function<int[], BatchReader> opener, int[] fields, DataContext root,
      Consumer<ScanStats> onComplete) {
    this.opener = opener;
    Map<Integer, Integer> seen = new LinkedHashMap<>();
    this.outputToRead = new int[fields.length];
    for (int i = 0; i < fields.length; i++) {
      outputToRead[i] = seen.computeIfAbsent(fields[i], k -> seen.size());
    }
    this.distinct = seen.keySet().stream().mapToInt(Integer::intValue).toArray();
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
      reader = opener.apply(distinct);
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
