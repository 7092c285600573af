package io.dsap.engine.csv;

import io.dsap.engine.batch.Batch;
import io.dsap.engine.format.BatchReader;
import io.dsap.engine.format.ProgressListener;
import io.dsap.engine.rejects.Reject;
import io.dsap.engine.rejects.RejectSink;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A {@link BatchReader} over a CSV file parsed split by split in parallel ({@link CsvSplitScan}),
 * returning the batches in file order with file line numbers. Rejects reach the sink during the
 * {@link #next()} call that returns the rows after them, as with the sequential reader. Batches
 * are recycled: one stays valid until the next call.
 */
final class CsvSplitReader implements BatchReader {
  /** A parsed batch and how many of its split's rejects came before its end. */
  private record Unit(Batch batch, int rejectsBefore) {}

  private final CsvSplitScan scan;
  private final RejectSink sink;
  private final ProgressListener progress;
  private final ConcurrentLinkedQueue<Batch> free = new ConcurrentLinkedQueue<>();
  private final CsvSplitScan.Ordered<List<Unit>> splits;
  private CsvSplitScan.Part<List<Unit>> part;
  private int unit;
  private int rejectsDone;
  private long firstLine;
  private Batch lent;
  private long rows;

  CsvSplitReader(CsvSplitScan scan, int[] projection, RejectSink sink, ProgressListener progress, long splitSize,
      int window) {
    this.scan = scan;
    this.sink = sink;
    this.progress = progress;
    this.splits = scan.new Ordered<>(projection, splitSize, window, this::readSplit);
  }

  /** Runs on a scan thread: the split's batches, kept until the consumer reaches them. */
  private List<Unit> readSplit(CsvReader reader, List<Reject> rejects) {
    List<Unit> units = new ArrayList<>();
    while (true) {
      Batch b = free.poll();
      if (b == null) {
        b = reader.newBatch();
      }
      if (!reader.fill(b)) {
        free.add(b);
        return units;
      }
      units.add(new Unit(b, rejects.size()));
    }
  }

  @Override
  public Batch next() {
    if (lent != null) {
      free.add(lent);
      lent = null;
    }
    while (true) {
      if (part != null && unit < part.result().size()) {
        Unit u = part.result().get(unit++);
        scan.emit(part.rejects(), rejectsDone, u.rejectsBefore(), firstLine, sink);
        rejectsDone = u.rejectsBefore();
        Batch b = u.batch();
        long delta = firstLine - 1;
        for (int r = 0; r < b.rowCount(); r++) {
          b.setProvenance(r, b.line(r) + delta, b.byteOffset(r));
        }
        rows += b.rowCount();
        if (b.rowCount() > 0) {
          progress.progress(b.byteOffset(b.rowCount() - 1), rows, scan.textSize());
        }
        lent = b;
        return b;
      }
      if (part != null) {
        scan.emit(part.rejects(), rejectsDone, part.rejects().size(), firstLine, sink);
      }
      part = splits.next();
      unit = 0;
      rejectsDone = 0;
      if (part == null) {
        progress.progress(scan.textSize(), rows, scan.textSize());
        return null;
      }
      firstLine = splits.firstLine();
    }
  }

  @Override
  public ScanStats stats() {
    return splits.stats();
  }

  @Override
  public void close() {
    splits.close();
  }
}
