package io.dsap.engine.transform;

import io.dsap.engine.batch.Batch;
import io.dsap.engine.format.BatchReader;
import io.dsap.engine.format.ProgressListener;
import io.dsap.engine.format.TableSource;
import io.dsap.engine.rejects.RejectSink;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The rows of a table source, read batch by batch, each as an array {@code width} wide whose
 * first columns hold the source's values (Calcite's representation) and the rest null. Streams:
 * one batch in memory. Close it to release the reader.
 */
final class SourceRows implements Iterator<Object[]>, AutoCloseable {
  private final BatchReader reader;
  private final int columns;
  private final int width;
  private Batch batch;
  private int next;
  private long limit;

  SourceRows(TableSource source, int width, RejectSink rejects, long limit) {
    this.columns = source.columns().size();
    int[] all = new int[columns];
    for (int i = 0; i < columns; i++) {
      all[i] = i;
    }
    this.reader = source.open(all, rejects, ProgressListener.NONE);
    this.width = width;
    this.limit = limit < 0 ? Long.MAX_VALUE : limit;
  }

  @Override
  public boolean hasNext() {
    if (limit <= 0) {
      return false;
    }
    while (batch == null || next >= batch.rowCount()) {
      batch = reader.next();
      next = 0;
      if (batch == null) {
        limit = 0;
        return false;
      }
    }
    return true;
  }

  @Override
  public Object[] next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Object[] row = new Object[width];
    for (int c = 0; c < columns; c++) {
      row[c] = batch.column(c).get(next);
    }
    next++;
    limit--;
    return row;
  }

  @Override
  public void close() {
    reader.close();
  }
}
