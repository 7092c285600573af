package io.dsap.udfs.validate;

import io.dsap.engine.registry.SchemaChange;
import io.dsap.engine.registry.SchemaDiff;
import io.dsap.engine.schema.SchemaDocument;
import io.dsap.engine.validate.DataFiles;
import io.dsap.engine.validate.DataValidator;
import io.dsap.engine.validate.SchemaResolver;
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
 * {@code schema_diff(a, b)}: what changed from schema {@code a} to {@code b}, one row per change,
 * each with its compatibility; {@code a} and {@code b} are data files (their detected schema),
 * schema files, or registered schemas ({@code orders@2}). No change: one row {@code none}.
 */
public final class SchemaDiffFunction {
  private SchemaDiffFunction() {}

  public static ScannableTable schemaDiff(@Parameter(name = "a") String a, @Parameter(name = "b") String b) {
    return new Diff(SqlContext.trim(a), SqlContext.trim(b));
  }

  private static final class Diff extends AbstractTable implements ScannableTable {
    private final String a;
    private final String b;

    Diff(String a, String b) {
      this.a = a;
      this.b = b;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory f) {
      return f.builder()
          .add("change", SqlTypeName.VARCHAR)
          .add("column_name", SqlTypeName.VARCHAR).nullable(true)
          .add("key", SqlTypeName.VARCHAR).nullable(true)
          .add("old_value", SqlTypeName.VARCHAR).nullable(true)
          .add("new_value", SqlTypeName.VARCHAR).nullable(true)
          .add("backward", SqlTypeName.BOOLEAN)
          .add("forward", SqlTypeName.BOOLEAN)
          .add("compatibility", SqlTypeName.VARCHAR)
          .add("message", SqlTypeName.VARCHAR)
          .build();
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root) {
      DataValidator validator = SqlContext.validator(root);
      SchemaResolver resolver = new SchemaResolver(DataFiles.of(SqlContext.files(root)), validator.registry());
      SchemaDocument left = resolver.resolveAny(a, validator::generateSchema);
      SchemaDocument right = resolver.resolveAny(b, validator::generateSchema);
      SchemaDiff d = SchemaDiff.between(left.content(), right.content());
      List<Object[]> rows = new ArrayList<>();
      String verdict = d.compatibility().text();
      for (SchemaChange c : d.changes()) {
        rows.add(new Object[] {c.change(), c.column(), c.key(), c.oldValue(), c.newValue(), c.backward(), c.forward(),
            verdict, c.message()});
      }
      if (rows.isEmpty()) {
        rows.add(new Object[] {"none", null, null, null, null, true, true, verdict, "the schemas are the same"});
      }
      return Linq4j.asEnumerable(rows);
    }
  }
}
