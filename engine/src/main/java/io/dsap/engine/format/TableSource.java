package io.dsap.engine.format;

import io.dsap.engine.rejects.RejectSink;
import io.dsap.engine.types.ColumnSpec;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * One readable table of a file, after detection: its columns, a description for
 * {@code file_info}, and a way to read it as batches. Immutable; readers are opened per scan.
 */
public interface TableSource {
  /** The columns, in order. At least one. */
  List<ColumnSpec> columns();

  /** The format's name ({@code csv}). */
  String format();

  /**
   * Format-specific facts for {@code file_info} (dialect, encoding, sheet ...), in display order;
   * values are strings, numbers or booleans.
   */
  Map<String, Object> describe();

  /** Findings worth a flag ({@code leading_zeros}, {@code ambiguous_date}, {@code empty_file}). */
  default List<String> flags() {
    return List.of();
  }

  /** The row count when the format stores it (Parquet, Arrow); empty when only a scan can tell. */
  default OptionalLong knownRowCount() {
    return OptionalLong.empty();
  }

  /** The {@code read_*(...)} call that reproduces this detection exactly. */
  String readStatement(String path);

  /**
   * Opens a scan of the columns at {@code projection} (indexes into {@link #columns()}, each at
   * most once, possibly none). Rows that cannot be read go to {@code rejects}.
   */
  BatchReader open(int[] projection, RejectSink rejects, ProgressListener progress);
}
