package io.dsap.engine.format;

import io.dsap.engine.batch.Batch;
import io.dsap.engine.csv.ScanStats;

/**
 * A scan of one table: batches of the projected columns, in file order. Every record read is
 * either returned or rejected ({@link ScanStats}). Not thread-safe; close it when done.
 */
public interface BatchReader extends AutoCloseable {
  /** The next batch (may be reused by the next call), or null at the end. */
  Batch next();

  ScanStats stats();

  @Override
  void close();
}
