package io.dsap.engine.validate;

import io.dsap.engine.batch.Batch;
import io.dsap.engine.format.SplitBatches;
import io.dsap.engine.rejects.Reject;
import io.dsap.engine.validate.checks.ParseCheck;
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
  /** Per batch and the trailing rejects (last entry): the parse issues of the rejects read with it. */
  final List<Issue>[] parseIssues;
  /** The copy of the parse check that reported this split's rejects. */
  final ParseCheck parse;
  /** Per batch, per check: its issues (null: none, or a check left to the consumer thread). */
  final List<Issue>[][] issues;
  /** Per check: the copy that checked this split, or null. */
  final Check[] copies;

  @SuppressWarnings("unchecked")
  private SplitChecks(SplitBatches.Split split, ParseCheck parse, int checks) {
    this.split = split;
    this.parse = parse;
    int n = split.batches().size();
    this.numbers = new long[n][];
    this.parseIssues = new List[n + 1];
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
   * (on a scan thread) over batches laid out as {@code like}'s.
   */
  static SplitChecks run(SplitBatches.Split split, long firstRow, ParseCheck parse, List<Check> checks,
      Rows like) {
    SplitChecks s = new SplitChecks(split, (ParseCheck) parse.forSplit(), checks.size());
    for (int i = 0; i < checks.size(); i++) {
      s.copies[i] = checks.get(i).forSplit();
    }
    Rows rows = like.copy();
    long next = firstRow;
    int from = 0;
    List<Batch> batches = split.batches();
    for (int b = 0; b < batches.size(); b++) {
      Batch batch = batches.get(b);
      int to = split.rejectsBefore()[b];
      s.numbers[b] = new long[batch.rowCount()];
      long[] rejectNumbers = new long[to - from];
      next = number(batch, split.lineDelta(), split.rejects(), from, to, next, s.numbers[b], rejectNumbers);
      s.parseIssues[b] = s.reportRejects(from, rejectNumbers);
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
    long[] trailing = new long[split.rejects().size() - from];
    for (int j = 0; j < trailing.length; j++) {
      trailing[j] = next++;
    }
    s.parseIssues[batches.size()] = s.reportRejects(from, trailing);
    return s;
  }

  /** The parse issues of the rejects from {@code from} on, numbered {@code rowNumbers}. */
  private List<Issue> reportRejects(int from, long[] rowNumbers) {
    List<Issue> out = new ArrayList<>(rowNumbers.length);
    for (int j = 0; j < rowNumbers.length; j++) {
      parse.reject(split.rejects().get(from + j), rowNumbers[j], out::add);
    }
    return out;
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
