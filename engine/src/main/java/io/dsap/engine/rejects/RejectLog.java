package io.dsap.engine.rejects;

import java.util.ArrayList;
import java.util.List;

/**
 * The rejects of one complete scan of a file: every reject is counted, the first
 * {@code keep} are kept with their details.
 */
public final class RejectLog implements RejectSink {
  private final int keep;
  private final List<Reject> kept = new ArrayList<>();
  private long count;

  public RejectLog(int keep) {
    this.keep = keep;
  }

  @Override
  public synchronized void accept(Reject reject) {
    count++;
    if (kept.size() < keep) {
      kept.add(reject);
    }
  }

  public synchronized long count() {
    return count;
  }

  public synchronized List<Reject> rejects() {
    return List.copyOf(kept);
  }
}
