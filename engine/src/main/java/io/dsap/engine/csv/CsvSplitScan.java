package io.dsap.engine.csv;

import io.dsap.engine.batch.Batch;
import io.dsap.engine.error.DsapException;
import io.dsap.engine.error.Errors;
import io.dsap.engine.format.ProgressListener;
import io.dsap.engine.format.ScanThreads;
import io.dsap.engine.rejects.Reject;
import io.dsap.engine.rejects.RejectSink;
import io.dsap.engine.source.FileSource;
import io.dsap.engine.source.ReadMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a plain UTF-8 CSV file as byte-range splits parsed in parallel, with results in file
 * order and exactly what one sequential {@link CsvReader} gives: the same rows, rejects and line
 * numbers.
 *
 * <p>A split's first record cannot be known without reading what comes before it (a quoted field
 * may hold line breaks). Each split therefore guesses: it starts at the first line start at or after
 * its nominal start and reads the records that start before its nominal end (the last one to its
 * end, past the border). Splits are then checked in file order: a split is right when it starts
 * exactly where the one before it ended. A wrong guess (the border fell inside a quoted line
 * break, or on empty lines) is read again from the right place, so the result never depends on
 * the guess, only the time. A split counts its lines from 1; the checked order turns them into
 * file line numbers.
 */
final class CsvSplitScan {
  /** Splits smaller than this are not worth a thread: the file is read sequentially. */
  static final long MIN_SPLIT = 4L << 20;

  /**
   * Each thread's read buffer, reused by the splits it reads. A new 4 MB array per split is a
   * humongous object for G1 under a small heap (regions of 1 MB with -Xmx1g): about 125 of them per
   * GB of CSV each started a concurrent collection. A buffer grown past {@link CsvReader#READ_BUFFER}
   * for a long record is not kept.
   */
  private static final ThreadLocal<byte[]> BUFFERS = new ThreadLocal<>();

  private static final Pattern OPENED_ON_LINE = Pattern.compile("opened on line (\\d+)");

  private final Path file;
  private final String displayName;
  private final CsvFileSchema schema;
  private final long textSize;
  private final int threads;
  private final boolean clean;

  /** A scan of {@code file}; {@code clean}: the file is known to conform ({@link CleanFiles}). */
  CsvSplitScan(Path file, String displayName, CsvFileSchema schema, int threads, boolean clean) {
    this.file = file;
    this.clean = clean;
    this.displayName = displayName;
    this.schema = schema;
    this.textSize = FileSource.size(file) - schema.layout().bomLength();
    this.threads = threads;
  }

  /** Whether a file can be split at all: plain UTF-8 on disk, so byte offsets are file offsets. */
  static boolean splittable(CsvFileSchema schema) {
    return schema.layout().seekable();
  }

  long textSize() {
    return textSize;
  }

  /** Nominal borders of {@code n} splits of about equal size. */
  long[] borders(long splitSize) {
    int n = (int) Math.max(1, Math.min(Integer.MAX_VALUE - 1, (textSize + splitSize - 1) / splitSize));
    long[] b = new long[n + 1];
    for (int i = 0; i < n; i++) {
      b[i] = textSize * i / n;
    }
    b[n] = Long.MAX_VALUE;
    return b;
  }

  /** What a split does with its reader: consume it, return its result. */
  interface Body<S> {
    S read(CsvReader reader, List<Reject> rejects);
  }

  /** One split, read from {@code start}: where it ended, its lines, counts, rejects and result. */
  record Part<S>(long start, long end, long lines, ScanStats stats, List<Reject> rejects, S result,
      RuntimeException error) {}

  /** Reads the split from {@code start} (a record start, or a guess) up to {@code end}. */
  <S> Part<S> read(long start, long end, int[] projection, Body<S> body) {
    List<Reject> rejects = new ArrayList<>();
    int bufferSize = (int) Math.min(CsvReader.READ_BUFFER, Math.max(1 << 16, end - start + (1 << 16)));
    byte[] buffer = BUFFERS.get();
    BUFFERS.remove(); // in use until this split is read
    if (buffer == null || buffer.length < bufferSize) {
      buffer = new byte[bufferSize];
    }
    try (CsvReader r = new CsvReader(file, displayName, schema, projection, CsvReader.DEFAULT_BATCH_SIZE,
        rejects::add, ProgressListener.NONE, start, end, buffer, clean)) {
      S result = body.read(r, rejects);
      if (r.readBuffer().length <= CsvReader.READ_BUFFER) {
        // nothing read from the split points into it: rejects copy, batches copy or lent their text only
        // to the body, which is done with them (CsvReader#lendText)
        BUFFERS.set(r.readBuffer());
      }
      return new Part<>(start, r.position(), r.linesConsumed(), r.stats(), rejects, result, null);
    } catch (RuntimeException e) {
      return new Part<>(start, -1, 0, null, rejects, null, e);
    }
  }

  /** The guessed first record start of the split whose nominal start is {@code from}. */
  long guessStart(long from) {
    if (from <= 0) {
      return 0;
    }
    if (from >= textSize) {
      return textSize;
    }
    byte[] buf = new byte[1 << 16];
    long p = from - 1; // a line starts at from when the byte before it ends a line
    try (InputStream in = FileSource.openTextRange(file, schema.layout(), p)) {
      while (true) {
        int n = in.read(buf);
        if (n <= 0) {
          return textSize;
        }
        for (int i = 0; i < n; i++) {
          if (buf[i] == '\n') {
            return p + i + 1;
          }
        }
        p += n;
      }
    } catch (IOException e) {
      throw Errors.io(file, e);
    }
  }

  /** The rejects of a checked split, moved from split lines to file lines, in order, to {@code sink}. */
  void emit(List<Reject> rejects, int from, int to, long firstLine, RejectSink sink) {
    for (int i = from; i < to; i++) {
      sink.accept(shift(rejects.get(i), firstLine - 1));
    }
  }

  /** Moves a split's reject to its file line: the line and the "file:line:" prefix of the reason. */
  Reject shift(Reject r, long delta) {
    if (delta == 0) {
      return r;
    }
    String prefix = displayName + ":" + r.line() + ":";
    long line = r.line() + delta;
    String reason = r.reason().startsWith(prefix)
        ? displayName + ":" + line + ":" + r.reason().substring(prefix.length()) : r.reason();
    Matcher m = OPENED_ON_LINE.matcher(reason); // the tokenizer's unterminated-quote message names a line too
    if (m.find()) {
      reason = reason.substring(0, m.start(1)) + (Long.parseLong(m.group(1)) + delta) + reason.substring(m.end(1));
    }
    return new Reject(r.file(), line, r.byteOffset(), r.column(), r.value(), r.rawRecord(), reason);
  }

  /**
   * Splits read in parallel, handed out checked and in file order. At most {@code window} splits
   * are read ahead of the one being consumed, which bounds memory.
   */
  final class Ordered<S> implements AutoCloseable {
    private final int[] projection;
    private final Body<S> body;
    private final long[] borders;
    private final int window;
    private final List<Future<Part<S>>> futures = new ArrayList<>();
    private int nextToSubmit;
    private int nextToTake;
    private long expectedStart;
    private long nextLine = 1;
    private final long[] totals = new long[3];
    private boolean closed; // closed before the last split

    Ordered(int[] projection, long splitSize, int window, Body<S> body) {
      this.projection = projection;
      this.body = body;
      this.borders = borders(splitSize);
      this.window = Math.max(1, window);
      ReadMetrics.scanOpened();
      fillWindow();
    }

    private void fillWindow() {
      while (nextToSubmit < borders.length - 1 && nextToSubmit < nextToTake + window) {
        int i = nextToSubmit++;
        long from = borders[i];
        long to = borders[i + 1];
        futures.add(ScanThreads.submit(() -> read(guessStart(from), to, projection, body)));
      }
    }

    /** The next split, checked, or null after the last; {@code firstLine} of it is {@link #firstLine()}. */
    Part<S> next() {
      if (nextToTake >= borders.length - 1) {
        return null;
      }
      int i = nextToTake;
      Part<S> p = await(futures.get(i));
      futures.set(i, null);
      if (p.start() != expectedStart) {
        p = read(expectedStart, borders[i + 1], projection, body); // a wrong guess: read it again
      }
      if (p.error() != null) {
        close();
        throw p.error();
      }
      nextToTake++;
      fillWindow();
      firstLine = nextLine;
      nextLine += p.lines();
      expectedStart = p.end();
      totals[0] += p.stats().recordsRead();
      totals[1] += p.stats().rowsReturned();
      totals[2] += p.stats().rowsRejected();
      return p;
    }

    private long firstLine = 1;

    /** File line of line 1 of the split last returned by {@link #next()}. */
    long firstLine() {
      return firstLine;
    }

    ScanStats stats() {
      return new ScanStats(totals[0], totals[1], totals[2]);
    }

    /** Whether every split was handed out by {@link #next()}, none skipped by {@link #close()}. */
    boolean complete() {
      return !closed && nextToTake >= borders.length - 1;
    }

    @Override
    public void close() {
      closed |= nextToTake < borders.length - 1;
      for (Future<Part<S>> f : futures) {
        if (f != null) {
          f.cancel(false);
        }
      }
      nextToTake = borders.length - 1;
    }

    private Part<S> await(Future<Part<S>> f) {
      try {
        return f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        close();
        throw new DsapException(io.dsap.engine.error.ErrorCode.IO_ERROR, "the scan of " + displayName
            + " was interrupted");
      } catch (ExecutionException e) {
        close();
        throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
      }
    }
  }
}
