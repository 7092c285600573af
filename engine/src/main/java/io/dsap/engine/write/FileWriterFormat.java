package io.dsap.engine.write;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * A format dsap can write, chosen by the target file's extension. Found with
 * {@link java.util.ServiceLoader} like readers ({@code META-INF/services/io.dsap.engine.write.FileWriterFormat}).
 */
public interface FileWriterFormat {
  /** Short name: {@code csv}, {@code json}. */
  String name();

  /** Extensions (lower case, no dot) that select this format. */
  List<String> extensions();

  /**
   * Opens a writer. Formats that stream write to {@code out}; formats that need a file of their
   * own (Parquet) may write to {@code file} instead and ignore {@code out}.
   */
  RowWriter open(Path file, OutputStream out, List<OutputColumn> columns) throws IOException;
}
