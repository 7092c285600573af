package io.dsap.engine.format.xml;

import io.dsap.engine.types.ColumnSpec;
import java.util.List;
import java.util.Objects;

/**
 * What detection found in an XML file.
 *
 * @param rowTag local name of the row element
 * @param root local name of the root element (null for a file without elements)
 * @param encoding the declared (or detected) encoding
 * @param rowTagReason why this row element
 * @param columns the columns, in order of first appearance
 * @param keys the row key ({@link XmlRow}) of each column
 * @param lists which columns hold an element that repeats within a row (a JSON array of its values)
 * @param flags findings for {@code file_info}
 * @param sampledRows rows read for detection
 * @param complete whether every row was sampled
 */
record XmlFileSchema(String rowTag, String root, String encoding, String rowTagReason, List<ColumnSpec> columns,
    List<String> keys, List<Boolean> lists, List<String> flags, long sampledRows, boolean complete) {
  XmlFileSchema {
    Objects.requireNonNull(rowTag, "rowTag is null");
    columns = List.copyOf(columns);
    keys = List.copyOf(keys);
    lists = List.copyOf(lists);
    flags = List.copyOf(flags);
  }
}
