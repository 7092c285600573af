package io.dsap.engine.calcite;

import io.dsap.engine.filter.RowFilter;

/**
 * What a {@link FileTableScan} reads and returns, handed to {@link FileTable#scan} at run time.
 *
 * @param fields the table columns output, in order (a column may repeat)
 * @param filter rows must pass it to be returned; null for every row
 * @param limit the most rows returned; -1 for no limit
 */
public record FileScanSpec(int[] fields, RowFilter filter, long limit) {
  /** The columns to read: the output fields, then the filter's other columns, each once. */
  public int[] readColumns() {
    java.util.LinkedHashSet<Integer> read = new java.util.LinkedHashSet<>();
    for (int f : fields) {
      read.add(f);
    }
    if (filter != null) {
      for (int c : filter.columns()) {
        read.add(c);
      }
    }
    return read.stream().mapToInt(Integer::intValue).toArray();
  }
}
