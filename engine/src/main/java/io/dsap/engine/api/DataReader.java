package io.dsap.engine.api;

import io.dsap.engine.batch.Batch;
import io.dsap.engine.csv.ScanStats;
import io.dsap.engine.format.BatchReader;
import io.dsap.engine.format.FormatOptions;
import io.dsap.engine.format.FormatReader;
import io.dsap.engine.format.FormatRegistry;
import io.dsap.engine.format.ProgressListener;
import io.dsap.engine.format.TableSource;
import io.dsap.engine.format.TableSourceCache;
import io.dsap.engine.rejects.Reject;
import io.dsap.engine.rejects.RejectLog;
import io.dsap.engine.source.DataRoot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reading data files from Java without SQL: what a file holds, all of its rows, or its rows in
 * chunks with bounded memory. Paths are relative to the data root, as in SQL.
 *
 * <pre>{@code
 * DataReader reader = DataReader.of(Path.of("data"));
 * FileInfo info = reader.getFileInfo("orders.csv", Map.of());
 * ScanStats stats = reader.readChunked("orders.csv", Map.of(), batch -> total += batch.rowCount(),
 *     (bytes, rows, size) -> System.err.printf("%d of %d bytes%n", bytes, size));
 * }</pre>
 */
public final class DataReader {
  private static final int KEEP_REJECTS = 10_000;

  private final DataRoot root;
  private final FormatRegistry formats;

  private DataReader(DataRoot root, FormatRegistry formats) {
    this.root = root;
    this.formats = formats;
  }

  /** A reader for the files under {@code root}, with the formats on the class path. */
  public static DataReader of(Path root) {
    return new DataReader(DataRoot.of(root), FormatRegistry.defaults());
  }

  /** What detection found: format, columns, dialect and the statement that reproduces it. */
  public FileInfo getFileInfo(String path, Map<String, ?> options) {
    TableSource s = source(path, options);
    return new FileInfo(path, s.format(), s.columns(), s.describe(), s.flags(), s.readStatement(path),
        s.knownRowCount().isPresent() ? s.knownRowCount().getAsLong() : -1);
  }

  /** Every row (as JDBC-style Java values) with the counts and the first rejects; for files that fit in memory. */
  public ReadResult read(String path, Map<String, ?> options, ProgressListener progress) {
    List<Object[]> rows = new ArrayList<>();
    RejectLog rejects = new RejectLog(KEEP_REJECTS);
    TableSource s = source(path, options);
    int n = s.columns().size();
    ScanStats stats = scan(s, all(n), rejects, progress, batch -> {
      for (int r = 0; r < batch.rowCount(); r++) {
        Object[] row = new Object[n];
        for (int c = 0; c < n; c++) {
          row[c] = batch.column(c).get(r);
        }
        rows.add(row);
      }
    });
    return new ReadResult(s.columns(), rows, stats, rejects.rejects());
  }

  /**
   * Streams the file as columnar batches to {@code chunk} (a batch is reused after the call
   * returns), with every column. Memory stays bounded by one batch.
   */
  public ScanStats readChunked(String path, Map<String, ?> options, Consumer<Batch> chunk,
      Consumer<Reject> rejects, ProgressListener progress) {
    TableSource s = source(path, options);
    return scan(s, all(s.columns().size()), rejects::accept, progress, chunk);
  }

  private static ScanStats scan(TableSource s, int[] projection, io.dsap.engine.rejects.RejectSink rejects,
      ProgressListener progress, Consumer<Batch> chunk) {
    try (BatchReader r = s.open(projection, rejects, progress)) {
      for (Batch b = r.next(); b != null; b = r.next()) {
        chunk.accept(b);
      }
      return r.stats();
    }
  }

  private TableSource source(String path, Map<String, ?> options) {
    Path file = root.resolveFile(path);
    FormatOptions o = FormatOptions.of(options);
    FormatReader format = o.has("format") ? formats.byName(o.text("format")) : formats.detect(file);
    Map<String, Object> rest = new java.util.TreeMap<>(o.asMap());
    rest.remove("format");
    return TableSourceCache.get(format, file, root.relative(file), "", FormatOptions.of(rest));
  }

  private static int[] all(int n) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    return p;
  }
}
