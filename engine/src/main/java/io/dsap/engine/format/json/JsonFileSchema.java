package io.dsap.engine.format.json;

import io.dsap.engine.types.ColumnSpec;
import java.util.List;
import java.util.Objects;

/**
 * What detection found in a JSON file: where the records are, the columns, and which field goes
 * to which column.
 *
 * @param framing layout and position of the records
 * @param columns the columns, in order of first appearance
 * @param tree field path to column; unused when {@code valueRecords}
 * @param valueRecords true when the records are not objects: one column {@code value} holds each
 * @param flags findings for {@code file_info}
 * @param bom whether the file starts with a UTF-8 byte order mark
 * @param sampledRecords records read for detection
 * @param complete whether the sample was the whole file
 * @param maxDepth the flattening depth used
 */
record JsonFileSchema(JsonFraming framing, List<ColumnSpec> columns, JsonColumnTree tree, boolean valueRecords,
    List<String> flags, boolean bom, long sampledRecords, boolean complete, int maxDepth) {
  JsonFileSchema {
    Objects.requireNonNull(framing, "framing is null");
    columns = List.copyOf(columns);
    flags = List.copyOf(flags);
  }
}
