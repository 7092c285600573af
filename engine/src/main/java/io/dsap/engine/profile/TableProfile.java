package io.dsap.engine.profile;

import java.util.List;

/**
 * The profile of one table.
 *
 * @param rows rows read
 * @param rejected rows the reader rejected (their values are in no column's statistics)
 * @param duplicateRows rows equal in every column to an earlier row
 * @param duplicatesExact false when the row set hit {@link DuplicateRowsState#MAX_ROWS} and the
 *     count is a lower bound
 */
public record TableProfile(String file, long rows, long rejected, long duplicateRows, boolean duplicatesExact,
    List<ColumnProfile> columns) {
  public TableProfile {
    columns = List.copyOf(columns);
  }
}
