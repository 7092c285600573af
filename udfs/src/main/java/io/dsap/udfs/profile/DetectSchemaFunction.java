package io.dsap.udfs.profile;

import io.dsap.engine.calcite.FileTable;
import io.dsap.engine.detect.Candidate;
import io.dsap.engine.detect.ColumnSchema;
import io.dsap.engine.detect.Counterexample;
import io.dsap.engine.detect.DataSchema;
import io.dsap.engine.detect.DetectedSchemas;
import io.dsap.engine.detect.SchemaDetector;
import io.dsap.engine.quality.QualityWeights;
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
 * {@code detect_schema(path [, sample_size])}: one row per column with the type and why, the
 * semantic type and its match rate, counts, candidates, counterexamples with lines, flags and
 * quality. Reads the whole file unless {@code sample_size} limits it (then every row says so).
 */
public final class DetectSchemaFunction {
  private DetectSchemaFunction() {}

  public static ScannableTable detectSchema(@Parameter(name = "path") String path,
      @Parameter(name = "sample_size", optional = true) Integer sampleSize) {
    return new Detect(path, sampleSize == null ? SchemaDetector.ALL_ROWS : sampleSize);
  }

  private static final class Detect extends AbstractTable implements ScannableTable {
    private final String path;
    private final long sampleSize;

    Detect(String path, long sampleSize) {
      this.path = path;
      this.sampleSize = sampleSize;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory f) {
      return f.builder()
          .add("column_index", SqlTypeName.INTEGER)
          .add("column_name", SqlTypeName.VARCHAR)
          .add("sql_type", SqlTypeName.VARCHAR)
          .add("nullable", SqlTypeName.BOOLEAN)
          .add("semantic_type", SqlTypeName.VARCHAR).nullable(true)
          .add("semantic_match", SqlTypeName.DOUBLE).nullable(true)
          .add("format", SqlTypeName.VARCHAR).nullable(true)
          .add("row_count", SqlTypeName.BIGINT)
          .add("null_count", SqlTypeName.BIGINT)
          .add("null_pct", SqlTypeName.DOUBLE)
          .add("distinct_count", SqlTypeName.BIGINT)
          .add("distinct_exact", SqlTypeName.BOOLEAN)
          .add("is_unique", SqlTypeName.BOOLEAN)
          .add("min_value", SqlTypeName.VARCHAR).nullable(true)
          .add("max_value", SqlTypeName.VARCHAR).nullable(true)
          .add("candidates", SqlTypeName.VARCHAR)
          .add("counterexamples", SqlTypeName.VARCHAR)
          .add("flags", SqlTypeName.VARCHAR)
          .add("completeness", SqlTypeName.DOUBLE)
          .add("validity", SqlTypeName.DOUBLE)
          .add("consistency", SqlTypeName.DOUBLE)
          .add("quality_score", SqlTypeName.DOUBLE)
          .add("detection", SqlTypeName.VARCHAR)
          .build();
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root) {
      if (sampleSize == 0 || sampleSize < -1) {
        throw io.dsap.engine.error.Errors.invalidOption("sample_size", sampleSize,
            "a positive number of rows, or -1 for the whole file (the default)");
      }
      FileTable table = ProfileFunctions.table(root, path);
      DataSchema schema = DetectedSchemas.detect(table.format(), table.file(), table.displayName(),
          ProfileFunctions.filesSchema(root).optionsFor(table.format()), sampleSize, QualityWeights.EQUAL);
      List<Object[]> rows = new ArrayList<>();
      for (ColumnSchema c : schema.columns()) {
        rows.add(new Object[] {c.ordinal(), c.name(), c.sqlType(), c.nullable(), c.semanticType(), round(c.semanticMatch()),
            c.format(), c.rows(), c.nullCount(), round(c.nullPct()), c.distinctCount(), c.distinctExact(), c.unique(),
            c.min(), c.max(), candidates(c.candidates()), counterexamples(c.counterexamples()),
            String.join(",", c.flags()), round(c.quality().completeness()), round(c.quality().validity()),
            round(c.quality().consistency()), round(c.quality().overall()), c.detection()});
      }
      return Linq4j.asEnumerable(rows);
    }
  }

  /** Ratios to 4 decimals: 0.9375, not 0.93750000001. */
  static Double round(Double d) {
    return d == null ? null : Math.round(d * 10_000) / 10_000.0;
  }

  /** {@code {"DATE":0.9875,"VARCHAR":1.0,"email":0.9}} in order, best SQL type first. */
  static String candidates(List<Candidate> list) {
    return Json.write(g -> {
      g.writeStartObject();
      for (Candidate c : list) {
        g.writeNumberField(c.type(), round(c.share()));
      }
      g.writeEndObject();
    });
  }

  /** {@code [{"type":"DATE","value":"2024-02-30","line":43}, ...]}. */
  static String counterexamples(List<Counterexample> list) {
    return Json.write(g -> {
      g.writeStartArray();
      for (Counterexample c : list) {
        g.writeStartObject();
        g.writeStringField("type", c.candidate());
        g.writeStringField("value", c.value());
        g.writeNumberField("line", c.line());
        g.writeEndObject();
      }
      g.writeEndArray();
    });
  }

}
