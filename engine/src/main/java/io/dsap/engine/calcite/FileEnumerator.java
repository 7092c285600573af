package io.dsap.engine.calcite;

import io.dsap.engine.batch.Batch;
import io.dsap.engine.csv.ScanStats;
import io.dsap.engine.filter.Evaluator;
import io.dsap.engine.format.BatchReader;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerator;

/**
 * Hands a table's batches to Calcite one row at a time: only the rows that pass the scan's filter
 * (evaluated on the batch's vectors first, so rows that fail never become objects), and no more
 * than its limit (then the scan is closed, which stops reading ahead). The scan is opened on the
 * first {@link #moveNext()}, so planning and {@code LIMIT 0} never read the file.
 */
final class FileEnumerator implements Enumerator<Object[]> {
  private final Function<int[], BatchReader> opener;
  private final int[] read; // columns to read, each once
  private final int[] outputToRead; // output position -> position in read
  private final Evaluator filter; // null: every row
  private final long limit;
  private final AtomicBoolean cancel;
  private final Consumer<ScanStats> onComplete;
  private BatchReader reader;
  private Batch batch;
  private int[] selected = new int[0];
  private int count; // rows of the batch to return: selected[0 .. count) when filtered
  private int next;
  private long returned;
  private Object[] current;

  FileEnumerator(Function<int[], BatchReader> opener, FileScanSpec spec, DataContext root,
      Consumer<ScanStats> onComplete) {
    this.opener = opener;
    this.read = spec.readColumns();
    this.outputToRead = new int[spec.fields().length];
    for (int i = 0; i < outputToRead.length; i++) {
      for (int j = 0; j < read.length; j++) {
        if (read[j] == spec.fields()[i]) {
          outputToRead[i] = j;
          break;
        }
      }
    }
    this.filter = spec.filter() == null ? null : spec.filter().bind(read);
    this.limit = spec.limit();
    this.cancel = root == null ? null : DataContext.Variable.CANCEL_FLAG.get(root);
    this.onComplete = onComplete;
  }

  @Override
  public Object[] current() {
    return current;
  }

  @Override
  public boolean moveNext() {
    if (limit >= 0 && returned >= limit) {
      close(); // stops the reader's threads: nothing more is needed
      return false;
    }
    if (reader == null) {
      reader = opener.apply(read);
    }
    while (batch == null || next >= count) {
      if (cancel != null && cancel.get()) {
        return false;
      }
      batch = reader.next();
      next = 0;
      if (batch == null) {
        count = 0;
        onComplete.accept(reader.stats());
        return false;
      }
      if (filter == null) {
        count = batch.rowCount();
      } else {
        if (selected.length < batch.rowCount()) {
          selected = new int[batch.capacity()];
        }
        count = filter.select(batch, selected);
      }
    }
    int row = filter == null ? next : selected[next];
    next++;
    Object[] out = new Object[outputToRead.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = batch.column(outputToRead[i]).get(row);
    }
    returned++;
    current = out;
    return true;
  }

  @Override
  public void reset() {
    close();
    reader = null;
    batch = null;
    returned = 0;
  }

  @Override
  public void close() {
    if (reader != null) {
      reader.close();
    }
  }
}
