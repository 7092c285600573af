package io.dsap.engine.csv;

import io.dsap.engine.source.TextLayout;
import io.dsap.engine.types.ColumnSpec;
import java.util.List;
import java.util.Objects;

/**
 * What detection concluded about a CSV file: its dialect and columns.
 *
 * @param dialect how the file is written
 * @param columns the columns, in file order
 * @param nullString text that reads as NULL besides the empty field, or null
 * @param layout compression, character set and byte order mark
 * @param sampledRecords records that detection looked at
 * @param wholeFileSampled whether those were all the records of the file
 * @param flags file-level findings, e.g. {@code ambiguous_date}, {@code empty_file}
 * @param nullPadding whether records with too few fields are padded with NULLs (else rejected)
 */
public record CsvFileSchema(CsvDialect dialect, List<ColumnSpec> columns, String nullString, TextLayout layout,
    long sampledRecords, boolean wholeFileSampled, List<String> flags, boolean nullPadding) {
  public CsvFileSchema {
    Objects.requireNonNull(dialect, "dialect is null");
    Objects.requireNonNull(layout, "layout is null");
    columns = List.copyOf(columns);
    flags = List.copyOf(flags);
  }

  /** Whether the file starts with a byte order mark. */
  public boolean bom() {
    return layout.bomLength() > 0;
  }

  public int columnCount() {
    return columns.size();
  }
}
