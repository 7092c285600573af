package io.dsap.engine.rejects;

import java.util.Objects;

/**
 * A row that could not be returned as typed values, with everything needed to find and fix it.
 *
 * @param file the file, relative to the data root where known
 * @param line 1-based line where the record starts
 * @param byteOffset offset of the record's first byte in the (decoded) stream
 * @param column the offending column, or null when the whole record is malformed
 * @param value the offending field's text, or null
 * @param rawRecord the record's text (truncated to {@link #MAX_RAW} characters)
 * @param reason what was expected and how to fix it
 */
public record Reject(String file, long line, long byteOffset, String column, String value,
    String rawRecord, String reason) {
  public static final int MAX_RAW = 1000;

  public Reject {
    Objects.requireNonNull(file, "file is null");
    Objects.requireNonNull(reason, "reason is null");
    if (rawRecord != null && rawRecord.length() > MAX_RAW) {
      rawRecord = rawRecord.substring(0, MAX_RAW) + "...";
    }
  }
}
