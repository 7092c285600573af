package io.dsap.engine.source;

import java.util.concurrent.atomic.LongAdder;

/**
 * Process-wide counters of file reading, split into full scans and detection samples. The
 * server's metrics publish them; tests use them to prove that planning reads only samples.
 */
public final class ReadMetrics {
  private static final LongAdder SCANS_OPENED = new LongAdder();
  private static final LongAdder BYTES_SCANNED = new LongAdder();
  private static final LongAdder BYTES_SAMPLED = new LongAdder();

  private ReadMetrics() {}

  public static void scanOpened() {
    SCANS_OPENED.increment();
  }

  public static void scanned(long bytes) {
    BYTES_SCANNED.add(bytes);
  }

  public static void sampled(long bytes) {
    BYTES_SAMPLED.add(bytes);
  }

  /** Scans (full reads of a file) opened since the JVM started. */
  public static long scansOpened() {
    return SCANS_OPENED.sum();
  }

  public static long bytesScanned() {
    return BYTES_SCANNED.sum();
  }

  /** Bytes read by type and dialect detection. */
  public static long bytesSampled() {
    return BYTES_SAMPLED.sum();
  }
}
