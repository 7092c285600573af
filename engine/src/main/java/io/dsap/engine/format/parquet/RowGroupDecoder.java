package io.dsap.engine.format.parquet;

import io.dsap.engine.batch.Batch;
import io.dsap.engine.batch.ColumnVector;
import io.dsap.engine.batch.StringVector;
import io.dsap.engine.error.DsapException;
import io.dsap.engine.error.Errors;
import io.dsap.engine.format.ProgressListener;
import io.dsap.engine.source.ReadMetrics;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Decodes the projected columns of a Parquet file, row group by row group, into batches. Flat
 * columns of the common types are decoded page by page ({@link PageDecoder}); other flat columns
 * go through parquet-column's {@link ColumnReader} straight into primitive vectors (no record
 * assembly); nested columns are assembled as records and rendered as JSON. Only the
 * projected column chunks are read from disk: when every projected column is page-decoded, its
 * chunks are read straight from the file ({@link DirectChunkPages}), else through parquet-hadoop. With no column projected (count(*)), the row
 * counts come from the footer and no data is read. Single-threaded; see
 * {@link PrefetchingBatchReader} for decoding ahead.
 */
final class RowGroupDecoder implements AutoCloseable {
  private final Path file;
  private final String displayName;
  private final ParquetMetadata footer;
  private final List<ColumnSpecAt> flat = new ArrayList<>();
  private final List<ColumnSpecAt> nested = new ArrayList<>();
  private final io.dsap.engine.types.ColumnSpec[] projected;
  private final MessageType flatSchema;
  private final MessageType nestedSchema;
  private final NestedJson json;
  private final ProgressListener progress;
  private final LongAdder bytes = new LongAdder();
  private final long fileSize;
  private final String createdBy;
  private ParquetFileReader reader;
  private final int firstGroup; // row groups [firstGroup, endGroup) are decoded
  private final int endGroup;
  private int rowGroup;
  private long rowsLeftInGroup;
  private long groupFirstRow;
  private long groupStart;
  private long rowsRead;
  private ColumnReader[] flatReaders;
  private PageDecoder[] pageDecoders; // per flat column: null when it goes through its ColumnReader
  private boolean pageDecoding = pageDecodingEnabled();
  private boolean directChunks = directChunksEnabled();
  private ChunkBuffers buffers = new ChunkBuffers();
  private FileChannel channel; // the file, when chunks are read without parquet-hadoop
  private int directChunksRead;
  private int pageDecodedChunks;
  private RecordReader<Group> records;
  private boolean done;

  /** A projected column: where it goes in the batch and how it is decoded. */
  private static final class ColumnSpecAt {
    final int vector;
    final String name;
    ParquetLeaf leaf; // flat only
    ColumnDescriptor descriptor; // flat only
    int maxDefinition;
    int nestedIndex; // nested only: index in nestedSchema

    ColumnSpecAt(int vector, String name) {
      this.vector = vector;
      this.name = name;
    }
  }

  RowGroupDecoder(Path file, String displayName, ParquetMetadata footer, List<ParquetColumn> columns,
      int[] projection, boolean binaryAsString, ProgressListener progress) {
    this(file, displayName, footer, columns, projection, binaryAsString, progress, 0, footer.getBlocks().size());
  }

  /** A decoder of the row groups {@code [firstGroup, endGroup)} only (one part of a parallel scan). */
  RowGroupDecoder(Path file, String displayName, ParquetMetadata footer, List<ParquetColumn> columns,
      int[] projection, boolean binaryAsString, ProgressListener progress, int firstGroup, int endGroup) {
    this.firstGroup = firstGroup;
    this.endGroup = endGroup;
    this.rowGroup = firstGroup - 1;
    for (int g = 0; g < firstGroup; g++) {
      groupFirstRow += footer.getBlocks().get(g).getRowCount();
    }
    this.file = file;
    this.displayName = displayName;
    this.footer = footer;
    this.progress = progress;
    this.fileSize = file.toFile().length();
    this.createdBy = footer.getFileMetaData().getCreatedBy();
    this.projected = new io.dsap.engine.types.ColumnSpec[projection.length];
    List<Type> flatFields = new ArrayList<>();
    List<Type> nestedFields = new ArrayList<>();
    for (int k = 0; k < projection.length; k++) {
      ParquetColumn c = columns.get(projection[k]);
      projected[k] = c.spec();
      ColumnSpecAt at = new ColumnSpecAt(k, c.field().getName());
      if (c.flat()) {
        at.leaf = ParquetLeaves.of(c.field().asPrimitiveType(), binaryAsString); // per scan: leaves keep buffers
        flat.add(at);
        flatFields.add(c.field());
      } else {
        at.nestedIndex = nestedFields.size();
        nested.add(at);
        nestedFields.add(c.field());
      }
    }
    this.flatSchema = new MessageType("flat", flatFields);
    this.nestedSchema = new MessageType("nested", nestedFields);
    for (ColumnSpecAt at : flat) {
      at.descriptor = flatSchema.getColumnDescription(new String[] {at.name});
      at.maxDefinition = at.descriptor.getMaxDefinitionLevel();
    }
    this.json = nested.isEmpty() ? null : new NestedJson(binaryAsString);
  }

  /**
   * Whether a batch states its rows' provenance once (row numbers are consecutive) rather than per
   * row; {@code -Ddsap.parquet.sequentialProvenance=false} turns it off (benchmarks).
   */
  private static final boolean SEQUENTIAL_PROVENANCE =
      !"false".equals(System.getProperty("dsap.parquet.sequentialProvenance"));

  /** Whether flat columns are decoded page by page; {@code -Ddsap.parquet.pages=false} turns it off (benchmarks). */
  static boolean pageDecodingEnabled() {
    return !"false".equals(System.getProperty("dsap.parquet.pages"));
  }

  /**
   * Whether page-decoded chunks are read straight from the file ({@link DirectChunkPages}) rather
   * than through parquet-hadoop's reader; {@code -Ddsap.parquet.direct=false} turns it off.
   */
  static boolean directChunksEnabled() {
    return !"false".equals(System.getProperty("dsap.parquet.direct"));
  }

  /** This decoder, reading every flat column through a {@link ColumnReader} (tests compare both paths). */
  RowGroupDecoder columnReadersOnly() {
    pageDecoding = false;
    return this;
  }

  /** This decoder, reading page-decoded chunks through parquet-hadoop's page reader (tests compare both paths). */
  RowGroupDecoder parquetHadoopPages() {
    directChunks = false;
    return this;
  }

  /** This decoder, reusing {@code b} (owned by this decoder until it is closed) for the chunks it reads. */
  RowGroupDecoder withBuffers(ChunkBuffers b) {
    buffers = b;
    return this;
  }

  /** A batch shaped for this decoder's columns. */
  Batch newBatch(int capacity) {
    ColumnVector[] vectors = new ColumnVector[projected.length];
    for (int k = 0; k < projected.length; k++) {
      vectors[k] = ColumnVector.of(projected[k], capacity);
    }
    return new Batch(vectors, capacity);
  }

  /** Fills {@code batch} with the next rows (never across a row group); false at the end. */
  boolean fill(Batch batch) {
    batch.reset();
    if (done) {
      return false;
    }
    while (rowsLeftInGroup == 0) {
      if (!nextRowGroup()) {
        done = true;
        return false;
      }
    }
    int n = (int) Math.min(batch.capacity(), rowsLeftInGroup);
    String column = null;
    try {
      for (int j = 0; j < flat.size(); j++) {
        ColumnSpecAt c = flat.get(j);
        column = c.name;
        if (pageDecoders[j] != null) {
          pageDecoders[j].read(batch.column(c.vector), n);
        } else {
          decodeFlat(flatReaders[j], c, batch.column(c.vector), n);
        }
      }
      column = null;
      for (int r = 0; r < n && records != null; r++) {
        Group g = records.read();
        for (ColumnSpecAt c : nested) {
          String text = json.render(g, c.nestedIndex);
          if (text == null) {
            batch.column(c.vector).setNull(r);
          } else {
            ((StringVector) batch.column(c.vector)).set(r, text);
          }
        }
      }
    } catch (DsapException e) {
      throw e;
    } catch (RuntimeException e) {
      throw ParquetFiles.badData(displayName, rowGroup, footer.getBlocks().size(), groupFirstRow, column, e);
    }
    long first = groupFirstRow + (footer.getBlocks().get(rowGroup).getRowCount() - rowsLeftInGroup);
    if (SEQUENTIAL_PROVENANCE) {
      batch.setSequentialProvenance(first + 1, groupStart); // "line" of a Parquet row: its 1-based row number
    } else {
      for (int r = 0; r < n; r++) {
        batch.setProvenance(r, first + r + 1, groupStart);
      }
    }
    batch.setRowCount(n);
    rowsLeftInGroup -= n;
    rowsRead += n;
    progress.progress(reader == null && channel == null ? 0 : Math.min(bytes.sum(), fileSize), rowsRead, fileSize);
    return true;
  }

  /** The hot loop: {@code n} values of one column, nulls from the definition level. */
  private static void decodeFlat(ColumnReader in, ColumnSpecAt c, ColumnVector v, int n) {
    ParquetLeaf leaf = c.leaf;
    int max = c.maxDefinition;
    for (int r = 0; r < n; r++) {
      if (in.getCurrentDefinitionLevel() == max) {
        leaf.decode(in, v, r);
      } else {
        v.setNull(r);
      }
      in.consume();
    }
  }

  /** Moves to the next row group; false when there is none. */
  private boolean nextRowGroup() {
    List<BlockMetaData> blocks = footer.getBlocks();
    if (rowGroup + 1 >= endGroup) {
      return false;
    }
    if (rowGroup >= firstGroup) {
      groupFirstRow += blocks.get(rowGroup).getRowCount();
    }
    rowGroup++;
    BlockMetaData block = blocks.get(rowGroup);
    groupStart = block.getStartingPos();
    rowsLeftInGroup = block.getRowCount();
    if (projected.length == 0) {
      return true; // counting: the footer knows
    }
    try {
      if (readsDirectly(block)) {
        readDirectly(block);
        return true;
      }
      if (reader == null) {
        open();
      }
      PageReadStore pages = reader.readNextRowGroup();
      if (pages == null) {
        throw new IOException("row group " + (rowGroup + 1) + " announced by the footer is missing");
      }
      rowsLeftInGroup = pages.getRowCount();
      if (!flat.isEmpty()) {
        ColumnReadStoreImpl store = null;
        flatReaders = new ColumnReader[flat.size()];
        pageDecoders = new PageDecoder[flat.size()];
        for (int j = 0; j < flat.size(); j++) {
          ColumnSpecAt c = flat.get(j);
          if (pageDecoding && PageDecoder.supports(c.descriptor, c.leaf)) {
            pageDecoders[j] = new PageDecoder(c.descriptor, c.leaf, new ReaderChunkPages(pages.getPageReader(c.descriptor)));
            pageDecodedChunks++;
            continue;
          }
          if (store == null) {
            store = new ColumnReadStoreImpl(pages, new NoOpGroup(flatSchema.getFieldCount()), flatSchema, createdBy);
          }
          flatReaders[j] = store.getColumnReader(c.descriptor);
        }
      }
      if (!nested.isEmpty()) {
        MessageColumnIO io = new ColumnIOFactory(createdBy).getColumnIO(nestedSchema, footer.getFileMetaData().getSchema());
        records = io.getRecordReader(pages, new GroupRecordConverter(nestedSchema));
      }
    } catch (NoSuchFileException e) {
      throw Errors.io(file, e);
    } catch (IOException | RuntimeException e) {
      if (e instanceof DsapException d) {
        throw d;
      }
      throw ParquetFiles.badData(displayName, rowGroup, blocks.size(), groupFirstRow, null, e);
    }
    return true;
  }

  /**
   * Whether the chunks of {@code block} are read without parquet-hadoop: every projected column is
   * flat and page-decoded, and every chunk's codec is one {@link DirectChunkPages} reads. Decided
   * for the first row group and kept (parquet-hadoop's reader moves through the row groups in order).
   */
  private boolean readsDirectly(BlockMetaData block) {
    if (reader != null) {
      return false;
    }
    if (channel != null) {
      return true;
    }
    if (!pageDecoding || !directChunks || flat.isEmpty() || !nested.isEmpty()) {
      return false;
    }
    for (int g = firstGroup; g < endGroup; g++) {
      for (ColumnSpecAt c : flat) {
        if (!PageDecoder.supports(c.descriptor, c.leaf)) {
          return false;
        }
        ColumnChunkMetaData chunk = chunkOf(footer.getBlocks().get(g), c);
        if (chunk == null || !DirectChunkPages.supports(chunk)) {
          return false;
        }
      }
    }
    return true;
  }

  private static ColumnChunkMetaData chunkOf(BlockMetaData block, ColumnSpecAt c) {
    String[] path = c.descriptor.getPath();
    for (ColumnChunkMetaData chunk : block.getColumns()) {
      if (java.util.Arrays.equals(chunk.getPath().toArray(), path)) {
        return chunk;
      }
    }
    return null;
  }

  private void readDirectly(BlockMetaData block) throws IOException {
    if (channel == null) {
      channel = FileChannel.open(file, StandardOpenOption.READ);
      ReadMetrics.scanOpened();
    }
    pageDecoders = new PageDecoder[flat.size()];
    flatReaders = new ColumnReader[flat.size()];
    for (int j = 0; j < flat.size(); j++) {
      ColumnSpecAt c = flat.get(j);
      ColumnChunkMetaData chunk = chunkOf(block, c);
      if (chunk == null) {
        throw new IOException("row group " + (rowGroup + 1) + " has no chunk of column " + c.name);
      }
      pageDecoders[j] = new PageDecoder(c.descriptor, c.leaf, new DirectChunkPages(channel, chunk, buffers, j, bytes));
      pageDecodedChunks++;
      directChunksRead++;
    }
  }

  private void open() throws IOException {
    CountingInputFile in = new CountingInputFile(file, bytes, false);
    reader = ParquetFileReader.open(in, footer, ParquetFiles.readOptions(), in.newStream());
    ReadMetrics.scanOpened();
    List<Type> requested = new ArrayList<>(flatSchema.getFields());
    requested.addAll(nestedSchema.getFields());
    reader.setRequestedSchema(new MessageType("requested", requested));
    for (int g = 0; g < firstGroup; g++) {
      reader.skipNextRowGroup(); // no I/O: moves past a row group this decoder does not own
    }
  }

  /** Column chunks read straight from the file so far (the rest through parquet-hadoop's reader). */
  int directChunksRead() {
    return directChunksRead;
  }

  /** Column chunks decoded page by page so far (the rest went through a ColumnReader). */
  int pageDecodedChunks() {
    return pageDecodedChunks;
  }

  long rowsRead() {
    return rowsRead;
  }

  /** Bytes read from disk by this scan (the footer not included: it was read at planning). */
  long bytesRead() {
    return bytes.sum();
  }

  @Override
  public void close() {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // closing a read-only file cannot lose data
      }
      channel = null;
    }
    if (reader != null) {
      try {
        reader.close();
      } catch (IOException ignored) {
        // closing a read-only file cannot lose data
      }
      reader = null;
    }
  }

  /** A converter tree that does nothing: values are taken from the column readers directly. */
  private static final class NoOpGroup extends GroupConverter {
    private final PrimitiveConverter primitive = new PrimitiveConverter() { };
    private final int fields;

    NoOpGroup(int fields) {
      this.fields = fields;
    }

    @Override
    public Converter getConverter(int fieldIndex) {
      if (fieldIndex >= fields) {
        throw new IndexOutOfBoundsException(fieldIndex);
      }
      return primitive;
    }

    @Override
    public void start() {
    }

    @Override
    public void end() {
    }
  }
}
