package io.dsap.bench;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Appends ASCII text to a large byte buffer and flushes it to an {@link OutputStream} in big
 * blocks. Numbers are written digit by digit, never through {@code String.format} or
 * {@code Long.toString}, so generating a 1 GB file allocates almost nothing per row.
 * Not thread-safe.
 */
final class ByteSink implements AutoCloseable {

    private final OutputStream out;
    private final byte[] buf;
    private int pos;
    private long written;

    ByteSink(OutputStream out, int bufferSize) {
        if (bufferSize < 64) {
            throw new IllegalArgumentException("buffer too small: " + bufferSize);
        }
        this.out = out;
        this.buf = new byte[bufferSize];
    }

    /** Bytes handed to this sink so far (flushed or not). */
    long bytesWritten() {
        return written + pos;
    }

    void put(byte b) throws IOException {
        if (pos == buf.length) {
            drain();
        }
        buf[pos++] = b;
    }

    void put(byte[] bytes) throws IOException {
        int n = bytes.length;
        if (n > buf.length - pos) {
            drain();
            if (n > buf.length) {
                out.write(bytes);
                written += n;
                return;
            }
        }
        System.arraycopy(bytes, 0, buf, pos, n);
        pos += n;
    }

    /** Writes a decimal integer, with a leading '-' when negative. */
    void putLong(long v) throws IOException {
        if (buf.length - pos < 20) {
            drain();
        }
        if (v < 0) {
            if (v == Long.MIN_VALUE) {
                put("-9223372036854775808".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                return;
            }
            buf[pos++] = '-';
            v = -v;
        }
        int digits = digits(v);
        int end = pos + digits;
        int i = end;
        do {
            buf[--i] = (byte) ('0' + (v % 10));
            v /= 10;
        } while (v != 0);
        pos = end;
    }

    /** Writes {@code hundredths / 100} with exactly two decimals: 1234 -> "12.34", -5 -> "-0.05". */
    void putFixed2(long hundredths) throws IOException {
        if (hundredths < 0) {
            put((byte) '-');
            hundredths = -hundredths;
        }
        putLong(hundredths / 100);
        if (buf.length - pos < 3) {
            drain();
        }
        int cents = (int) (hundredths % 100);
        buf[pos++] = '.';
        buf[pos++] = (byte) ('0' + cents / 10);
        buf[pos++] = (byte) ('0' + cents % 10);
    }

    private static int digits(long v) {
        int d = 1;
        while (v >= 10) {
            v /= 10;
            d++;
        }
        return d;
    }

    private void drain() throws IOException {
        if (pos > 0) {
            out.write(buf, 0, pos);
            written += pos;
            pos = 0;
        }
    }

    void flush() throws IOException {
        drain();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            flush();
        } finally {
            out.close();
        }
    }
}
