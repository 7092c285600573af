package io.dsap.udfs.validate;

import io.dsap.engine.calcite.FilesSchema;
import io.dsap.engine.registry.SchemaDiff;
import io.dsap.engine.registry.SchemaRegistry;
import io.dsap.engine.registry.SchemaVersion;
import io.dsap.engine.schema.SchemaDocument;
import io.dsap.engine.validate.DataValidator;
import io.dsap.engine.validate.SchemaResolver;
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
 * {@code register_schema(name, source)}: stores a new version of schema {@code name} in the
 * registry. {@code source} is a data file (the schema is generated from detection), a schema
 * file ({@code .yaml}, {@code .json}) or schema text. Returns the version written and how it
 * compares with the previous one. The write happens when the row is read, once per execution.
 */
public final class RegisterSchemaFunction {
  private RegisterSchemaFunction() {}

  public static ScannableTable registerSchema(@Parameter(name = "name") String name,
      @Parameter(name = "source") String source) {
    return new Register(SqlContext.trim(name), SqlContext.trim(source));
  }

  private static final class Register extends AbstractTable implements ScannableTable {
    private final String name;
    private final String source;

    Register(String name, String source) {
      this.name = name;
      this.source = source;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory f) {
      return f.builder()
          .add("name", SqlTypeName.VARCHAR)
          .add("version", SqlTypeName.INTEGER)
          .add("registered_at", SqlTypeName.VARCHAR)
          .add("source", SqlTypeName.VARCHAR)
          .add("column_count", SqlTypeName.INTEGER)
          .add("compatibility", SqlTypeName.VARCHAR)
          .add("changes", SqlTypeName.INTEGER)
          .build();
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root) {
      io.dsap.udfs.WritePermission.check(root, "register_schema");
      FilesSchema files = SqlContext.files(root);
      DataValidator validator = SqlContext.validator(root);
      SchemaRegistry registry = validator.registry();
      SchemaResolver resolver = new SchemaResolver(io.dsap.engine.validate.DataFiles.of(files), registry);
      if (source == null || source.isEmpty()) {
        throw new io.dsap.engine.error.DsapException(io.dsap.engine.error.ErrorCode.INVALID_OPTION,
            "register_schema needs a source: a data file (orders.csv), a schema file (orders.schema.yaml) or"
                + " schema text");
      }
      SchemaDocument doc = resolver.resolveAny(source, validator::generateSchema);
      String from = source.contains("\n") || source.startsWith("{") ? "schema text" : source;
      List<SchemaVersion> before = registry.history(name);
      SchemaVersion v = registry.register(name, doc.content(), from);
      String compatibility = "new";
      int changes = 0;
      if (!before.isEmpty()) {
        SchemaDiff d = SchemaDiff.between(before.get(before.size() - 1).document().content(), doc.content());
        compatibility = d.compatibility().text();
        changes = d.changes().size();
      }
      return Linq4j.asEnumerable(List.<Object[]>of(new Object[] {v.name(), v.version(), v.registeredAt(), v.source(),
          v.document().columns().size(), compatibility, changes}));
    }
  }
}
