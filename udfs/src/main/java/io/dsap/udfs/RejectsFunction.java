package io.dsap.udfs;

import io.dsap.engine.calcite.FilesSchema;
import io.dsap.engine.format.BatchReader;
import io.dsap.engine.format.FormatOptions;
import io.dsap.engine.format.FormatReader;
import io.dsap.engine.format.ProgressListener;
import io.dsap.engine.format.TableSource;
import io.dsap.engine.rejects.Reject;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code rejects(path)}: every row of a file that a read would reject, with line, byte offset,
 * column, value, raw text and reason. Streams: the file is read as rows are asked for, so a file
 * with millions of bad rows does not fill memory.
 */
public final class RejectsFunction {
  private RejectsFunction() {}

  public static ScannableTable rejects(String path) {
    return new Rejects(path == null ? null : path.trim());
  }

  private static final class Rejects extends AbstractTable implements ScannableTable {
    private final String path;

    Rejects(String path) {
      this.path = path;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory f) {
      return f.builder()
          .add("file", SqlTypeName.VARCHAR)
          .add("line", SqlTypeName.BIGINT)
          .add("byte_offset", SqlTypeName.BIGINT)
          .add("column_name", SqlTypeName.VARCHAR).nullable(true)
          .add("value", SqlTypeName.VARCHAR).nullable(true)
          .add("raw_record", SqlTypeName.VARCHAR).nullable(true)
          .add("reason", SqlTypeName.VARCHAR)
          .build();
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root) {
      FilesSchema files = FileInfoFunction.filesSchema(root);
      Path file = files.root().resolveFile(path);
      FormatReader format = files.formats().detect(file);
      TableSource source = files.table(file, format, "", FormatOptions.NONE).source();
      return new AbstractEnumerable<>() {
        @Override
        public Enumerator<Object[]> enumerator() {
          return new RejectEnumerator(source);
        }
      };
    }
  }

  /** Reads batches only when the rejects found so far have been handed out. */
  private static final class RejectEnumerator implements Enumerator<Object[]> {
    private final Deque<Reject> pending = new ArrayDeque<>();
    private final BatchReader reader;
    private boolean done;
    private Object[] current;

    RejectEnumerator(TableSource source) {
      this.reader = source.open(new int[0], pending::add, ProgressListener.NONE);
    }

    @Override
    public Object[] current() {
      return current;
    }

    @Override
    public boolean moveNext() {
      while (pending.isEmpty() && !done) {
        done = reader.next() == null;
      }
      Reject r = pending.poll();
      if (r == null) {
        return false;
      }
      current = new Object[] {r.file(), r.line(), r.byteOffset(), r.column(), r.value(), r.rawRecord(), r.reason()};
      return true;
    }

    @Override
    public void reset() {
      throw new UnsupportedOperationException("rejects() is read once");
    }

    @Override
    public void close() {
      reader.close();
    }
  }
}
