package io.dsap.engine.format.parquet;

import io.dsap.engine.batch.Batch;
import io.dsap.engine.csv.ScanStats;
import io.dsap.engine.format.BatchReader;

/** A scan of a Parquet file on the calling thread: one batch, refilled by each {@link #next()}. */
final class ParquetBatchReader implements BatchReader {
  private final RowGroupDecoder decoder;
  private final Batch batch;

  ParquetBatchReader(RowGroupDecoder decoder, int batchSize) {
    this.decoder = decoder;
    this.batch = decoder.newBatch(batchSize);
  }

  @Override
  public Batch next() {
    return decoder.fill(batch) ? batch : null;
  }

  @Override
  public ScanStats stats() {
    // typed values cannot fail to parse: every row read is returned
    return new ScanStats(decoder.rowsRead(), decoder.rowsRead(), 0);
  }

  long bytesRead() {
    return decoder.bytesRead();
  }

  @Override
  public void close() {
    decoder.close();
  }
}
