package io.dsap.engine.format.parquet;

import io.dsap.engine.batch.Batch;
import io.dsap.engine.error.DsapException;
import io.dsap.engine.error.ErrorCode;
import io.dsap.engine.format.BatchReader;
import io.dsap.engine.format.ScanThreads;
import io.dsap.engine.format.ProgressListener;
import io.dsap.engine.format.TableSource;
import io.dsap.engine.rejects.RejectSink;
import io.dsap.engine.types.ColumnSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.function.BinaryOperator;
import java.util.function.Supplier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeSet;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;

/**
 * A Parquet file as a table: columns from the footer's schema, row count from the row groups.
 * Holds the footer so scans do not read it again.
 */
public final class ParquetTableSource implements TableSource {
  /** Rows per batch: as for CSV, small enough for the cache, big enough to amortise calls. */
  static final int BATCH_SIZE = 8192;

  private final Path file;
  private final String displayName;
  private final ParquetMetadata footer;
  private final List<ParquetColumn> columns;
  private final List<ColumnSpec> specs;
  private final boolean binaryAsString;

  ParquetTableSource(Path file, String displayName, ParquetMetadata footer, boolean binaryAsString) {
    this.file = file;
    this.displayName = displayName;
    this.footer = footer;
    this.binaryAsString = binaryAsString;
    this.columns = ParquetColumn.of(footer.getFileMetaData().getSchema(), binaryAsString);
    this.specs = columns.stream().map(ParquetColumn::spec).toList();
  }

  @Override
  public List<ColumnSpec> columns() {
    return specs;
  }

  @Override
  public String format() {
    return "parquet";
  }

  @Override
  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    List<BlockMetaData> groups = footer.getBlocks();
    TreeSet<String> codecs = new TreeSet<>();
    for (BlockMetaData b : groups) {
      for (ColumnChunkMetaData c : b.getColumns()) {
        codecs.add(c.getCodec().name());
      }
    }
    m.put("row_groups", groups.size());
    m.put("compression", codecs.isEmpty() ? "none" : String.join(",", codecs));
    String createdBy = footer.getFileMetaData().getCreatedBy();
    m.put("created_by", createdBy == null ? "unknown" : createdBy);
    // one line: file_info shows details as key=value pairs
    m.put("schema", footer.getFileMetaData().getSchema().toString().replaceAll("\\s*\\n\\s*", " ").trim());
    return m;
  }

  @Override
  public List<String> flags() {
    return columns.stream().anyMatch(c -> !c.flat()) ? List.of("nested_as_json") : List.of();
  }

  @Override
  public OptionalLong knownRowCount() {
    return OptionalLong.of(footer.getBlocks().stream().mapToLong(BlockMetaData::getRowCount).sum());
  }

  @Override
  public String readStatement(String path) {
    return "SELECT * FROM read_parquet(path => '" + path.replace("'", "''") + "'"
        + (binaryAsString ? ", binary_as_string => true" : "") + ")";
  }

  /**
   * Folds the row groups in parallel: each row group is decoded into its own state on a scan thread
   * (its own file reader), and the states are merged in file order. A file of one row group, or a
   * scan of no column, is folded on the calling thread.
   */
  @Override
  public <S> S fold(int[] projection, RejectSink rejects, Supplier<S> newState, BiConsumer<S, Batch> add,
      BinaryOperator<S> merge) {
    int groups = footer.getBlocks().size();
    if (groups < 2 || projection.length == 0 || ScanThreads.threads() < 2) {
      return TableSource.super.fold(projection, rejects, newState, add, merge);
    }
    List<Future<S>> parts = new ArrayList<>();
    // buffers and batches are handed from one row group to the next: a running row group owns its set
    Queue<Scratch> scratch = new ConcurrentLinkedQueue<>();
    try {
      for (int g = 0; g < groups; g++) {
        int group = g;
        parts.add(ScanThreads.submit(() -> {
          S state = newState.get();
          Scratch mine = scratch.poll();
          try (RowGroupDecoder d = new RowGroupDecoder(file, displayName, footer, columns, projection, binaryAsString,
              ProgressListener.NONE, group, group + 1)) {
            if (mine == null) {
              mine = new Scratch(new ChunkBuffers(), d.newBatch(BATCH_SIZE));
            }
            d.withBuffers(mine.buffers());
            Batch b = mine.batch();
            while (d.fill(b)) {
              add.accept(state, b);
            }
          }
          scratch.add(mine);
          return state;
        }));
      }
      S total = null;
      for (Future<S> f : parts) {
        S s = await(f);
        total = total == null ? s : merge.apply(total, s);
      }
      return total;
    } finally {
      parts.forEach(f -> f.cancel(false));
    }
  }

  /** What one running row group of a parallel fold uses and the next one reuses. */
  private record Scratch(ChunkBuffers buffers, Batch batch) {}

  private <S> S await(Future<S> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DsapException(ErrorCode.IO_ERROR, "the scan of " + displayName + " was interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
    }
  }

  @Override
  public BatchReader open(int[] projection, RejectSink rejects, ProgressListener progress) {
    RowGroupDecoder decoder = new RowGroupDecoder(file, displayName, footer, columns, projection, binaryAsString,
        progress);
    // decoding ahead pays only when there is more than one batch to decode
    boolean ahead = PrefetchingBatchReader.enabled() && projection.length > 0
        && knownRowCount().getAsLong() > BATCH_SIZE;
    return ahead ? new PrefetchingBatchReader(decoder, displayName, BATCH_SIZE)
        : new ParquetBatchReader(decoder, BATCH_SIZE);
  }
}
