package io.dsap.engine.profile;

import io.dsap.engine.format.TableSource;
import io.dsap.engine.rejects.Reject;
import io.dsap.engine.rejects.RejectSink;
import java.util.Map;
import java.util.TreeMap;

/**
 * Profiles a table in one pass over its batches (every column read once, typed), with memory
 * bounded by the states' limits, not by the row count. Splits of the file are profiled in
 * parallel into their own states, merged in file order.
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
    // one state per split (parallel where the format splits), merged in file order; the states
    // copy what they keep of a text value (counts, min and max, kept texts), so text is borrowed
    java.util.concurrent.atomic.AtomicBoolean[] sketched = TableState.sketchHints(n);
    java.util.concurrent.atomic.AtomicInteger duplicatesBound = TableState.duplicatesBound();
    TableState state = source.foldBorrowingText(all, sink,
        () -> new TableState(source.columns(), sketched, duplicatesBound), TableState::add, (a, b) -> {
          a.merge(b);
          return a;
        });
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
