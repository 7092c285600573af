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

  /**
   * Reads every row of the projected columns into mergeable states: one state per split, each fed
   * its split's batches (on a scan thread where the format reads splits in parallel), then merged
   * in file order. Rejects reach {@code rejects} in file order, from the calling thread. The
   * default reads the table as one split, so every format supports it.
   *
   * @param newState a fresh, empty state for one split
   * @param add adds one batch (valid only during the call) to a split's state
   * @param merge merges the state of the next split into the first argument, returning the result
   */
  default <S> S fold(int[] projection, RejectSink rejects, java.util.function.Supplier<S> newState,
      java.util.function.BiConsumer<S, io.dsap.engine.batch.Batch> add, java.util.function.BinaryOperator<S> merge) {
    S state = newState.get();
    try (BatchReader reader = open(projection, rejects, ProgressListener.NONE)) {
      for (io.dsap.engine.batch.Batch b = reader.next(); b != null; b = reader.next()) {
        add.accept(state, b);
      }
    }
    return state;
  }

  /**
   * {@link #fold} for an {@code add} that keeps nothing of a batch's text values past the call
   * (what it keeps, it copies): a reader may then lend text straight from its read buffer instead
   * of copying each value into the batch. The default is {@link #fold}.
   */
  default <S> S foldBorrowingText(int[] projection, RejectSink rejects, java.util.function.Supplier<S> newState,
      java.util.function.BiConsumer<S, io.dsap.engine.batch.Batch> add, java.util.function.BinaryOperator<S> merge) {
    return fold(projection, rejects, newState, add, merge);
  }

  /**
   * Opens a scan of the projected columns that hands out whole splits in file order, parsed in
   * parallel ({@link SplitBatches}); null (the default) when the format reads this table on one
   * thread, and the caller should use {@link #open}.
   */
  default SplitBatches openSplits(int[] projection) {
    return null;
  }
}
