package io.dsap.udfs.validate;

import io.dsap.engine.calcite.FilesSchema;
import io.dsap.engine.registry.SchemaEntry;
import io.dsap.engine.registry.SchemaRegistry;
import io.dsap.engine.registry.SchemaVersion;
import io.dsap.engine.schema.SchemaWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/** The registry as system tables: {@code dsap.schemas} and {@code dsap.schema_versions}, read at each query. */
final class RegistryTables {
  static final String SYSTEM_SCHEMA = "dsap";

  private RegistryTables() {}

  /** Adds the tables to the {@code dsap} schema under {@code root}, creating it only if absent. */
  static void register(SchemaPlus root, FilesSchema files) {
    SchemaPlus dsap = systemSchema(root);
    SchemaRegistry registry = SqlContext.registry(files);
    dsap.add("schemas", new Schemas(registry));
    dsap.add("schema_versions", new Versions(registry));
  }

  /** The {@code dsap} system schema under {@code root}, created if absent. */
  static SchemaPlus systemSchema(SchemaPlus root) {
    SchemaPlus dsap = root.subSchemas().get(SYSTEM_SCHEMA);
    if (dsap == null) {
      dsap = root.add(SYSTEM_SCHEMA, new AbstractSchema());
    }
    return dsap;
  }

  private static final class Schemas extends AbstractTable implements ScannableTable {
    private final SchemaRegistry registry;

    Schemas(SchemaRegistry registry) {
      this.registry = registry;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory f) {
      return f.builder()
          .add("name", SqlTypeName.VARCHAR)
          .add("latest_version", SqlTypeName.INTEGER)
          .add("versions", SqlTypeName.INTEGER)
          .add("updated_at", SqlTypeName.VARCHAR).nullable(true)
          .add("deleted", SqlTypeName.BOOLEAN)
          .build();
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root) {
      List<Object[]> rows = new ArrayList<>();
      for (SchemaEntry e : registry.list()) {
        rows.add(new Object[] {e.name(), e.latestVersion(), e.versions(), e.updatedAt(), e.deleted()});
      }
      return Linq4j.asEnumerable(rows);
    }
  }

  private static final class Versions extends AbstractTable implements ScannableTable {
    private final SchemaRegistry registry;

    Versions(SchemaRegistry registry) {
      this.registry = registry;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory f) {
      return f.builder()
          .add("name", SqlTypeName.VARCHAR)
          .add("version", SqlTypeName.INTEGER)
          .add("registered_at", SqlTypeName.VARCHAR).nullable(true)
          .add("source", SqlTypeName.VARCHAR).nullable(true)
          .add("column_count", SqlTypeName.INTEGER)
          .add("rule_count", SqlTypeName.INTEGER)
          .add("schema_yaml", SqlTypeName.VARCHAR)
          .build();
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root) {
      List<Object[]> rows = new ArrayList<>();
      for (SchemaEntry e : registry.list()) {
        for (SchemaVersion v : registry.history(e.name())) {
          rows.add(new Object[] {v.name(), v.version(), v.registeredAt(), v.source(), v.document().columns().size(),
              v.document().rules().size(), SchemaWriter.yaml(v.document())});
        }
      }
      return Linq4j.asEnumerable(rows);
    }
  }
}
