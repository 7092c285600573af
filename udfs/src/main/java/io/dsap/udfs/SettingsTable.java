package io.dsap.udfs;

import io.dsap.engine.config.SettingValue;
import io.dsap.engine.config.Settings;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code dsap.settings}: the connection's effective configuration, one row per key, as {@code dsap config show}
 * prints it: key, value (secrets masked), source, then the catalogue's default, environment variable and description.
 */
final class SettingsTable extends AbstractTable implements ScannableTable {
  private final Settings settings;

  SettingsTable(Settings settings) {
    this.settings = settings;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory f) {
    return f.builder()
        .add("key", SqlTypeName.VARCHAR)
        .add("value", SqlTypeName.VARCHAR)
        .add("source", SqlTypeName.VARCHAR)
        .add("default_value", SqlTypeName.VARCHAR)
        .add("env_name", SqlTypeName.VARCHAR)
        .add("description", SqlTypeName.VARCHAR)
        .build();
  }

  @Override
  public Enumerable<Object[]> scan(DataContext root) {
    List<Object[]> rows = new ArrayList<>();
    for (SettingValue v : settings.values()) {
      rows.add(new Object[] {v.key().name(), v.display(), v.source().toString(), v.key().defaultValue(),
          v.key().envName(), v.key().description()});
    }
    return Linq4j.asEnumerable(rows);
  }
}
