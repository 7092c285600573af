package io.dsap.engine.csv;

import io.dsap.engine.types.ColumnSpec;
import java.util.List;
import java.util.Objects;

/**
 * What detection concluded about a CSV file: its dialect and columns.
 *
 * @param dialect how the file is written
 * @param columns the columns, in file order
 * @param nullString text that reads as NULL besides the empty field, or null
 * @param bom whether the file starts with a UTF-8 byte order mark
 * @param sampledRecords records that detection looked at
 * @param wholeFileSampled whether those were all the records of the file
 * @param flags file-level findings, e.g. {@code ambiguous_date}, {@code empty_file}
 */
public record CsvFileSchema(CsvDialect dialect, List<ColumnSpec> columns, String nullString, boolean bom,
    long sampledRecords, boolean wholeFileSampled, List<String> flags) {
  public CsvFileSchema {
    Objects.requireNonNull(dialect, "dialect is null");
    columns = List.copyOf(columns);
    flags = List.copyOf(flags);
  }

  public int columnCount() {
    return columns.size();
  }
}
