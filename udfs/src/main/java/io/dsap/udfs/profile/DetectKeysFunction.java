package io.dsap.udfs.profile;

import io.dsap.engine.calcite.FileTable;
import io.dsap.engine.detect.KeyDetector;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.linq4j.function.Parameter;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code detect_keys(path)}: every column as a single-column candidate, then the minimal
 * composite keys of up to 3 columns, checked exactly (see {@link KeyDetector} for the limits).
 */
public final class DetectKeysFunction {
  private DetectKeysFunction() {}

  public static ScannableTable detectKeys(@Parameter(name = "path") String path) {
    return new Keys(path);
  }

  private static final class Keys extends AbstractTable implements ScannableTable {
    private final String path;

    Keys(String path) {
      this.path = path;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory f) {
      return f.builder()
          .add("key_columns", SqlTypeName.VARCHAR)
          .add("kind", SqlTypeName.VARCHAR)
          .add("distinct_count", SqlTypeName.BIGINT)
          .add("row_count", SqlTypeName.BIGINT)
          .add("is_key", SqlTypeName.BOOLEAN).nullable(true)
          .add("note", SqlTypeName.VARCHAR).nullable(true)
          .build();
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root) {
      FileTable table = ProfileFunctions.table(root, path);
      List<Object[]> rows = new ArrayList<>();
      for (KeyDetector.KeyCandidate k : KeyDetector.detect(table.source())) {
        rows.add(new Object[] {String.join(",", k.columns()), k.columns().isEmpty() ? "limit" : k.kind(),
            k.distinct(), k.rows(), k.isKey(), k.note()});
      }
      return Linq4j.asEnumerable(rows);
    }
  }
}
