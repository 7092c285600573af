package io.dsap.udfs.profile;

import io.dsap.engine.calcite.FileTable;
import io.dsap.engine.calcite.FilesSchema;
import io.dsap.engine.detect.KeyCache;
import io.dsap.engine.detect.KeyCache.FileTableRef;
import io.dsap.engine.detect.RelationshipDetector;
import io.dsap.engine.detect.RelationshipDetector.Relationship;
import io.dsap.engine.error.Errors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.linq4j.function.Parameter;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code detect_relationships(dir [, min_coverage])}: foreign-key candidates between the tables
 * of the files under a folder (see {@link RelationshipDetector}).
 */
public final class DetectRelationshipsFunction {
  private DetectRelationshipsFunction() {}

  public static ScannableTable detectRelationships(@Parameter(name = "dir") String dir,
      @Parameter(name = "min_coverage", optional = true) Double minCoverage) {
    return new Relationships(dir, minCoverage == null ? RelationshipDetector.DEFAULT_MIN_COVERAGE : minCoverage);
  }

  private static final class Relationships extends AbstractTable implements ScannableTable {
    private final String dir;
    private final double minCoverage;

    Relationships(String dir, double minCoverage) {
      this.dir = dir;
      this.minCoverage = minCoverage;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory f) {
      return f.builder()
          .add("fk_table", SqlTypeName.VARCHAR)
          .add("fk_column", SqlTypeName.VARCHAR)
          .add("pk_table", SqlTypeName.VARCHAR).nullable(true)
          .add("pk_column", SqlTypeName.VARCHAR).nullable(true)
          .add("coverage_pct", SqlTypeName.DOUBLE).nullable(true)
          .add("fk_distinct", SqlTypeName.BIGINT)
          .add("matched", SqlTypeName.BIGINT)
          .add("pk_distinct", SqlTypeName.BIGINT).nullable(true)
          .add("name_match", SqlTypeName.BOOLEAN)
          .add("remarks", SqlTypeName.VARCHAR)
          .build();
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root) {
      FilesSchema files = ProfileFunctions.filesSchema(root);
      Path folder = folder(files, dir);
      List<FileTableRef> tables = new ArrayList<>();
      List<Object[]> rows = new ArrayList<>();
      for (Map.Entry<String, Table> e : files.tableMap().entrySet()) {
        if (e.getValue() instanceof FileTable t && t.file().startsWith(folder)) {
          try {
            tables.add(new FileTableRef(e.getKey(), t.file(), t.source()));
          } catch (RuntimeException x) {
            rows.add(new Object[] {e.getKey(), null, null, null, null, 0L, 0L, null, false,
                "not read: " + x.getMessage()});
          }
        }
      }
      for (Relationship r : KeyCache.relationships(tables, minCoverage)) {
        rows.add(new Object[] {r.fkTable(), r.fkColumn(), r.pkTable(), r.pkColumn(), r.coveragePct(),
            r.fkDistinct(), r.matched(), r.pkDistinct(), r.nameMatch(), r.remarks()});
      }
      return Linq4j.asEnumerable(rows);
    }
  }

  /** The folder {@code dir} names, relative to the root ({@code '.'} is the root), confined to it. */
  static Path folder(FilesSchema files, String dir) {
    Path root = files.root().path();
    String d = dir == null ? "" : dir.trim();
    Path p;
    try {
      p = root.resolve(d.isEmpty() ? "." : d).normalize();
    } catch (InvalidPathException e) {
      throw Errors.outsideRoot(d, root);
    }
    if (!p.startsWith(root)) {
      throw Errors.outsideRoot(d, root);
    }
    if (!Files.isDirectory(p)) {
      throw Errors.invalidOption("dir", d, "a folder under the data root ('.' for the root itself), e.g."
          + " detect_relationships('.')");
    }
    try {
      Path real = p.toRealPath();
      if (!real.startsWith(root)) {
        throw Errors.outsideRoot(d, root);
      }
      return real;
    } catch (IOException e) {
      throw Errors.io(p, e);
    }
  }
}
