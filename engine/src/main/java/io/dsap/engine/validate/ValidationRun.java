package io.dsap.engine.validate;

import io.dsap.engine.batch.Batch;
import io.dsap.engine.format.BatchReader;
import io.dsap.engine.format.ProgressListener;
import io.dsap.engine.format.ScanThreads;
import io.dsap.engine.format.SplitBatches;
import io.dsap.engine.format.TableSource;
import io.dsap.engine.rejects.Reject;
import io.dsap.engine.validate.checks.ParseCheck;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * One validation of one file, as a stream of issues in file order. It reads a batch only when
 * the issues found so far have been taken, so memory is one batch and its issues, whatever the
 * file size and however many rows fail. An optional first pass gathers statistics for checks
 * that need them (outliers) and for the built-in checks. Not thread-safe; close it when done.
 */
public final class ValidationRun implements Iterator<Issue>, AutoCloseable {
  private static final Comparator<Issue> BY_ROW = (a, b) -> {
    Long x = a.rowNumber();
    Long y = b.rowNumber();
    return x == null ? (y == null ? 0 : -1) : y == null ? 1 : Long.compare(x, y); // file-level issues first
  };

  private enum State { NEW, DATA, DONE }

  private final TableSource source;
  private final boolean profileFirst;
  private final Function<FileProfile, List<Check>> plan;
  private final ParseCheck parse;
  private final Deque<Issue> ready = new ArrayDeque<>();
  private final List<Reject> rejects = new ArrayList<>();
  private Rows rows; // once the checks are known: the columns they read
  private List<Check> checks = List.of();
  private State state = State.NEW;
  private BatchReader reader;
  private SplitBatches splits; // instead of reader when the source reads splits in parallel
  private final Deque<Future<SplitChecks>> pending = new ArrayDeque<>();
  private long nextSplitRow = 1;
  private long nextRow = 1;
  private long records;
  private FileProfile profile;
  private final String summaryKey;

  /**
   * @param profileFirst whether to run the statistics pass even if no check needs it (the
   *     plan builds the built-in checks from it)
   * @param plan the checks, given the statistics (null when no first pass ran)
   * @param parse the check that reports rejects (its share of good values may read the profile)
   * @param summaryKey what decides the results ({@link SummaryCache}), or null to cache nothing
   */
  ValidationRun(TableSource source, boolean profileFirst, Function<FileProfile, List<Check>> plan, ParseCheck parse,
      String summaryKey) {
    this.source = source;
    this.summaryKey = summaryKey;
    this.profileFirst = profileFirst;
    this.plan = plan;
    this.parse = parse;
  }

  /** Records read so far (rejected ones included); the total once the run is done. */
  public long records() {
    return records;
  }

  /** The first pass's statistics, or null if none ran. */
  public FileProfile profile() {
    return profile;
  }

  @Override
  public boolean hasNext() {
    while (ready.isEmpty() && state != State.DONE) {
      advance();
    }
    return !ready.isEmpty();
  }

  @Override
  public Issue next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return ready.poll();
  }

  /** Per-check results; reads (and drops) any issues not yet taken, so the counts are final. */
  public List<CheckResult> summary() {
    while (hasNext()) {
      ready.clear();
    }
    return results();
  }

  private List<CheckResult> results() {
    List<CheckResult> out = new ArrayList<>(parse.results());
    checks.forEach(c -> out.addAll(c.results()));
    return out;
  }

  /** Every row was read: the checks finish, and the summary is kept when the file alone decides it. */
  private void finishChecks() {
    parse.countRecords(records);
    for (Check c : checks) {
      c.finish(ready::add);
    }
    close();
    if (checks.stream().allMatch(Check::dependsOnFileOnly)) {
      SummaryCache.put(summaryKey, results());
    }
  }

  private void advance() {
    if (state == State.NEW) {
      start();
    } else {
      step();
    }
  }

  private void start() {
    if (profileFirst) {
      profile = firstPass(List.of());
      parse.useProfile(profile);
      checks = plan.apply(profile);
    } else {
      checks = plan.apply(null);
      List<Check> observers = checks.stream().filter(Check::needsProfile).toList();
      if (!observers.isEmpty()) {
        profile = firstPass(observers);
        parse.useProfile(profile);
      }
    }
    for (Check c : checks) {
      c.begin(ready::add);
    }
    int n = source.columns().size();
    // only the columns the checks read are materialised where the reader still type-checks the
    // others (CsvReader's promise: the same rows are rejected whichever columns are read)
    int[] read = source instanceof io.dsap.engine.csv.CsvTableSource ? Rows.read(checks, n) : null;
    rows = new Rows(source.columns(), read);
    if (read == null) {
      read = new int[n];
      for (int i = 0; i < n; i++) {
        read[i] = i;
      }
    }
    if (checks.stream().anyMatch(c -> c.forSplit() != null)) {
      splits = source.openSplits(read);
    }
    if (splits == null) {
      reader = source.open(read, rejects::add, ProgressListener.NONE);
    }
    state = State.DATA;
  }

  private FileProfile firstPass(List<Check> observers) {
    return FileProfile.scan(source, observers);
  }

  private void step() {
    if (splits != null) {
      stepSplit();
      return;
    }
    Batch batch = reader.next();
    List<Issue> found = new ArrayList<>();
    int k = 0;
    if (batch != null) {
      long[] numbers = new long[batch.rowCount()];
      for (int r = 0; r < batch.rowCount(); r++) {
        // rejects and rows arrive in file order: a reject before this row's line came first
        while (k < rejects.size() && rejects.get(k).line() < batch.line(r)) {
          parse.reject(rejects.get(k++), nextRow++, found::add);
        }
        numbers[r] = nextRow++;
      }
      while (k < rejects.size()) {
        parse.reject(rejects.get(k++), nextRow++, found::add);
      }
      records += batch.rowCount();
      rows.set(batch, numbers);
      for (Check c : checks) {
        c.check(rows, found::add);
      }
      found.sort(BY_ROW); // stable: a row's issues keep the checks' order
    } else {
      while (k < rejects.size()) {
        parse.reject(rejects.get(k++), nextRow++, found::add);
      }
    }
    records += k;
    rejects.clear();
    ready.addAll(found);
    if (batch == null) {
      finishChecks();
    }
  }

  /**
   * Takes the next split's checked batches (and its reported rejects), in file order, and finishes
   * them on this thread: the checks that need every row; meanwhile the next splits are checked on scan
   * threads (at most one per thread ahead, which bounds memory).
   */
  private void stepSplit() {
    while (pending.size() < ScanThreads.threads()) {
      SplitBatches.Split s = splits.next();
      if (s == null) {
        break;
      }
      long first = nextSplitRow;
      nextSplitRow += SplitChecks.records(s);
      List<Check> all = checks;
      pending.add(ScanThreads.submit(() -> SplitChecks.run(s, first, parse, all, rows)));
    }
    if (pending.isEmpty()) {
      finishChecks();
      return;
    }
    SplitChecks done = await(pending.poll());
    SplitBatches.Split split = done.split;
    int from = 0;
    for (int b = 0; b < split.batches().size(); b++) {
      Batch batch = split.batches().get(b);
      int to = split.rejectsBefore()[b];
      List<Issue> found = new ArrayList<>(done.parseIssues[b]);
      records += batch.rowCount() + (to - from);
      from = to;
      rows.set(batch, done.numbers[b], split.lineDelta());
      for (int i = 0; i < checks.size(); i++) {
        if (done.copies[i] == null) {
          checks.get(i).check(rows, found::add);
        } else if (done.issues[b][i] != null) {
          found.addAll(done.issues[b][i]);
        }
      }
      found.sort(BY_ROW); // as in a sequential run: by record, a record's issues in the checks' order
      ready.addAll(found);
    }
    ready.addAll(done.parseIssues[split.batches().size()]);
    records += split.rejects().size() - from;
    parse.absorb(done.parse);
    for (int i = 0; i < checks.size(); i++) {
      if (done.copies[i] != null) {
        checks.get(i).absorb(done.copies[i]);
      }
    }
    splits.release(split); // the issues hold copies of the values: later splits may refill these batches
  }

  private SplitChecks await(Future<SplitChecks> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new IllegalStateException("validation interrupted", e);
    } catch (ExecutionException e) {
      close();
      throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
    }
  }

  @Override
  public void close() {
    for (Future<SplitChecks> f : pending) {
      f.cancel(false);
    }
    pending.clear();
    if (splits != null) {
      splits.close();
      splits = null;
    }
    if (reader != null) {
      reader.close();
      reader = null;
    }
    state = State.DONE;
  }
}
