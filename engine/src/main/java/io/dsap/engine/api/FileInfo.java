package io.dsap.engine.api;

import io.dsap.engine.types.ColumnSpec;
import java.util.List;
import java.util.Map;

/**
 * What detection found in a file.
 *
 * @param path the file, relative to the data root
 * @param format the format's name
 * @param columns the columns with their types and why
 * @param details format-specific facts (dialect, encoding ...)
 * @param flags findings such as {@code leading_zeros}
 * @param readStatement the SQL that reads the file the same way
 * @param knownRowCount the row count stored in the file, or -1 when only a scan can tell
 */
public record FileInfo(String path, String format, List<ColumnSpec> columns, Map<String, Object> details,
    List<String> flags, String readStatement, long knownRowCount) {}
