package io.dsap.engine.rejects;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The scans of one connection that rejected rows, newest last, so a client (the CLI) can say
 * "3 rows of orders.csv were rejected" after a query instead of letting the rows vanish.
 */
public final class ScanJournal {
  private static final int MAX_ENTRIES = 100;

  /** One finished scan: what was read, what was rejected, and the first reject. */
  public record Entry(String file, long recordsRead, long rowsRejected, Reject firstReject) {}

  private final Deque<Entry> entries = new ArrayDeque<>();

  public synchronized void record(Entry e) {
    if (e.rowsRejected() == 0) {
      return;
    }
    entries.addLast(e);
    while (entries.size() > MAX_ENTRIES) {
      entries.removeFirst();
    }
  }

  /** Returns and forgets the entries recorded so far. */
  public synchronized List<Entry> drain() {
    List<Entry> out = new ArrayList<>(entries);
    entries.clear();
    return out;
  }
}
