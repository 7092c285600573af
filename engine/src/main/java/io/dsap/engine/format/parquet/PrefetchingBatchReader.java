package io.dsap.engine.format.parquet;

import io.dsap.engine.batch.Batch;
import io.dsap.engine.csv.ScanStats;
import io.dsap.engine.error.DsapException;
import io.dsap.engine.error.ErrorCode;
import io.dsap.engine.format.BatchReader;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A scan of a Parquet file that decodes ahead on a second thread: while SQL consumes one batch,
 * the next is read and decoded. Row order is the file's. Memory stays bounded: three batches
 * circulate (one being consumed, one ready, one being filled).
 *
 * <p>Errors on the decoding thread are rethrown by {@link #next()}; {@link #close()} stops the
 * thread and closes the file whatever state it is in.
 */
final class PrefetchingBatchReader implements BatchReader {
  private static final int BATCHES = 3;
  private static final Object END = new Object();

  private final RowGroupDecoder decoder;
  private final BlockingQueue<Batch> free = new ArrayBlockingQueue<>(BATCHES);
  private final BlockingQueue<Object> ready = new ArrayBlockingQueue<>(BATCHES + 1);
  private final Thread worker;
  private Batch current;
  private boolean finished;
  private volatile long rowsRead;

  /** Whether scans decode ahead; {@code -Ddsap.parquet.prefetch=false} turns it off (benchmarks). */
  static boolean enabled() {
    return !"false".equals(System.getProperty("dsap.parquet.prefetch"));
  }

  PrefetchingBatchReader(RowGroupDecoder decoder, String displayName, int batchSize) {
    this.decoder = decoder;
    for (int i = 0; i < BATCHES; i++) {
      free.add(decoder.newBatch(batchSize));
    }
    this.worker = new Thread(this::decodeAll, "dsap-parquet-" + displayName);
    worker.setDaemon(true); // never keeps a JVM (or DBeaver) alive
    worker.start();
  }

  private void decodeAll() {
    try {
      while (true) {
        Batch b = free.take();
        if (!decoder.fill(b)) {
          break;
        }
        rowsRead = decoder.rowsRead();
        ready.put(b);
      }
      ready.put(END);
    } catch (InterruptedException e) {
      // closed by the consumer
    } catch (RuntimeException | Error e) {
      ready.offer(e); // room is guaranteed: at most BATCHES batches plus this
    } finally {
      decoder.close();
    }
  }

  @Override
  public Batch next() {
    if (finished) {
      return null;
    }
    if (current != null) {
      free.add(current);
      current = null;
    }
    Object o;
    try {
      o = ready.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DsapException(ErrorCode.INTERNAL, "reading was interrupted", e);
    }
    if (o == END) {
      finished = true;
      return null;
    }
    if (o instanceof RuntimeException e) {
      finished = true;
      throw e;
    }
    if (o instanceof Error e) {
      finished = true;
      throw e;
    }
    current = (Batch) o;
    return current;
  }

  @Override
  public ScanStats stats() {
    long n = rowsRead;
    return new ScanStats(n, n, 0);
  }

  @Override
  public void close() {
    worker.interrupt();
    try {
      worker.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
