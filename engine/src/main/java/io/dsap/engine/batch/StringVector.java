package io.dsap.engine.batch;

import io.dsap.engine.types.ColumnType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * VARCHAR values as UTF-8 bytes; a {@code String} is made only when a value is read. Value
 * {@code i} is {@code data()[start(i), end(i))}.
 *
 * <p>Three modes, the same for every reader of the vector: values copied into one arena per batch
 * ({@link #set}); for a dictionary-encoded source, rows that point into a {@link StringDictionary}
 * ({@link #useDictionary}, {@link #setId}) so nothing is copied and {@link #ids()} gives each
 * row's dictionary id; or rows that point into a reader's buffer ({@link #lend}): a value set from
 * that array costs two int stores, and the batch is valid only until the reader moves the buffer.
 * Setting a value from any other array in dictionary or lent mode first copies the rows set so far
 * into the arena (a chunk whose dictionary overflowed mid-batch, a value the reader had to copy).
 */
public final class StringVector extends ColumnVector {
  private byte[] arena = new byte[1 << 12];
  private final int[] starts;
  private final int[] ends;
  private int used;
  private StringDictionary dictionary; // non-null: dictionary mode
  private int[] ids;
  private byte[] lent; // non-null: lent mode, rows point into this array
  private int lentRows; // rows [0, lentRows) may have been set in lent mode

  StringVector(int capacity) {
    super(ColumnType.VARCHAR, capacity);
    this.starts = new int[capacity];
    this.ends = new int[capacity];
  }

  @Override
  public void reset(int rows) {
    super.reset(rows);
    used = 0;
    dictionary = null;
    lent = null;
  }

  /**
   * Appends the value of {@code row}; rows must be set in order, nulls included (in lent mode any
   * order, and a row may be set again).
   */
  public void set(int row, byte[] src, int start, int end) {
    if (lent != null) {
      if (src == lent) {
        starts[row] = start;
        ends[row] = end;
        if (row >= lentRows) {
          lentRows = row + 1;
        }
        return;
      }
      copyLentRows();
    }
    if (dictionary != null) {
      copyDictionaryRows(row);
    }
    int n = end - start;
    if (used + n > arena.length) {
      arena = Arrays.copyOf(arena, Math.max(arena.length * 2, used + n));
    }
    System.arraycopy(src, start, arena, used, n);
    starts[row] = used;
    used += n;
    ends[row] = used;
  }

  /** Appends a string value; see {@link #set(int, byte[], int, int)}. */
  public void set(int row, String value) {
    byte[] b = value.getBytes(StandardCharsets.UTF_8);
    set(row, b, 0, b.length);
  }

  /**
   * Switches an empty vector (just reset) to dictionary mode: the following rows are set with
   * {@link #setId} or {@link #setNull}.
   */
  public void useDictionary(StringDictionary d) {
    dictionary = d;
    if (ids == null) {
      ids = new int[starts.length];
    }
  }

  /** Row {@code row} holds value {@code id} of the dictionary (dictionary mode only). */
  public void setId(int row, int id) {
    ids[row] = id;
  }

  /** Rows {@code [row, row + n)} hold the values {@code src[from, from + n)} of the dictionary (dictionary mode only). */
  public void setIds(int row, int[] src, int from, int n) {
    System.arraycopy(src, from, ids, row, n);
  }

  /** The dictionary the rows point into, or null when the values are copied. */
  public StringDictionary dictionary() {
    return dictionary;
  }

  /** Each row's dictionary id (dictionary mode only; a null row's id is meaningless). */
  public int[] ids() {
    return ids;
  }

  /**
   * Switches an empty vector (just reset) to lent mode: a value set from {@code source} is not
   * copied, its row points into {@code source}, which {@link #data()} then is. The caller keeps
   * {@code source}'s bytes where they are until the batch is used up: a reader lends its read
   * buffer only to a consumer that is done with a batch before it asks for the next one.
   */
  public void lend(byte[] source) {
    used = 0;
    dictionary = null;
    lent = source;
    lentRows = 0;
  }

  /** Whether rows point into a lent array ({@link #lend}): false once a value had to be copied. */
  public boolean lent() {
    return lent != null;
  }

  /**
   * Leaves lent mode: copies the rows set so far into the arena. A row that was never set (a
   * reader skipped it, and drops it later) may hold positions of an earlier batch: it is copied
   * as empty when they do not fit the lent array.
   */
  private void copyLentRows() {
    byte[] src = lent;
    lent = null;
    for (int r = 0, n = lentRows; r < n; r++) {
      int s = starts[r];
      int e = ends[r];
      if (nulls[r] || s < 0 || s > e || e > src.length) {
        starts[r] = used;
        ends[r] = used;
      } else {
        set(r, src, s, e);
      }
    }
  }

  /** Leaves dictionary mode: copies rows {@code [0, rows)} into the arena. */
  private void copyDictionaryRows(int rows) {
    StringDictionary d = dictionary;
    dictionary = null;
    byte[] src = d.data();
    for (int r = 0; r < rows; r++) {
      if (nulls[r]) {
        starts[r] = used;
        ends[r] = used;
      } else {
        int id = ids[r];
        set(r, src, d.start(id), d.end(id));
      }
    }
  }

  @Override
  public void setNull(int row) {
    super.setNull(row);
    starts[row] = used;
    ends[row] = used;
  }

  /** Moves a row's value (see {@link ColumnVector#moveRow}); the bytes stay where they are in the arena. */
  @Override
  public void moveRow(int from, int to) {
    super.moveRow(from, to);
    if (dictionary != null) {
      ids[to] = ids[from];
    } else {
      starts[to] = starts[from];
      ends[to] = ends[from];
    }
  }

  /** Drops row {@code row} and everything after it from the arena. */
  public void truncate(int row) {
    if (dictionary == null && lent == null) {
      used = row == 0 ? 0 : ends[row - 1];
    }
  }

  public byte[] data() {
    if (lent != null) {
      return lent;
    }
    return dictionary != null ? dictionary.data() : arena;
  }

  public int start(int row) {
    if (dictionary != null) { // rows keep only their id; a null row is empty
      return nulls[row] ? 0 : dictionary.start(ids[row]);
    }
    return starts[row];
  }

  public int end(int row) {
    if (dictionary != null) {
      return nulls[row] ? 0 : dictionary.end(ids[row]);
    }
    return ends[row];
  }

  @Override
  public Object get(int row) {
    if (nulls[row]) {
      return null;
    }
    int start = start(row);
    return new String(data(), start, end(row) - start, StandardCharsets.UTF_8);
  }
}
