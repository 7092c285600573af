package io.dsap.engine.format.parquet;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.concurrent.atomic.LongAdder;
import java.util.zip.GZIPInputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.format.DataPageHeader;
import org.apache.parquet.format.DataPageHeaderV2;
import org.apache.parquet.format.DictionaryPageHeader;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.PageType;
import org.apache.parquet.format.Util;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * The pages of one column chunk read straight from the file: the chunk in one positional read into
 * a reused array, the page headers parsed with parquet-format's Thrift structures, each page
 * decompressed into a reused array (snappy-java's array API; gzip with the JDK) or, uncompressed,
 * used where it lies. No Hadoop codec, stream or direct buffer is involved, and nothing is
 * allocated per page but the header. Other codecs and encrypted chunks go through parquet-hadoop
 * ({@link ReaderChunkPages}); see {@link #supports}.
 */
final class DirectChunkPages implements ChunkPages {
  /** Chunks larger than this are left to parquet-hadoop (arrays stop at 2 GB). */
  private static final long MAX_CHUNK = 1L << 30;

  private final CompressionCodecName codec;
  private final ChunkBuffers buffers;
  private final int slot;
  private final byte[] chunk;
  private final int end;
  private final Headers headers;
  private int pos;
  private PageHeader pending; // the first data page's header, read while looking for a dictionary

  /** Whether {@code chunk} can be read this way. */
  static boolean supports(ColumnChunkMetaData chunk) {
    if (chunk.isEncrypted() || chunk.getTotalSize() > MAX_CHUNK || chunk.getTotalSize() < 0) {
      return false;
    }
    return switch (chunk.getCodec()) {
      case UNCOMPRESSED, SNAPPY, GZIP -> true;
      default -> false;
    };
  }

  /** Reads the chunk described by {@code meta} from {@code file}; counts the bytes read in {@code bytes}. */
  DirectChunkPages(FileChannel file, ColumnChunkMetaData meta, ChunkBuffers buffers, int slot, LongAdder bytes)
      throws IOException {
    this.codec = meta.getCodec();
    this.buffers = buffers;
    this.slot = slot;
    int size = (int) meta.getTotalSize();
    this.chunk = buffers.chunk(slot, size);
    long start = meta.getStartingPos();
    ByteBuffer into = ByteBuffer.wrap(chunk, 0, size);
    while (into.hasRemaining()) {
      int n = file.read(into, start + into.position());
      if (n < 0) {
        throw new EOFException("the column chunk at byte " + start + " (" + size + " bytes) runs past the end of the"
            + " file");
      }
    }
    bytes.add(size);
    io.dsap.engine.source.ReadMetrics.scanned(size);
    this.end = size;
    this.headers = new Headers(chunk, size);
  }

  @Override
  public DictionaryPage readDictionaryPage() {
    PageHeader h = header();
    if (h == null) {
      return null;
    }
    if (h.getType() != PageType.DICTIONARY_PAGE) {
      pending = h;
      return null;
    }
    DictionaryPageHeader d = h.getDictionary_page_header();
    if (d == null) {
      throw new IllegalStateException("a dictionary page without its header");
    }
    int size = h.getUncompressed_page_size();
    int at = pos;
    byte[] b = body(h, 0);
    int from = b == chunk ? at : 0;
    return new DictionaryPage(BytesInput.from(b, from, size), size, d.getNum_values(), encoding(d.getEncoding()));
  }

  @Override
  public boolean next(Page page) {
    while (true) {
      PageHeader h = header();
      if (h == null) {
        return false;
      }
      switch (h.getType()) {
        case DATA_PAGE -> {
          DataPageHeader d = h.getData_page_header();
          if (d == null) {
            throw new IllegalStateException("a data page without its header");
          }
          int at = pos;
          byte[] b = body(h, 0);
          page.v2 = false;
          page.values = d.getNum_values();
          page.valueEncoding = encoding(d.getEncoding());
          page.levelEncoding = encoding(d.getDefinition_level_encoding());
          page.data = b;
          page.from = b == chunk ? at : 0;
          page.to = page.from + h.getUncompressed_page_size();
          return true;
        }
        case DATA_PAGE_V2 -> {
          DataPageHeaderV2 d = h.getData_page_header_v2();
          if (d == null) {
            throw new IllegalStateException("a v2 data page without its header");
          }
          int rl = d.getRepetition_levels_byte_length();
          int dl = d.getDefinition_levels_byte_length();
          int at = pos;
          if (rl < 0 || dl < 0 || rl + dl > h.getCompressed_page_size() || rl + dl > h.getUncompressed_page_size()) {
            throw new IllegalStateException("v2 page levels of " + (rl + dl) + " bytes do not fit their page");
          }
          // levels are never compressed; the values are unless the header says otherwise
          boolean compressed = !d.isSetIs_compressed() || d.isIs_compressed();
          byte[] b = body(h, rl + dl, compressed);
          page.v2 = true;
          page.values = d.getNum_values();
          page.valueEncoding = encoding(d.getEncoding());
          page.levels = chunk;
          page.levelsFrom = at + rl;
          page.levelsTo = at + rl + dl;
          page.data = b;
          page.from = b == chunk ? at + rl + dl : 0;
          page.to = page.from + h.getUncompressed_page_size() - rl - dl;
          return true;
        }
        case DICTIONARY_PAGE -> throw new IllegalStateException("a second dictionary page in one column chunk");
        default -> skip(h); // index pages
      }
    }
  }

  private static Encoding encoding(org.apache.parquet.format.Encoding e) {
    if (e == null) {
      throw new IllegalStateException("a page header without an encoding");
    }
    return Encoding.valueOf(e.name());
  }

  /** The next page header, or null at the end of the chunk. */
  private PageHeader header() {
    if (pending != null) {
      PageHeader h = pending;
      pending = null;
      return h;
    }
    if (pos >= end) {
      return null;
    }
    try {
      headers.at(pos);
      PageHeader h = Util.readPageHeader(headers);
      pos = headers.position();
      if (h.getCompressed_page_size() < 0 || h.getUncompressed_page_size() < 0
          || h.getCompressed_page_size() > end - pos) {
        throw new IllegalStateException("a page of " + h.getCompressed_page_size() + " bytes runs past its column"
            + " chunk (" + (end - pos) + " bytes left)");
      }
      return h;
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable page header at byte " + pos + " of the column chunk", e);
    }
  }

  private void skip(PageHeader h) {
    pos += h.getCompressed_page_size();
  }

  private byte[] body(PageHeader h, int plainPrefix) {
    return body(h, plainPrefix, true);
  }

  /**
   * The page's bytes after its first {@code plainPrefix} (which are stored as they are): the chunk
   * itself when nothing is compressed, else the slot's page buffer from 0. Moves past the page.
   */
  private byte[] body(PageHeader h, int plainPrefix, boolean compressed) {
    int from = pos + plainPrefix;
    int length = h.getCompressed_page_size() - plainPrefix;
    int size = h.getUncompressed_page_size() - plainPrefix;
    pos += h.getCompressed_page_size();
    if (codec == CompressionCodecName.UNCOMPRESSED || !compressed) {
      if (length != size) {
        throw new IllegalStateException("an uncompressed page of " + length + " bytes claims " + size);
      }
      return chunk;
    }
    byte[] out = buffers.page(slot, size);
    if (size == 0) {
      return out;
    }
    try {
      if (codec == CompressionCodecName.SNAPPY) {
        // the native decoder trusts the length in the data: check it against the header and the buffer first
        int claimed = Snappy.uncompressedLength(chunk, from, length);
        if (claimed != size) {
          throw new IllegalStateException("a snappy page claims " + claimed + " bytes, its header " + size);
        }
        Snappy.uncompress(chunk, from, length, out, 0);
      } else {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(chunk, from, length), 8192)) {
          int n = in.readNBytes(out, 0, size);
          if (n != size) {
            throw new IllegalStateException("a gzip page holds " + n + " bytes, its header says " + size);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("a " + codec + " page cannot be decompressed: " + e.getMessage(), e);
    }
    return out;
  }

  /** The chunk as a stream for the Thrift header reader, positioned anywhere. */
  private static final class Headers extends ByteArrayInputStream {
    Headers(byte[] chunk, int size) {
      super(chunk, 0, size);
    }

    void at(int position) {
      pos = position;
    }

    int position() {
      return pos;
    }
  }
}
