package io.dsap.engine.format.arrow;

import io.dsap.engine.batch.Batch;
import io.dsap.engine.batch.ColumnVector;
import io.dsap.engine.batch.StringVector;
import io.dsap.engine.csv.ScanStats;
import io.dsap.engine.error.DsapException;
import io.dsap.engine.error.ErrorCode;
import io.dsap.engine.format.BatchReader;
import io.dsap.engine.format.ProgressListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.ipc.message.ArrowDictionaryBatch;
import org.apache.arrow.vector.ipc.message.ArrowMessage;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.DictionaryUtility;

/**
 * Streams an Arrow IPC file or stream as batches: each record batch is loaded into Arrow vectors
 * (off-heap, freed when the scan closes) and its projected columns are copied into dsap vectors,
 * {@code batchSize} rows at a time. Arrow IPC stores all columns of a record batch together, so
 * every body is read whole; only projected columns are converted.
 */
final class ArrowBatchReader implements BatchReader {
  private final String displayName;
  private final int[] projection;
  private final BufferAllocator allocator;
  private final IpcReader ipc;
  private final Map<Long, Dictionary> dictionaries = new HashMap<>();
  private final VectorSchemaRoot root;
  private final VectorLoader loader;
  private final ArrowLeaf[] leaves;
  private final ArrowJson json;
  private final Batch batch;
  private final ProgressListener progress;
  private final long fileSize;
  private long countOnly = -1; // file format and no column: rows left, from metadata
  private int pos;
  private int rows;
  private long read;
  private boolean done;

  ArrowBatchReader(Path file, String displayName, List<ArrowColumn> columns, int[] projection, int batchSize,
      ProgressListener progress) {
    this.displayName = displayName;
    this.projection = projection.clone();
    this.progress = progress;
    this.fileSize = file.toFile().length();
    this.allocator = new RootAllocator();
    IpcReader opened = null;
    VectorSchemaRoot r = null;
    try {
      opened = IpcReader.open(file, displayName);
      List<Field> fields = new ArrayList<>();
      for (Field f : opened.schema().getFields()) {
        fields.add(DictionaryUtility.toMemoryFormat(f, allocator, dictionaries)); // index vectors + dictionaries
      }
      r = VectorSchemaRoot.create(new Schema(fields), allocator);
    } catch (RuntimeException e) {
      if (opened != null) {
        opened.close();
      }
      dictionaries.values().forEach(d -> d.getVector().close());
      allocator.close();
      throw e instanceof DsapException d ? d : IpcReader.malformed(displayName, "its schema cannot be loaded", e);
    }
    this.ipc = opened;
    this.root = r;
    this.loader = new VectorLoader(root, ArrowCodecs.FACTORY);
    this.leaves = new ArrowLeaf[projection.length];
    ColumnVector[] vectors = new ColumnVector[projection.length];
    for (int k = 0; k < projection.length; k++) {
      ArrowColumn c = columns.get(projection[k]);
      leaves[k] = c.flat() ? ArrowLeaves.of(c.field().getType()) : null;
      vectors[k] = ColumnVector.of(c.spec(), batchSize);
    }
    this.json = new ArrowJson(dictionaries);
    this.batch = new Batch(vectors, batchSize);
    if (projection.length == 0 && ipc.fileFormat()) {
      countOnly = ipc.countRows(); // count(*): no record batch body is read
    }
  }

  @Override
  public Batch next() {
    batch.reset();
    if (done) {
      return null;
    }
    if (countOnly >= 0) {
      int n = (int) Math.min(batch.capacity(), countOnly);
      countOnly -= n;
      done = countOnly == 0;
      read += n;
      batch.setRowCount(n);
      return n == 0 ? null : batch;
    }
    while (pos >= rows) {
      if (!loadNext()) {
        done = true;
        return null;
      }
    }
    int n = Math.min(batch.capacity(), rows - pos);
    for (int k = 0; k < projection.length; k++) {
      copyColumn(k, n);
    }
    for (int r = 0; r < n; r++) {
      batch.setProvenance(r, read + r + 1, -1); // "line" of an Arrow row: its 1-based row number
    }
    pos += n;
    read += n;
    batch.setRowCount(n);
    progress.progress(Math.min(ipc.bytesRead(), fileSize), read, fileSize);
    return batch;
  }

  private void copyColumn(int k, int n) {
    FieldVector v = root.getVector(projection[k]);
    ColumnVector out = batch.column(k);
    ArrowLeaf leaf = leaves[k];
    if (leaf == null) {
      for (int r = 0; r < n; r++) {
        int i = pos + r;
        if (v.isNull(i)) {
          out.setNull(r);
        } else {
          ((StringVector) out).set(r, json.render(v, i));
        }
      }
      return;
    }
    org.apache.arrow.vector.types.pojo.DictionaryEncoding enc = v.getField().getDictionary();
    if (enc == null) {
      for (int r = 0; r < n; r++) {
        int i = pos + r;
        if (v.isNull(i)) {
          out.setNull(r);
        } else {
          leaf.copy(v, i, out, r);
        }
      }
      return;
    }
    BaseIntVector indexes = (BaseIntVector) v;
    FieldVector values = dictionaries.get(enc.getId()).getVector();
    for (int r = 0; r < n; r++) {
      int i = pos + r;
      int j = v.isNull(i) ? -1 : (int) indexes.getValueAsLong(i);
      if (j < 0 || values.isNull(j)) {
        out.setNull(r);
      } else {
        leaf.copy(values, j, out, r);
      }
    }
  }

  /** Loads the next record batch (dictionary batches on the way are loaded too); false at the end. */
  private boolean loadNext() {
    while (true) {
      ArrowMessage m = ipc.next(allocator);
      if (m == null) {
        return false;
      }
      try {
        if (m instanceof ArrowDictionaryBatch d) {
          loadDictionary(d);
          continue;
        }
        loader.load((ArrowRecordBatch) m);
      } catch (DsapException e) {
        throw e;
      } catch (RuntimeException e) {
        throw ipc.malformed("a record batch cannot be decoded", e);
      } finally {
        close(m); // the vectors keep their own references to the buffers
      }
      rows = root.getRowCount();
      pos = 0;
      return true;
    }
  }

  private void loadDictionary(ArrowDictionaryBatch d) {
    Dictionary dict = dictionaries.get(d.getDictionaryId());
    if (dict == null) {
      throw ipc.malformed("a dictionary batch has id " + d.getDictionaryId() + ", which no field uses", null);
    }
    if (d.isDelta()) {
      throw new DsapException(ErrorCode.UNSUPPORTED_FORMAT, "'" + displayName + "' uses delta dictionary batches,"
          + " which dsap does not read. Write the file without dictionary deltas (or with plain columns).");
    }
    FieldVector values = dict.getVector();
    VectorSchemaRoot r = new VectorSchemaRoot(List.of(values.getField()), List.of(values), 0);
    new VectorLoader(r, ArrowCodecs.FACTORY).load(d.getDictionary());
  }

  private static void close(ArrowMessage m) {
    if (m instanceof ArrowDictionaryBatch d) {
      d.close();
    } else {
      ((ArrowRecordBatch) m).close();
    }
  }

  @Override
  public ScanStats stats() {
    return new ScanStats(read, read, 0); // typed values: nothing to reject
  }

  @Override
  public void close() {
    root.close();
    dictionaries.values().forEach(d -> d.getVector().close());
    ipc.close();
    allocator.close(); // throws if a buffer leaked: a bug to see, not to hide
  }

  /** Bytes of record batch bodies read by this scan (metadata not counted). */
  long bytesRead() {
    return ipc.bytesRead();
  }
}
