package io.dsap.engine.batch;

import java.util.Arrays;

/**
 * The distinct values of a dictionary-encoded column chunk (Parquet), as UTF-8 bytes in one arena:
 * value {@code id} is {@code data()[start(id), end(id))}. A {@link StringVector} in dictionary mode
 * points its rows into it, so a value is never copied per row, and a consumer that knows the
 * dictionary (GROUP BY) can work on the ids. Immutable once built.
 */
public final class StringDictionary {
  private byte[] data = new byte[1 << 10];
  private int[] starts = new int[16];
  private int[] ends = new int[16];
  private int size;
  private int used;

  /** Appends the next value (its id is the number of values added before it). */
  public void add(byte[] src, int start, int end) {
    int n = end - start;
    if (used + n > data.length) {
      data = Arrays.copyOf(data, Math.max(data.length * 2, used + n));
    }
    if (size == starts.length) {
      starts = Arrays.copyOf(starts, size * 2);
      ends = Arrays.copyOf(ends, size * 2);
    }
    System.arraycopy(src, start, data, used, n);
    starts[size] = used;
    used += n;
    ends[size] = used;
    size++;
  }

  public int size() {
    return size;
  }

  public byte[] data() {
    return data;
  }

  public int start(int id) {
    return starts[id];
  }

  public int end(int id) {
    return ends[id];
  }
}
