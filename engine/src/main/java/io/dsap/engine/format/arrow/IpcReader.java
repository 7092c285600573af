package io.dsap.engine.format.arrow;

import io.dsap.engine.error.DsapException;
import io.dsap.engine.error.ErrorCode;
import io.dsap.engine.error.Errors;
import io.dsap.engine.source.ReadMetrics;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.flatbuf.Footer;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ReadChannel;
import org.apache.arrow.vector.ipc.message.ArrowBlock;
import org.apache.arrow.vector.ipc.message.ArrowFooter;
import org.apache.arrow.vector.ipc.message.ArrowMessage;
import org.apache.arrow.vector.ipc.message.MessageMetadataResult;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Reads the messages of an Arrow IPC file ({@code ARROW1} magic, random access through the
 * footer) or stream (messages one after the other), without JVM flags.
 *
 * <p>Why not Arrow's {@code ArrowFileReader}/{@code ArrowStreamReader}: on JDK 17 they read
 * message bodies through {@code ArrowBuf.nioBuffer()}, which needs
 * {@code --add-opens=java.base/java.nio=ALL-UNNAMED} and fails without it (Arrow 19:
 * "sun.misc.Unsafe or java.nio.DirectByteBuffer.<init>(long, int) not available"). A JDBC driver
 * inside DBeaver cannot set JVM flags. Here metadata is read into heap buffers (Arrow's own
 * parser) and bodies are copied from heap chunks into the {@link ArrowBuf} with
 * {@code setBytes(long, byte[], ...)}, which only needs {@code sun.misc.Unsafe} (no flag).
 */
final class IpcReader implements AutoCloseable {
  static final byte[] MAGIC = "ARROW1".getBytes(StandardCharsets.US_ASCII);
  private static final int COPY_CHUNK = 1 << 20;

  private final String displayName;
  private final FileChannel channel;
  private final boolean fileFormat;
  private final Schema schema;
  private final List<ArrowBlock> dictionaryBlocks;
  private final List<ArrowBlock> recordBlocks;
  private int nextBlock; // file format: index over dictionary blocks, then record blocks
  private long bytesRead;

  private IpcReader(Path file, String displayName, FileChannel channel) throws IOException {
    this.displayName = displayName;
    this.channel = channel;
    long size = channel.size();
    this.fileFormat = size >= 8 && startsWithMagic(channel);
    if (fileFormat) {
      ArrowFooter footer = readFooter(size);
      this.schema = footer.getSchema();
      this.dictionaryBlocks = footer.getDictionaries();
      this.recordBlocks = footer.getRecordBatches();
    } else {
      ByteBuffer head = ByteBuffer.allocate(4);
      channel.read(head, 0);
      if (new String(head.array(), StandardCharsets.US_ASCII).equals("FEA1")) {
        throw new DsapException(ErrorCode.UNSUPPORTED_FORMAT, "'" + displayName + "' is a Feather version 1 file"
            + " (magic FEA1), which dsap does not read. Save it again as Feather version 2 (Arrow IPC), e.g."
            + " pyarrow.feather.write_feather(table, path) or pandas' DataFrame.to_feather.");
      }
      channel.position(0);
      MessageMetadataResult first = readMessage();
      if (first == null || first.getMessage().headerType() != MessageHeader.Schema) {
        throw malformed("it does not start with an Arrow schema message (nor with the file magic ARROW1)", null);
      }
      this.schema = MessageSerializer.deserializeSchema(first);
      this.dictionaryBlocks = List.of();
      this.recordBlocks = List.of();
    }
  }

  /** Opens {@code file}, reading its schema (and footer for the file format). */
  static IpcReader open(Path file, String displayName) {
    FileChannel ch = null;
    try {
      ch = FileChannel.open(file);
      return new IpcReader(file, displayName, ch);
    } catch (DsapException e) {
      closeQuietly(ch);
      throw e;
    } catch (java.nio.file.NoSuchFileException | java.nio.file.AccessDeniedException e) {
      closeQuietly(ch);
      throw Errors.io(file, e);
    } catch (IOException | RuntimeException e) {
      closeQuietly(ch);
      throw malformed(displayName, "its metadata cannot be parsed", e);
    }
  }

  Schema schema() {
    return schema;
  }

  /** True for the random-access file format, false for the stream format. */
  boolean fileFormat() {
    return fileFormat;
  }

  int recordBatchCount() {
    return recordBlocks.size();
  }

  /** Rows in the file (file format): the length of every record batch, from their metadata only. */
  long countRows() {
    long rows = 0;
    try {
      for (ArrowBlock b : recordBlocks) {
        channel.position(b.getOffset());
        MessageMetadataResult m = readMessage();
        org.apache.arrow.flatbuf.RecordBatch rb = (org.apache.arrow.flatbuf.RecordBatch) m.getMessage()
            .header(new org.apache.arrow.flatbuf.RecordBatch());
        rows += rb.length();
      }
    } catch (IOException | RuntimeException e) {
      throw malformed("a record batch's metadata cannot be read", e);
    }
    return rows;
  }

  /**
   * The next dictionary or record batch, its body in {@code allocator} (the caller closes it), or
   * null at the end. File format: dictionaries first, then record batches, in footer order.
   */
  ArrowMessage next(BufferAllocator allocator) {
    try {
      if (fileFormat) {
        int all = dictionaryBlocks.size() + recordBlocks.size();
        if (nextBlock >= all) {
          return null;
        }
        ArrowBlock b = nextBlock < dictionaryBlocks.size() ? dictionaryBlocks.get(nextBlock)
            : recordBlocks.get(nextBlock - dictionaryBlocks.size());
        nextBlock++;
        channel.position(b.getOffset());
        MessageMetadataResult m = readMessage();
        channel.position(b.getOffset() + b.getMetadataLength());
        return message(m, allocator);
      }
      while (true) {
        MessageMetadataResult m = readMessage();
        if (m == null) {
          return null; // end-of-stream marker, or the end of the file
        }
        byte type = m.getMessage().headerType();
        if (type == MessageHeader.RecordBatch || type == MessageHeader.DictionaryBatch) {
          return message(m, allocator);
        }
        channel.position(channel.position() + m.getMessageBodyLength()); // skip anything else
      }
    } catch (DsapException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw malformed("a record batch cannot be read (cut short or damaged?)", e);
    }
  }

  /**
   * Arrow's message reader, after a check of the length prefix: a damaged or foreign file must
   * fail with a message, not make Arrow allocate gigabytes for a length read from garbage.
   */
  private MessageMetadataResult readMessage() throws IOException {
    long at = channel.position();
    long left = channel.size() - at;
    if (left < 4) {
      return null; // the end of a stream without end marker
    }
    ByteBuffer prefix = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    channel.read(prefix, at);
    int first = prefix.getInt(0);
    long length = first == MessageSerializer.IPC_CONTINUATION_TOKEN ? (prefix.position() >= 8 ? prefix.getInt(4) : 0)
        : first;
    if (length < 0 || length > left) {
      throw new IOException("a message at byte " + at + " claims " + length + " bytes, more than the "
          + left + " left in the file");
    }
    return MessageSerializer.readMessage(new ReadChannel(channel));
  }

  private ArrowMessage message(MessageMetadataResult m, BufferAllocator allocator) throws IOException {
    long left = channel.size() - channel.position();
    if (m.getMessageBodyLength() < 0 || m.getMessageBodyLength() > left) {
      throw new IOException("a record batch claims " + m.getMessageBodyLength() + " bytes, but the file ends "
          + left + " bytes later");
    }
    ArrowBuf body = readBody(m.getMessageBodyLength(), allocator);
    // both take over the body's reference (they release it once sliced)
    if (m.getMessage().headerType() == MessageHeader.DictionaryBatch) {
      return MessageSerializer.deserializeDictionaryBatch(m.getMessage(), body);
    }
    return MessageSerializer.deserializeRecordBatch(m.getMessage(), body);
  }

  /** Copies {@code length} bytes at the channel's position into a new buffer, via heap chunks. */
  private ArrowBuf readBody(long length, BufferAllocator allocator) throws IOException {
    ArrowBuf body = allocator.buffer(length);
    try {
      byte[] chunk = new byte[(int) Math.min(COPY_CHUNK, Math.max(length, 1))];
      long done = 0;
      while (done < length) {
        int want = (int) Math.min(chunk.length, length - done);
        ByteBuffer heap = ByteBuffer.wrap(chunk, 0, want);
        while (heap.hasRemaining()) {
          if (channel.read(heap) < 0) {
            throw new IOException("the file ends " + (length - done - heap.position())
                + " bytes before the end of a record batch");
          }
        }
        body.setBytes(done, chunk, 0, want);
        done += want;
      }
      body.writerIndex(length);
      bytesRead += length;
      ReadMetrics.scanned(length);
      return body;
    } catch (IOException | RuntimeException e) {
      body.close();
      throw e;
    }
  }

  long bytesRead() {
    return bytesRead;
  }

  private static boolean startsWithMagic(FileChannel ch) throws IOException {
    ByteBuffer head = ByteBuffer.allocate(MAGIC.length);
    ch.read(head, 0);
    return java.util.Arrays.equals(head.array(), MAGIC);
  }

  /** File layout: ARROW1, padding, the stream, the footer, its int32 length, ARROW1. */
  private ArrowFooter readFooter(long size) throws IOException {
    if (size < MAGIC.length * 2 + 2 + 4) {
      throw malformed("it is too small to hold an Arrow footer", null);
    }
    ByteBuffer tail = ByteBuffer.allocate(4 + MAGIC.length).order(ByteOrder.LITTLE_ENDIAN);
    channel.read(tail, size - tail.capacity());
    byte[] endMagic = java.util.Arrays.copyOfRange(tail.array(), 4, 4 + MAGIC.length);
    if (!java.util.Arrays.equals(endMagic, MAGIC)) {
      throw malformed("the footer is missing: the file starts with ARROW1 but does not end with it, so it was cut short"
          + " (an interrupted copy, or a writer that did not finish)", null);
    }
    int footerLength = tail.getInt(0);
    long footerStart = size - tail.capacity() - footerLength;
    if (footerLength <= 0 || footerStart < MAGIC.length) {
      throw malformed("the footer length " + footerLength + " does not fit the file", null);
    }
    ByteBuffer footer = ByteBuffer.allocate(footerLength);
    channel.read(footer, footerStart);
    footer.flip();
    ReadMetrics.sampled(footerLength + tail.capacity());
    return new ArrowFooter(Footer.getRootAsFooter(footer));
  }

  DsapException malformed(String what, Throwable cause) {
    return malformed(displayName, what, cause);
  }

  static DsapException malformed(String displayName, String what, Throwable cause) {
    String detail = cause == null ? "" : " (" + (cause.getMessage() == null ? cause.getClass().getSimpleName()
        : cause.getMessage()) + ")";
    return new DsapException(ErrorCode.MALFORMED_DATA, "'" + displayName + "' cannot be read as Arrow IPC: " + what
        + detail + ". Expected an Arrow IPC file (starting with ARROW1) or stream. Write or copy the file again;"
        + " if it is not Arrow, rename it or read it with read_file(path, format => '...').", cause);
  }

  private static void closeQuietly(FileChannel ch) {
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException ignored) {
        // read-only
      }
    }
  }

  @Override
  public void close() {
    closeQuietly(channel);
  }
}
