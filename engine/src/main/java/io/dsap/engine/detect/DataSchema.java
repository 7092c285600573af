package io.dsap.engine.detect;

import java.util.List;

/**
 * The detected schema of one file.
 *
 * @param rows records read by the detection pass
 * @param sampled true when only the first {@code rows} records were read ({@code sample_size})
 */
public record DataSchema(String file, String format, long rows, boolean sampled, List<ColumnSchema> columns) {
  public DataSchema {
    columns = List.copyOf(columns);
  }
}
