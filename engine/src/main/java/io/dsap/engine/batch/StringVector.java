package io.dsap.engine.batch;

import io.dsap.engine.types.ColumnType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * VARCHAR values as UTF-8 bytes in one arena per batch; a {@code String} is made only when a
 * value is read.
 */
public final class StringVector extends ColumnVector {
  private byte[] data = new byte[1 << 12];
  private final int[] offsets; // value i is data[offsets[i], offsets[i + 1])
  private int used;

  StringVector(int capacity) {
    super(ColumnType.VARCHAR, capacity);
    this.offsets = new int[capacity + 1];
  }

  @Override
  public void reset(int rows) {
    super.reset(rows);
    used = 0;
  }

  /** Appends the value of {@code row}; rows must be set in order, nulls included. */
  public void set(int row, byte[] src, int start, int end) {
    int n = end - start;
    if (used + n > data.length) {
      data = Arrays.copyOf(data, Math.max(data.length * 2, used + n));
    }
    System.arraycopy(src, start, data, used, n);
    offsets[row] = used;
    used += n;
    offsets[row + 1] = used;
  }

  /** Appends a string value; see {@link #set(int, byte[], int, int)}. */
  public void set(int row, String value) {
    byte[] b = value.getBytes(StandardCharsets.UTF_8);
    set(row, b, 0, b.length);
  }

  @Override
  public void setNull(int row) {
    super.setNull(row);
    offsets[row] = used;
    offsets[row + 1] = used;
  }

  /** Drops row {@code row} and everything after it from the arena. */
  public void truncate(int row) {
    used = row == 0 ? 0 : offsets[row]; // offsets[row] is the end of row - 1, written this batch
  }

  public byte[] data() {
    return data;
  }

  public int start(int row) {
    return offsets[row];
  }

  public int end(int row) {
    return offsets[row + 1];
  }

  @Override
  public Object get(int row) {
    if (nulls[row]) {
      return null;
    }
    return new String(data, offsets[row], offsets[row + 1] - offsets[row], StandardCharsets.UTF_8);
  }
}
