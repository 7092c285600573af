package io.dsap.engine.profile;

import io.dsap.engine.types.ByteParsers;
import io.dsap.engine.types.TemporalFormat;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What the values of a text column look like: lengths in characters, the lexically smallest and
 * largest value, and how many read as numbers or dates (evidence for the
 * {@code numeric_stored_as_text} and {@code date_stored_as_text} alerts).
 */
public final class TextShapeState {
  private static final VarHandle BIG_ENDIAN_LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
      ByteOrder.BIG_ENDIAN);
  private final ByteParsers parsers = new ByteParsers();
  private long values;
  private long totalLength;
  private long minLength = Long.MAX_VALUE;
  private long maxLength;
  private long numeric;
  private long leadingZeros;
  private long dates;
  private long padded;
  private byte[] min;
  private byte[] max;
  private long minHead; // head() of min and max
  private long maxHead;

  public void add(byte[] b, int s, int e) {
    add(b, s, e, 1);
  }

  /** Adds the value {@code b[s, e)} seen {@code times} times (once per distinct value of a category). */
  public void add(byte[] b, int s, int e, long times) {
    add(b, s, e, times, chars(b, s, e));
  }

  /** {@link #add(byte[], int, int, long)} with the value's length in characters known ({@link #chars}). */
  void add(byte[] b, int s, int e, long times, long chars) {
    values += times;
    totalLength += chars * times;
    minLength = Math.min(minLength, chars);
    maxLength = Math.max(maxLength, chars);
    if (e > s && (b[s] == ' ' || b[e - 1] == ' ')) {
      padded += times;
    }
    // most values are neither a new minimum nor a new maximum: their first 8 bytes usually tell
    long head = head(b, s, e);
    if (min == null || (Long.compareUnsigned(head, minHead) <= 0 && compare(b, s, e, min) < 0)) {
      min = Arrays.copyOfRange(b, s, e);
      minHead = head;
    }
    if (max == null || (Long.compareUnsigned(head, maxHead) >= 0 && compare(b, s, e, max) > 0)) {
      max = Arrays.copyOfRange(b, s, e);
      maxHead = head;
    }
    if (e > s && (isDigit(b[s]) || b[s] == '-' || b[s] == '+' || b[s] == '.')) {
      classify(b, s, e, times);
    }
  }

  /** Only called for values that start like a number or a date. */
  private void classify(byte[] b, int s, int e, long times) {
    parsers.parseDouble(b, s, e);
    if (parsers.ok) {
      numeric += times;
      if (ByteParsers.hasLeadingZero(b, s, e)) {
        leadingZeros += times;
      }
      return;
    }
    for (TemporalFormat f : TemporalFormat.CANDIDATES) {
      parsers.parseTimestamp(b, s, e, f);
      if (parsers.ok) {
        dates += times;
        return;
      }
    }
  }

  /**
   * Characters in {@code b[s, e)}: its bytes less the UTF-8 continuation bytes (10xxxxxx), counted
   * eight bytes at a time; the last 1 to 7 bytes from one word too (see {@link #word}).
   */
  static long chars(byte[] b, int s, int e) {
    long chars = e - s;
    int i = s;
    for (; i + Long.BYTES <= e; i += Long.BYTES) {
      chars -= continuations((long) BIG_ENDIAN_LONGS.get(b, i));
    }
    if (i < e) {
      chars -= continuations(word(b, s, i, e));
    }
    return chars;
  }

  /**
   * Whether {@code b[from, to)} is all ASCII, so every value inside has as many characters as
   * bytes: one check for a batch's text instead of a count per value.
   */
  static boolean ascii(byte[] b, int from, int to) {
    long any = 0;
    int i = from;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      any |= (long) BIG_ENDIAN_LONGS.get(b, i);
    }
    for (; i < to; i++) {
      any |= b[i];
    }
    return (any & 0x8080808080808080L) == 0;
  }

  private static long continuations(long w) {
    return Long.bitCount(w & ~(w << 1) & 0x8080808080808080L);
  }

  /**
   * The bytes {@code b[i, e)} (1 to 7 of them, the end of the value {@code b[s, e)}) big-endian in
   * the high bytes of a word, the low bytes zero: the hash's one-word read of a value's tail
   * ({@link Hashing#tail}), byte-reversed. Bytes outside the value never show.
   */
  private static long word(byte[] b, int s, int i, int e) {
    return Long.reverseBytes(Hashing.tail(b, s, i, e));
  }

  /**
   * The first 8 bytes, big-endian, zero-padded: when two heads differ (unsigned), the values
   * compare the same way; when equal, only the full comparison tells.
   */
  private static long head(byte[] b, int s, int e) {
    if (e - s >= Long.BYTES) {
      return (long) BIG_ENDIAN_LONGS.get(b, s);
    }
    return e == s ? 0 : word(b, s, s, e);
  }

  private static boolean isDigit(byte c) {
    return c >= '0' && c <= '9';
  }

  /** Unsigned byte order, which for UTF-8 is code point order. */
  private static int compare(byte[] b, int s, int e, byte[] o) {
    return Arrays.compareUnsigned(b, s, e, o, 0, o.length);
  }

  public void merge(TextShapeState o) {
    values += o.values;
    totalLength += o.totalLength;
    minLength = Math.min(minLength, o.minLength);
    maxLength = Math.max(maxLength, o.maxLength);
    numeric += o.numeric;
    leadingZeros += o.leadingZeros;
    dates += o.dates;
    padded += o.padded;
    if (o.min != null && (min == null || compare(o.min, 0, o.min.length, min) < 0)) {
      min = o.min;
      minHead = o.minHead;
    }
    if (o.max != null && (max == null || compare(o.max, 0, o.max.length, max) > 0)) {
      max = o.max;
      maxHead = o.maxHead;
    }
  }

  public long values() {
    return values;
  }

  public Long minLength() {
    return values == 0 ? null : minLength;
  }

  public Long maxLength() {
    return values == 0 ? null : maxLength;
  }

  public Double avgLength() {
    return values == 0 ? null : (double) totalLength / values;
  }

  public long numeric() {
    return numeric;
  }

  /** Numbers written with a leading zero ({@code 00501}): codes, not quantities. */
  public long leadingZeros() {
    return leadingZeros;
  }

  public long dates() {
    return dates;
  }

  /** Values with a leading or trailing space. */
  public long padded() {
    return padded;
  }

  public String min() {
    return min == null ? null : new String(min, StandardCharsets.UTF_8);
  }

  public String max() {
    return max == null ? null : new String(max, StandardCharsets.UTF_8);
  }
}
