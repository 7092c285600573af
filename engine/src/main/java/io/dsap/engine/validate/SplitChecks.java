package io.dsap.engine.validate;

import io.dsap.engine.batch.Batch;
import io.dsap.engine.format.SplitBatches;
import io.dsap.engine.rejects.Reject;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks that can run per split ({@link Check#forSplit()}) run over one split on a scan
 * thread, with file lines and record numbers (the caller knows where the split starts once the
 * splits before it are read). The issues wait, per batch and check, for the consumer thread,
 * which adds those of the checks that need every row, in the order a sequential run gives.
 */
final class SplitChecks {
  final SplitBatches.Split split;
  /** Per batch: its rows' record numbers. */
  final long[][] numbers;
  /** Per batch and the trailing rejects (last entry): the record numbers of the rejects read with it. */
  final long[][] rejectNumbers;
  /** Per batch, per check: its issues (null: none, or a check left to the consumer thread). */
  final List<Issue>[][] issues;
  /** Per check: the copy that checked this split, or null. */
  final Check[] copies;

  @SuppressWarnings("unchecked")
  private SplitChecks(SplitBatches.Split split, int checks) {
    this.split = split;
    int n = split.batches().size();
    this.numbers = new long[n][];
    this.rejectNumbers = new long[n + 1][];
    this.issues = new List[n][checks];
    this.copies = new Check[checks];
  }

  /** Records (rows and rejects) in the split. */
  static long records(SplitBatches.Split split) {
    long n = split.rejects().size();
    for (Batch b : split.batches()) {
      n += b.rowCount();
    }
    return n;
  }

  /**
   * Numbers the split's records from {@code firstRow} and runs the per-split copies of {@code checks}
   * (on a scan thread).
   */
  static SplitChecks run(SplitBatches.Split split, long firstRow, List<Check> checks, List<io.dsap.engine.types.ColumnSpec> columns) {
    SplitChecks s = new SplitChecks(split, checks.size());
    for (int i = 0; i < checks.size(); i++) {
      s.copies[i] = checks.get(i).forSplit();
    }
    Rows rows = new Rows(columns);
    long next = firstRow;
    int from = 0;
    List<Batch> batches = split.batches();
    for (int b = 0; b < batches.size(); b++) {
      Batch batch = batches.get(b);
      int to = split.rejectsBefore()[b];
      s.numbers[b] = new long[batch.rowCount()];
      s.rejectNumbers[b] = new long[to - from];
      next = number(batch, split.lineDelta(), split.rejects(), from, to, next, s.numbers[b], s.rejectNumbers[b]);
      from = to;
      rows.set(batch, s.numbers[b], split.lineDelta());
      List<Issue>[] found = s.issues[b];
      for (int i = 0; i < s.copies.length; i++) {
        if (s.copies[i] != null) {
          List<Issue> mine = new ArrayList<>(0);
          s.copies[i].check(rows, mine::add);
          found[i] = mine.isEmpty() ? null : mine;
        }
      }
    }
    int trailing = split.rejects().size() - from;
    s.rejectNumbers[batches.size()] = new long[trailing];
    for (int j = 0; j < trailing; j++) {
      s.rejectNumbers[batches.size()][j] = next++;
    }
    return s;
  }

  /**
   * Numbers a batch's rows and the rejects {@code from..to} read with it in file order (a reject
   * before a row's line comes first), from {@code next}; returns the next free number.
   */
  static long number(Batch batch, long lineDelta, List<Reject> rejects, int from, int to, long next, long[] rowNumbers,
      long[] rejectNumbers) {
    int k = from;
    for (int r = 0; r < batch.rowCount(); r++) {
      while (k < to && rejects.get(k).line() < batch.line(r) + lineDelta) {
        rejectNumbers[k++ - from] = next++;
      }
      rowNumbers[r] = next++;
    }
    while (k < to) {
      rejectNumbers[k++ - from] = next++;
    }
    return next;
  }
}
