package io.dsap.engine.profile;

import io.dsap.engine.batch.Batch;
import io.dsap.engine.format.BatchReader;
import io.dsap.engine.format.ProgressListener;
import io.dsap.engine.format.TableSource;
import io.dsap.engine.rejects.Reject;
import io.dsap.engine.rejects.RejectSink;
import java.util.Map;
import java.util.TreeMap;

/**
 * Profiles a table in one pass over its batches (every column read once, typed), with memory
 * bounded by the states' limits, not by the row count.
 */
public final class Profiler {
  private Profiler() {}

  /** Reads every row of {@code source} and returns its profile; {@code file} names it in alerts. */
  public static TableProfile profile(TableSource source, String file) {
    int n = source.columns().size();
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    Map<String, Long> invalid = new TreeMap<>();
    long[] rejected = {0};
    RejectSink sink = r -> record(r, invalid, rejected);
    TableState state = new TableState(source.columns());
    try (BatchReader reader = source.open(all, sink, ProgressListener.NONE)) {
      for (Batch b = reader.next(); b != null; b = reader.next()) {
        state.add(b);
      }
    }
    synchronized (invalid) {
      return state.finish(file, rejected[0], invalid);
    }
  }

  private static void record(Reject r, Map<String, Long> invalid, long[] rejected) {
    synchronized (invalid) { // sinks must be thread-safe
      rejected[0]++;
      if (r.column() != null) {
        invalid.merge(r.column(), 1L, Long::sum);
      }
    }
  }
}
