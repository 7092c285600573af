package io.dsap.engine.format.parquet;

import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;

/**
 * The pages of one flat column chunk, decompressed, for {@link PageDecoder}: either read straight
 * from the file ({@link DirectChunkPages}) or handed over by parquet-hadoop's page reader
 * ({@link ReaderChunkPages}). A page's bytes stay valid until the next call of {@link #next}.
 */
interface ChunkPages {
  /** The chunk's dictionary page (called once, first), or null when it has none. */
  DictionaryPage readDictionaryPage();

  /** Fills {@code page} with the next data page; false when the chunk has no more. */
  boolean next(Page page);

  /** One data page: where its definition levels and values are. */
  final class Page {
    boolean v2;
    int values; // levels in the page, nulls included
    Encoding valueEncoding;
    Encoding levelEncoding; // v1 only: the encoding of the definition levels
    byte[] data; // v1: levels then values; v2: values only
    int from;
    int to;
    byte[] levels; // v2 only: the definition levels (RLE, no length prefix)
    int levelsFrom;
    int levelsTo;
  }
}
