package io.dsap.engine.csv;

import io.dsap.engine.batch.Batch;
import io.dsap.engine.format.BatchReader;
import io.dsap.engine.format.ScanThreads;
import io.dsap.engine.format.ProgressListener;
import io.dsap.engine.format.SplitBatches;
import io.dsap.engine.rejects.Reject;
import io.dsap.engine.format.TableSource;
import io.dsap.engine.rejects.RejectSink;
import io.dsap.engine.types.ColumnSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BiConsumer;
import java.util.function.BinaryOperator;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** A detected CSV file. */
public final class CsvTableSource implements TableSource {
  private final Path file;
  private final String displayName;
  private final CsvFileSchema schema;

  /** Split size of ordered scans: small, because a split's batches wait in memory for the consumer. */
  static final long ORDERED_SPLIT = 8L << 20;
  /** Most splits a fold cuts a file into, per thread (fewer, larger splits: its states stay small). */
  static final int FOLD_SPLITS_PER_THREAD = 4;

  private final long splitSize; // 0: chosen from the file size and the thread count

  public CsvTableSource(Path file, String displayName, CsvFileSchema schema) {
    this(file, displayName, schema, 0);
  }

  /** A source whose scans cut the file into splits of about {@code splitSize} bytes (tests). */
  CsvTableSource(Path file, String displayName, CsvFileSchema schema, long splitSize) {
    this.file = file;
    this.displayName = displayName;
    this.schema = schema;
    this.splitSize = splitSize;
  }

  public CsvFileSchema schema() {
    return schema;
  }

  @Override
  public List<ColumnSpec> columns() {
    return schema.columns();
  }

  @Override
  public String format() {
    return "csv";
  }

  @Override
  public Map<String, Object> describe() {
    CsvDialect d = schema.dialect();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("encoding", schema.layout().describe());
    m.put("delimiter", d.delimiterText());
    m.put("quote", d.quoteText());
    m.put("escape", d.escapeText());
    m.put("header", d.header());
    m.put("line_ending", d.lineEnding().equals("\r\n") ? "CRLF" : "LF");
    m.put("skip", d.skip());
    return m;
  }

  @Override
  public List<String> flags() {
    return schema.flags();
  }

  @Override
  public String readStatement(String path) {
    CsvDialect d = schema.dialect();
    StringBuilder s = new StringBuilder("SELECT * FROM read_csv(path => ").append(literal(path));
    s.append(", delimiter => ").append(literal(d.delimiterText()));
    s.append(", quote => ").append(literal(d.quoteText()));
    s.append(", escape => ").append(literal(d.escapeText()));
    s.append(", header => ").append(d.header());
    if (d.skip() > 0) {
      s.append(", skip => ").append(d.skip());
    }
    if (!schema.layout().detected() || !schema.layout().charset().name().equals("UTF-8")) {
      s.append(", encoding => ").append(literal(schema.layout().charset().name()));
    }
    if (schema.nullString() != null) {
      s.append(", nullstr => ").append(literal(schema.nullString()));
    }
    String types = schema.columns().stream().map(c -> c.name() + ":" + c.typeText())
        .collect(Collectors.joining(","));
    s.append(", types => ").append(literal(types));
    return s.append(")").toString();
  }

  private static String literal(String v) {
    return "'" + v.replace("'", "''") + "'";
  }

  @Override
  public BatchReader open(int[] projection, RejectSink rejects, ProgressListener progress) {
    return open(projection, rejects, progress, false);
  }

  /** {@link #open}; {@code lendText}: a sequential reader lends its text ({@link CsvReader#lendText}). */
  private BatchReader open(int[] projection, RejectSink rejects, ProgressListener progress, boolean lendText) {
    CleanFiles.Stamp before = CleanFiles.stamp(file);
    boolean clean = CleanFiles.isClean(before, schema);
    CsvSplitScan scan = splitScan(clean);
    BatchReader reader;
    if (scan != null) {
      // never lends: its batches wait in a queue while the split's reader moves on
      long size = splitSize > 0 ? splitSize : ORDERED_SPLIT;
      reader = new CsvSplitReader(scan, projection, rejects, progress, size, ScanThreads.threads() + 1);
    } else {
      CsvReader r = new CsvReader(file, displayName, schema, projection, CsvReader.DEFAULT_BATCH_SIZE, rejects,
          progress, -1, Long.MAX_VALUE, new byte[CsvReader.READ_BUFFER], clean);
      if (lendText) {
        r.lendText();
      }
      reader = r;
    }
    return clean ? reader : new CleanWhenDone(reader, before, schema);
  }

  /** Marks the file clean when the reader reaches its end without a reject (not when closed early). */
  private static final class CleanWhenDone implements BatchReader {
    private final BatchReader reader;
    private final CleanFiles.Stamp before;
    private final CsvFileSchema schema;
    private boolean closed;

    CleanWhenDone(BatchReader reader, CleanFiles.Stamp before, CsvFileSchema schema) {
      this.reader = reader;
      this.before = before;
      this.schema = schema;
    }

    @Override
    public Batch next() {
      Batch b = reader.next();
      if (b == null && !closed && reader.stats().rowsRejected() == 0) {
        CleanFiles.markClean(before, schema);
      }
      return b;
    }

    @Override
    public ScanStats stats() {
      return reader.stats();
    }

    @Override
    public void close() {
      closed = true;
      reader.close();
    }
  }

  @Override
  public <S> S fold(int[] projection, RejectSink rejects, Supplier<S> newState, BiConsumer<S, Batch> add,
      BinaryOperator<S> merge) {
    return fold(projection, rejects, newState, add, merge, false);
  }

  /**
   * Each split's reader lends its text to the split's batches: {@code add} is done with a batch
   * before the reader fills the next one, and the read buffer goes back to the thread's pool only
   * once the split is read (ADR-34).
   */
  @Override
  public <S> S foldBorrowingText(int[] projection, RejectSink rejects, Supplier<S> newState,
      BiConsumer<S, Batch> add, BinaryOperator<S> merge) {
    return fold(projection, rejects, newState, add, merge, true);
  }

  private <S> S fold(int[] projection, RejectSink rejects, Supplier<S> newState, BiConsumer<S, Batch> add,
      BinaryOperator<S> merge, boolean lendText) {
    CleanFiles.Stamp before = CleanFiles.stamp(file);
    boolean clean = CleanFiles.isClean(before, schema);
    CsvSplitScan scan = splitScan(clean);
    if (scan == null) {
      S state = newState.get();
      try (BatchReader reader = open(projection, rejects, ProgressListener.NONE, lendText)) {
        for (Batch b = reader.next(); b != null; b = reader.next()) {
          add.accept(state, b);
        }
      }
      return state;
    }
    int threads = ScanThreads.threads();
    long size = splitSize > 0 ? splitSize
        : Math.max(CsvSplitScan.MIN_SPLIT, scan.textSize() / ((long) threads * FOLD_SPLITS_PER_THREAD) + 1);
    S total = null;
    try (CsvSplitScan.Ordered<S> splits = scan.new Ordered<>(projection, size, threads + 1, (reader, r) -> {
      if (lendText) {
        reader.lendText();
      }
      S state = newState.get();
      for (Batch b = reader.next(); b != null; b = reader.next()) {
        add.accept(state, b);
      }
      return state;
    })) {
      for (CsvSplitScan.Part<S> p = splits.next(); p != null; p = splits.next()) {
        scan.emit(p.rejects(), 0, p.rejects().size(), splits.firstLine(), rejects);
        total = total == null ? p.result() : merge.apply(total, p.result());
      }
      if (!clean && splits.complete() && splits.stats().rowsRejected() == 0) {
        CleanFiles.markClean(before, schema); // every split was read: an exception skips this
      }
    }
    return total == null ? newState.get() : total;
  }

  @Override
  public SplitBatches openSplits(int[] projection) {
    CleanFiles.Stamp before = CleanFiles.stamp(file);
    boolean clean = CleanFiles.isClean(before, schema);
    CsvSplitScan scan = splitScan(clean);
    if (scan == null) {
      return null;
    }
    long size = splitSize > 0 ? splitSize : ORDERED_SPLIT;
    // batches released by the caller, refilled by later splits: a split's vectors (and text arenas
    // grown to fit) are not made anew, which halves what a validation allocates
    Queue<Batch> free = new ConcurrentLinkedQueue<>();
    CsvSplitScan.Ordered<SplitBatches.Split> splits = scan.new Ordered<>(projection, size, ScanThreads.threads() + 1,
        (reader, rejects) -> {
          List<Batch> batches = new ArrayList<>();
          List<Integer> rejectsBefore = new ArrayList<>();
          Batch b = reusable(free, reader);
          while (reader.fill(b)) {
            batches.add(b);
            rejectsBefore.add(rejects.size());
            b = reusable(free, reader);
          }
          free.add(b);
          int[] counts = rejectsBefore.stream().mapToInt(Integer::intValue).toArray();
          return new SplitBatches.Split(batches, counts, rejects, 0);
        });
    return new SplitBatches() {
      @Override
      public Split next() {
        CsvSplitScan.Part<Split> p = splits.next();
        if (p == null) {
          if (!clean && splits.complete() && splits.stats().rowsRejected() == 0) {
            CleanFiles.markClean(before, schema);
          }
          return null;
        }
        List<Reject> rejects = new ArrayList<>(p.rejects().size());
        scan.emit(p.rejects(), 0, p.rejects().size(), splits.firstLine(), rejects::add);
        return new Split(p.result().batches(), p.result().rejectsBefore(), rejects, splits.firstLine() - 1);
      }

      @Override
      public void release(Split split) {
        free.addAll(split.batches());
      }

      @Override
      public void close() {
        splits.close();
        free.clear();
      }
    };
  }

  private static Batch reusable(Queue<Batch> free, CsvReader reader) {
    Batch b = free.poll();
    return b != null ? b : reader.newBatch();
  }

  /** The parallel scan of this file, or null when it is read sequentially (small, compressed, re-encoded). */
  private CsvSplitScan splitScan(boolean clean) {
    int threads = ScanThreads.threads();
    if (!CsvSplitScan.splittable(schema) || (threads < 2 && splitSize == 0)) {
      return null;
    }
    CsvSplitScan scan = new CsvSplitScan(file, displayName, schema, threads, clean);
    if (splitSize == 0 && scan.textSize() < 2 * CsvSplitScan.MIN_SPLIT) {
      return null;
    }
    return scan;
  }
}
