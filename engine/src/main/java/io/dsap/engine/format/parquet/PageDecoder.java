package io.dsap.engine.format.parquet;

import io.dsap.engine.batch.ColumnVector;
import io.dsap.engine.batch.DoubleVector;
import io.dsap.engine.batch.LongVector;
import io.dsap.engine.batch.StringDictionary;
import io.dsap.engine.batch.StringVector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ValuesType;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * One flat column chunk decoded page by page into vectors, without parquet-column's per-value
 * {@code ColumnReader}: definition levels and dictionary ids are decoded in bulk, a batch at a time
 * ({@link HybridDecoder}; a page without nulls skips its levels), PLAIN numbers are read little-endian straight from the page, and
 * dictionary-encoded text stays as ids into the chunk's {@link StringDictionary} (a
 * {@link StringVector} in dictionary mode), so no string is copied per row.
 *
 * <p>Pages come decompressed from {@link ChunkPages}: read straight from the file, or from
 * parquet-hadoop's page reader (v1 and v2). Value
 * encodings other than PLAIN and dictionary (DELTA_*, BYTE_STREAM_SPLIT, ...) are read with
 * parquet-column's values reader for that page; a chunk whose dictionary overflowed to PLAIN
 * mid-way is just a run of dictionary pages followed by PLAIN pages.
 */
final class PageDecoder {
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle DOUBLE = MethodHandles.byteArrayViewVarHandle(double[].class,
      ByteOrder.LITTLE_ENDIAN);

  private enum Mode { DICTIONARY, PLAIN, OTHER }

  private final ColumnDescriptor descriptor;
  private final ParquetLeaf leaf;
  private final ParquetLeaf.Pages kind;
  private final ChunkPages pages;
  private final ChunkPages.Page page = new ChunkPages.Page();
  private final int maxDefinition;
  private final HybridDecoder levelDecoder = new HybridDecoder();
  private final HybridDecoder idDecoder = new HybridDecoder();

  // the chunk's dictionary, decoded once (at most one of these is set)
  private long[] longDictionary;
  private double[] doubleDictionary;
  private StringDictionary stringDictionary;
  private boolean hasDictionary;

  // the current page
  private int pageRows;
  private int pageRow;
  private boolean allDefined; // the page has no null: levels are not decoded
  private ValuesReader levelReader; // levels in another encoding than RLE (BIT_PACKED), else null
  private int[] levels = new int[0]; // per read: the definition level of each row, unless allDefined
  private Mode mode;
  private int[] ids = new int[0]; // DICTIONARY, per read: the ids of the non-null values
  private int idPos;
  private byte[] plain; // PLAIN: the page, values from plainPos on
  private int plainPos;
  private int plainEnd;
  private ValuesReader other; // OTHER

  /** Whether {@code leaf} of {@code descriptor} can be decoded page by page. */
  static boolean supports(ColumnDescriptor descriptor, ParquetLeaf leaf) {
    ParquetLeaf.Pages k = leaf.pages();
    if (k == null || descriptor.getMaxRepetitionLevel() != 0 || descriptor.getMaxDefinitionLevel() > 1) {
      return false;
    }
    PrimitiveTypeName p = descriptor.getPrimitiveType().getPrimitiveTypeName();
    return switch (k) {
      case INT32 -> p == PrimitiveTypeName.INT32;
      case INT64 -> p == PrimitiveTypeName.INT64;
      case DOUBLE -> p == PrimitiveTypeName.DOUBLE;
      case STRING -> p == PrimitiveTypeName.BINARY;
    };
  }

  PageDecoder(ColumnDescriptor descriptor, ParquetLeaf leaf, ChunkPages pages) {
    this.descriptor = descriptor;
    this.leaf = leaf;
    this.kind = leaf.pages();
    this.pages = pages;
    this.maxDefinition = descriptor.getMaxDefinitionLevel();
    DictionaryPage d = pages.readDictionaryPage();
    if (d != null) {
      readDictionary(d);
    }
  }

  private void readDictionary(DictionaryPage page) {
    Dictionary d;
    try {
      d = page.getEncoding().initDictionary(descriptor, page);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int n = d.getMaxId() + 1;
    switch (kind) {
      case INT32 -> {
        longDictionary = new long[n];
        for (int i = 0; i < n; i++) {
          longDictionary[i] = leaf.adjust(d.decodeToInt(i));
        }
      }
      case INT64 -> {
        longDictionary = new long[n];
        for (int i = 0; i < n; i++) {
          longDictionary[i] = leaf.adjust(d.decodeToLong(i));
        }
      }
      case DOUBLE -> {
        doubleDictionary = new double[n];
        for (int i = 0; i < n; i++) {
          doubleDictionary[i] = d.decodeToDouble(i);
        }
      }
      case STRING -> {
        stringDictionary = new StringDictionary();
        for (int i = 0; i < n; i++) {
          ByteBuffer b = d.decodeToBinary(i).toByteBuffer();
          byte[] bytes = new byte[b.remaining()];
          b.duplicate().get(bytes);
          stringDictionary.add(bytes, 0, bytes.length);
        }
      }
    }
    hasDictionary = true;
  }

  /** Decodes the next {@code n} rows of the chunk into rows {@code [0, n)} of {@code v} (just reset). */
  void read(ColumnVector v, int n) {
    int row = 0;
    while (row < n) {
      if (pageRow == pageRows) {
        nextPage();
        continue;
      }
      int m = Math.min(n - row, pageRows - pageRow);
      decodeLevelsAndIds(m);
      switch (kind) {
        case INT32, INT64 -> readLongs((LongVector) v, row, m);
        case DOUBLE -> readDoubles((DoubleVector) v, row, m);
        case STRING -> readStrings((StringVector) v, row, m);
      }
      row += m;
      pageRow += m;
    }
  }

  /** The definition levels of the next {@code m} rows of the page, and the ids of their values. */
  private void decodeLevelsAndIds(int m) {
    int values = m;
    if (!allDefined) {
      if (levels.length < m) {
        levels = new int[Math.max(m, 2 * levels.length)];
      }
      if (levelReader != null) {
        for (int i = 0; i < m; i++) {
          levels[i] = levelReader.readInteger();
        }
      } else {
        levelDecoder.read(levels, 0, m);
      }
      values = 0;
      for (int i = 0; i < m; i++) {
        values += levels[i] == maxDefinition ? 1 : 0;
      }
    }
    if (mode == Mode.DICTIONARY) {
      if (ids.length < values) {
        ids = new int[Math.max(values, 2 * ids.length)];
      }
      idDecoder.read(ids, 0, values);
      idPos = 0;
    }
  }

  private void readLongs(LongVector v, int row, int m) {
    long[] out = v.values();
    int[] lv = levels;
    int max = maxDefinition;
    boolean all = allDefined;
    switch (mode) {
      case DICTIONARY -> {
        long[] dict = longDictionary;
        int[] id = ids;
        int p = idPos;
        if (all) {
          for (int i = 0; i < m; i++) {
            out[row + i] = dict[id[p + i]];
          }
          idPos = p + m;
          return;
        }
        for (int i = 0; i < m; i++) {
          if (lv[i] == max) {
            out[row + i] = dict[id[p++]];
          } else {
            v.setNull(row + i);
          }
        }
        idPos = p;
        return; // dictionary values are adjusted already
      }
      case PLAIN -> {
        byte[] b = plain;
        int pos = plainPos;
        if (all && kind == ParquetLeaf.Pages.INT64) { // one bulk copy (a memcpy on little-endian machines)
          plainView(b, pos, 8 * m).asLongBuffer().get(out, row, m);
          pos += 8 * m;
        } else if (kind == ParquetLeaf.Pages.INT32) {
          for (int i = 0; i < m; i++) {
            if (all || lv[i] == max) {
              out[row + i] = (int) INT.get(b, pos);
              pos += 4;
            } else {
              v.setNull(row + i);
            }
          }
        } else {
          for (int i = 0; i < m; i++) {
            if (all || lv[i] == max) {
              out[row + i] = (long) LONG.get(b, pos);
              pos += 8;
            } else {
              v.setNull(row + i);
            }
          }
        }
        plainPos = checkedPlainEnd(pos);
      }
      default -> {
        for (int i = 0; i < m; i++) {
          if (all || lv[i] == max) {
            out[row + i] = kind == ParquetLeaf.Pages.INT32 ? other.readInteger() : other.readLong();
          } else {
            v.setNull(row + i);
          }
        }
      }
    }
    if (leaf.adjusts()) {
      for (int i = 0; i < m; i++) {
        if (all || lv[i] == max) {
          out[row + i] = leaf.adjust(out[row + i]);
        }
      }
    }
  }

  private void readDoubles(DoubleVector v, int row, int m) {
    double[] out = v.values();
    int[] lv = levels;
    int max = maxDefinition;
    boolean all = allDefined;
    switch (mode) {
      case DICTIONARY -> {
        double[] dict = doubleDictionary;
        int[] id = ids;
        int p = idPos;
        for (int i = 0; i < m; i++) {
          if (all || lv[i] == max) {
            out[row + i] = dict[id[p++]];
          } else {
            v.setNull(row + i);
          }
        }
        idPos = p;
      }
      case PLAIN -> {
        byte[] b = plain;
        int pos = plainPos;
        if (all) { // one bulk copy (a memcpy on little-endian machines)
          plainView(b, pos, 8 * m).asDoubleBuffer().get(out, row, m);
          pos += 8 * m;
        } else {
          for (int i = 0; i < m; i++) {
            if (lv[i] == max) {
              out[row + i] = (double) DOUBLE.get(b, pos);
              pos += 8;
            } else {
              v.setNull(row + i);
            }
          }
        }
        plainPos = checkedPlainEnd(pos);
      }
      default -> {
        for (int i = 0; i < m; i++) {
          if (all || lv[i] == max) {
            out[row + i] = other.readDouble();
          } else {
            v.setNull(row + i);
          }
        }
      }
    }
  }

  private void readStrings(StringVector v, int row, int m) {
    int[] lv = levels;
    int max = maxDefinition;
    boolean all = allDefined;
    switch (mode) {
      case DICTIONARY -> {
        StringDictionary dict = stringDictionary;
        if (row == 0) {
          v.useDictionary(dict); // the batch starts on a dictionary page: rows point into it
        }
        boolean pointing = v.dictionary() == dict;
        if (all && pointing) {
          v.setIds(row, ids, idPos, m);
          idPos += m;
          return;
        }
        for (int i = 0; i < m; i++) {
          if (!all && lv[i] != max) {
            v.setNull(row + i);
          } else if (pointing) {
            v.setId(row + i, ids[idPos++]);
          } else { // the batch started with PLAIN rows: copy
            int id = ids[idPos++];
            v.set(row + i, dict.data(), dict.start(id), dict.end(id));
          }
        }
      }
      case PLAIN -> {
        byte[] b = plain;
        int pos = plainPos;
        for (int i = 0; i < m; i++) {
          if (all || lv[i] == max) {
            int len = (int) INT.get(b, pos);
            if (len < 0 || pos + 4 + len > plainEnd) {
              throw new IllegalStateException("a PLAIN string of " + len + " bytes runs past its page");
            }
            v.set(row + i, b, pos + 4, pos + 4 + len);
            pos += 4 + len;
          } else {
            v.setNull(row + i);
          }
        }
        plainPos = checkedPlainEnd(pos);
      }
      default -> {
        for (int i = 0; i < m; i++) {
          if (all || lv[i] == max) {
            Binary bin = other.readBytes();
            byte[] bytes = bin.getBytesUnsafe();
            v.set(row + i, bytes, 0, bin.length());
          } else {
            v.setNull(row + i);
          }
        }
      }
    }
  }

  private void nextPage() {
    if (!pages.next(page)) {
      throw new IllegalStateException("the column chunk has fewer values than its row group has rows");
    }
    int rows = page.values;
    levelReader = null;
    byte[] data = page.data;
    int pos = page.from;
    int end = page.to;
    allDefined = maxDefinition == 0;
    try {
      if (maxDefinition > 0 && !page.v2) {
        pos = v1Levels(page.levelEncoding, data, pos, end, rows);
      } else if (maxDefinition > 0) {
        levelDecoder.init(page.levels, page.levelsFrom, page.levelsTo, 1);
        allDefined = levelDecoder.startsWithRun(maxDefinition, rows);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Encoding encoding = page.valueEncoding;
    if (encoding == Encoding.PLAIN_DICTIONARY || encoding == Encoding.RLE_DICTIONARY) {
      if (!hasDictionary) {
        throw new IllegalStateException("a dictionary-encoded page in a column chunk without a dictionary page");
      }
      boolean empty = pos >= end; // a page of nulls may end before the ids' bit width
      idDecoder.init(data, empty ? end : pos + 1, end, empty ? 0 : data[pos]);
      mode = Mode.DICTIONARY;
    } else if (encoding == Encoding.PLAIN) {
      plain = data;
      plainPos = pos;
      plainEnd = end;
      mode = Mode.PLAIN;
    } else {
      other = encoding.getValuesReader(descriptor, ValuesType.VALUES);
      try {
        other.initFromPage(rows, ByteBufferInputStream.wrap(ByteBuffer.wrap(data, pos, end - pos).slice()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      mode = Mode.OTHER;
    }
    pageRows = rows;
    pageRow = 0;
  }

  /** {@code b[pos, pos + length)} as a little-endian buffer, checked against the end of the page. */
  private ByteBuffer plainView(byte[] b, int pos, int length) {
    if (pos + (long) length > plainEnd) {
      throw new IllegalStateException("PLAIN values run " + (pos + (long) length - plainEnd) + " bytes past their page");
    }
    return ByteBuffer.wrap(b, pos, length).slice().order(ByteOrder.LITTLE_ENDIAN);
  }

  /** {@code pos} after reading fixed-width PLAIN values, unless they ran past the page. */
  private int checkedPlainEnd(int pos) {
    if (pos > plainEnd) {
      throw new IllegalStateException("PLAIN values run " + (pos - plainEnd) + " bytes past their page");
    }
    return pos;
  }

  /** Starts the definition levels of a v1 page in {@code data[pos, end)}; returns where the values start. */
  private int v1Levels(Encoding encoding, byte[] data, int pos, int end, int rows) throws IOException {
    if (encoding == Encoding.RLE) {
      if (pos + 4 > end) {
        throw new IllegalStateException("a data page of " + (end - pos) + " bytes has no room for its definition levels");
      }
      int len = (int) INT.get(data, pos);
      if (len < 0 || pos + 4 + len > end) {
        throw new IllegalStateException("definition levels of " + len + " bytes run past their page");
      }
      levelDecoder.init(data, pos + 4, pos + 4 + len, 1);
      allDefined = levelDecoder.startsWithRun(maxDefinition, rows);
      return pos + 4 + len;
    }
    // BIT_PACKED (deprecated) and anything else: parquet-column's reader
    ValuesReader r = encoding.getValuesReader(descriptor, ValuesType.DEFINITION_LEVEL);
    ByteBufferInputStream in = ByteBufferInputStream.wrap(ByteBuffer.wrap(data, pos, end - pos).slice());
    r.initFromPage(rows, in);
    levelReader = r;
    allDefined = false;
    return pos + (int) in.position();
  }
}
