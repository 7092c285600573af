package io.dsap.engine.format.parquet;

import io.dsap.engine.batch.Batch;
import io.dsap.engine.batch.RowAppender;
import io.dsap.engine.error.DsapException;
import io.dsap.engine.error.ErrorCode;
import io.dsap.engine.error.Errors;
import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.types.ColumnType;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * Writes rows to a Parquet file atomically: everything goes to a hidden temporary file in the
 * target's folder, and {@link #commit()} renames it over the target in one step. Until then the
 * target is untouched; {@link #close()} without a commit (a failure, a cancelled export) deletes
 * the temporary file, so nothing partial is ever left behind.
 *
 * <pre>{@code
 * try (ParquetWriterSink sink = ParquetWriterSink.create(target, columns, ParquetWriterSink.Options.DEFAULTS)) {
 *   sink.write(batch);          // or sink.writeRow(values)
 *   sink.commit();
 * }
 * }</pre>
 *
 * Not thread-safe.
 */
public final class ParquetWriterSink implements AutoCloseable {
  /** Compression of the data pages. */
  public enum Compression { UNCOMPRESSED, SNAPPY, GZIP, ZSTD }

  /**
   * How to write.
   *
   * @param compression page compression (SNAPPY by default: fast, and read by everything)
   * @param rowGroupBytes target row group size; the writer buffers one row group in memory
   * @param pageBytes target data page size
   */
  public record Options(Compression compression, long rowGroupBytes, int pageBytes) {
    public static final Options DEFAULTS = new Options(Compression.SNAPPY, 64L << 20, 1 << 20);

    public Options {
      Objects.requireNonNull(compression, "compression is null");
    }

    public Options withRowGroupBytes(long bytes) {
      return new Options(compression, bytes, pageBytes);
    }

    public Options withCompression(Compression c) {
      return new Options(c, rowGroupBytes, pageBytes);
    }
  }

  private final Path target;
  private final Path temp;
  private final List<ColumnSpec> columns;
  private final TrackingOutputFile output;
  private final ParquetWriter<BatchWriteSupport.Row> writer;
  private final BatchWriteSupport.Row cursor = new BatchWriteSupport.Row();
  private RowAppender rows; // for writeRow, created on first use
  private long written;
  private boolean committed;
  private boolean closed;

  private ParquetWriterSink(Path target, List<ColumnSpec> columns, Options options) throws IOException {
    this.target = target.toAbsolutePath();
    this.columns = List.copyOf(columns);
    Path dir = this.target.getParent();
    // hidden (dot) name: a data folder being listed never shows it as a table
    this.temp = dir.resolve("." + this.target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    this.output = new TrackingOutputFile(new LocalOutputFile(temp));
    BatchWriteSupport support = new BatchWriteSupport(this.columns);
    this.writer = new Builder(output, support)
        .withConf(new PlainParquetConfiguration())
        .withWriteMode(ParquetFileWriter.Mode.CREATE)
        .withCompressionCodec(CompressionCodecName.valueOf(options.compression().name()))
        .withRowGroupSize(options.rowGroupBytes())
        .withPageSize(options.pageBytes())
        .withDictionaryEncoding(true)
        .build();
  }

  /**
   * Starts writing {@code columns} to {@code target} (replaced on commit if it exists). The folder
   * must exist.
   */
  public static ParquetWriterSink create(Path target, List<ColumnSpec> columns, Options options) {
    if (columns.isEmpty()) {
      throw new DsapException(ErrorCode.INVALID_OPTION, "cannot write '" + target.getFileName()
          + "' as Parquet without columns: a Parquet schema needs at least one. Select at least one column.");
    }
    Path dir = target.toAbsolutePath().getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new DsapException(ErrorCode.FILE_NOT_FOUND, "cannot write '" + target + "': folder '" + dir
          + "' does not exist. Create it first, or write to an existing folder.");
    }
    try {
      return new ParquetWriterSink(target, columns, options);
    } catch (IOException e) {
      throw Errors.io(target, e);
    }
  }

  /** The columns being written, in order. */
  public List<ColumnSpec> columns() {
    return columns;
  }

  /**
   * Appends the rows of {@code batch}, whose columns are this sink's columns in order (vector
   * types as {@link io.dsap.engine.batch.ColumnVector#of} makes them).
   */
  public void write(Batch batch) {
    checkOpen();
    if (batch.columnCount() != columns.size()) {
      throw new IllegalArgumentException("batch has " + batch.columnCount() + " columns, the file " + columns.size());
    }
    cursor.batch = batch;
    try {
      for (int r = 0; r < batch.rowCount(); r++) {
        cursor.row = r;
        writer.write(cursor);
        written++;
      }
    } catch (IOException e) {
      throw Errors.io(temp, e);
    } catch (ArithmeticException e) {
      throw new DsapException(ErrorCode.INVALID_OPTION, "cannot write row " + (written + 1) + " to '"
          + target.getFileName() + "': " + e.getMessage() + ". Cast the value to the column's type first.", e);
    }
  }

  /**
   * Appends one row of Java values: SQL's own (Integer days for DATE, Long millis for TIMESTAMP,
   * Integer millis for TIME) or JDBC/java.time ones (LocalDate, java.sql.Timestamp, BigDecimal,
   * ByteString, byte[] ...). Fails on a value that does not fit its column.
   */
  public void writeRow(Object[] values) {
    checkOpen();
    if (values.length != columns.size()) {
      throw new IllegalArgumentException("row has " + values.length + " values, the file " + columns.size() + " columns");
    }
    if (rows == null) {
      int[] all = new int[columns.size()];
      for (int c = 0; c < all.length; c++) {
        all[c] = c;
      }
      rows = new RowAppender(columns, all, 1024);
    }
    for (int c = 0; c < values.length; c++) {
      String problem = rows.value(c, javaValue(columns.get(c).type(), values[c]));
      if (problem != null) {
        rows.rollback();
        throw new DsapException(ErrorCode.INVALID_OPTION, "cannot write row " + (written + rows.rows() + 1) + " to '"
            + target.getFileName() + "': " + problem + ". Cast the value to the column's type in the query, or write"
            + " the column with a wider type.");
      }
    }
    rows.commit(-1, -1);
    if (rows.full()) {
      flushRows();
    }
  }

  private void flushRows() {
    if (rows != null && rows.rows() > 0) {
      write(rows.finish());
      rows.reset();
    }
  }

  /** SQL's internal values and JDBC types as the java.time values RowAppender takes. */
  private static Object javaValue(ColumnType type, Object v) {
    if (v == null) {
      return null;
    }
    switch (type) {
      case DATE:
        if (v instanceof Number n) {
          return LocalDate.ofEpochDay(n.longValue());
        }
        return v instanceof java.sql.Date d ? d.toLocalDate() : v;
      case TIMESTAMP:
        if (v instanceof Number n) {
          return Instant.ofEpochMilli(n.longValue());
        }
        return v instanceof java.sql.Timestamp t ? t.toLocalDateTime() : v;
      case TIME:
        if (v instanceof Number n) {
          return LocalTime.ofNanoOfDay(n.longValue() * 1_000_000L);
        }
        return v instanceof java.sql.Time t ? t.toLocalTime() : v;
      default:
        return v;
    }
  }

  /** Rows written so far. */
  public long rowsWritten() {
    return written + (rows == null ? 0 : rows.rows());
  }

  /**
   * Finishes the file (footer), forces it to disk and moves it over the target in one atomic
   * step. After a failure here the target is unchanged and the temporary file is gone.
   */
  public void commit() {
    checkOpen();
    try {
      flushRows();
      writer.close(); // writes the footer
      try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ch.force(true); // the data is on disk before the name points at it
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      committed = true;
    } catch (IOException e) {
      throw Errors.io(target, e);
    } finally {
      if (!committed) {
        abort();
      }
      closed = true;
    }
  }

  /** Without a commit: discards everything written (the target is untouched). */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      if (!committed) {
        abort();
      }
    }
  }

  private void abort() {
    output.closeQuietly(); // not writer.close(): that would write a footer
    try {
      Files.deleteIfExists(temp);
    } catch (IOException ignored) {
      // best effort; the name is hidden and unique, so a leftover never becomes a table
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the Parquet sink for '" + target + "' is closed");
    }
  }

  /** parquet-java's builder for our write support. */
  private static final class Builder extends ParquetWriter.Builder<BatchWriteSupport.Row, Builder> {
    private final BatchWriteSupport support;

    Builder(OutputFile file, BatchWriteSupport support) {
      super(file);
      this.support = support;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<BatchWriteSupport.Row> getWriteSupport(org.apache.hadoop.conf.Configuration conf) {
      return support;
    }

    @Override
    protected WriteSupport<BatchWriteSupport.Row> getWriteSupport(org.apache.parquet.conf.ParquetConfiguration conf) {
      return support;
    }
  }

  /** Keeps the stream parquet-java writes to, so an abort can close it without a footer. */
  private static final class TrackingOutputFile implements OutputFile {
    private final OutputFile file;
    private PositionOutputStream stream;

    TrackingOutputFile(OutputFile file) {
      this.file = file;
    }

    @Override
    public PositionOutputStream create(long blockSizeHint) throws IOException {
      stream = file.create(blockSizeHint);
      return stream;
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
      stream = file.createOrOverwrite(blockSizeHint);
      return stream;
    }

    @Override
    public boolean supportsBlockSize() {
      return file.supportsBlockSize();
    }

    @Override
    public long defaultBlockSize() {
      return file.defaultBlockSize();
    }

    @Override
    public String getPath() {
      return file.getPath();
    }

    void closeQuietly() {
      if (stream != null) {
        try {
          stream.close();
        } catch (IOException | RuntimeException ignored) {
          // the file is deleted next
        }
      }
    }
  }
}
