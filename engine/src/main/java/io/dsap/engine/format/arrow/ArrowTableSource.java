package io.dsap.engine.format.arrow;

import io.dsap.engine.format.BatchReader;
import io.dsap.engine.format.ProgressListener;
import io.dsap.engine.format.TableSource;
import io.dsap.engine.rejects.RejectSink;
import io.dsap.engine.types.ColumnSpec;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** An Arrow IPC file or stream as a table: columns from its schema. */
public final class ArrowTableSource implements TableSource {
  static final int BATCH_SIZE = 8192;

  private final Path file;
  private final String displayName;
  private final boolean fileFormat;
  private final List<ArrowColumn> columns;
  private final List<ColumnSpec> specs;
  private final int recordBatches;
  private final long rows; // -1 for streams: only a scan can tell

  ArrowTableSource(Path file, String displayName, IpcReader ipc) {
    this.file = file;
    this.displayName = displayName;
    this.fileFormat = ipc.fileFormat();
    this.columns = ArrowColumn.of(ipc.schema());
    this.specs = columns.stream().map(ArrowColumn::spec).toList();
    this.recordBatches = ipc.fileFormat() ? ipc.recordBatchCount() : -1;
    this.rows = ipc.fileFormat() ? ipc.countRows() : -1;
  }

  @Override
  public List<ColumnSpec> columns() {
    return specs;
  }

  @Override
  public String format() {
    return "arrow";
  }

  @Override
  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ipc_format", fileFormat ? "file" : "stream");
    if (fileFormat) {
      m.put("record_batches", recordBatches);
    }
    return m;
  }

  @Override
  public List<String> flags() {
    return columns.stream().anyMatch(c -> !c.flat()) ? List.of("nested_as_json") : List.of();
  }

  @Override
  public OptionalLong knownRowCount() {
    return rows < 0 ? OptionalLong.empty() : OptionalLong.of(rows);
  }

  @Override
  public String readStatement(String path) {
    return "SELECT * FROM read_arrow(path => '" + path.replace("'", "''") + "')";
  }

  @Override
  public BatchReader open(int[] projection, RejectSink rejects, ProgressListener progress) {
    return new ArrowBatchReader(file, displayName, columns, projection, BATCH_SIZE, progress);
  }
}
