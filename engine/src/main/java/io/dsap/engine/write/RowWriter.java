package io.dsap.engine.write;

import java.io.IOException;

/**
 * Writes rows to one file. Values are JDBC values: Integer, Long, Double, BigDecimal, Boolean,
 * String, java.sql.Date, java.sql.Timestamp, java.sql.Time, byte[], or null.
 */
public interface RowWriter extends AutoCloseable {
  void write(Object[] row) throws IOException;

  /** Finishes the file (footers, flushes). Called once, after the last row. */
  void finish() throws IOException;

  @Override
  void close() throws IOException;
}
