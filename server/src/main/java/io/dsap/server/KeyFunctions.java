package io.dsap.server;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.linq4j.function.Parameter;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.schema.impl.TableFunctionImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The detected keys of the embedded driver's {@code DatabaseMetaData}, as SQL, for remote
 * clients: Avatica 1.27's protocol has no request for primary, imported or exported keys, so the
 * server adds {@code dsap.primary_keys(schema, table)}, {@code dsap.imported_keys(schema, table)}
 * and {@code dsap.exported_keys(schema, table)} to each connection, and dsap's remote driver
 * answers {@code getPrimaryKeys}/{@code getImportedKeys}/{@code getExportedKeys} with them. Each
 * returns exactly what the server connection's own metadata call returns, in JDBC's columns.
 */
public final class KeyFunctions {
  private KeyFunctions() {}

  /** JDBC's getPrimaryKeys columns. */
  static final List<String> PRIMARY_KEY_COLUMNS = List.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME",
      "KEY_SEQ", "PK_NAME");
  /** JDBC's getImportedKeys/getExportedKeys columns. */
  static final List<String> FOREIGN_KEY_COLUMNS = List.of("PKTABLE_CAT", "PKTABLE_SCHEM", "PKTABLE_NAME",
      "PKCOLUMN_NAME", "FKTABLE_CAT", "FKTABLE_SCHEM", "FKTABLE_NAME", "FKCOLUMN_NAME", "KEY_SEQ", "UPDATE_RULE",
      "DELETE_RULE", "FK_NAME", "PK_NAME", "DEFERRABILITY");
  private static final java.util.Set<String> SMALLINT_COLUMNS = java.util.Set.of("KEY_SEQ", "UPDATE_RULE",
      "DELETE_RULE", "DEFERRABILITY");

  /** Adds the three functions to {@code connection}'s {@code dsap} schema. */
  static void register(Connection connection) throws SQLException {
    SchemaPlus dsap = connection.unwrap(CalciteConnection.class).getRootSchema().subSchemas().get("dsap");
    if (dsap == null) {
      throw new SQLException("the server's connection has no dsap schema to hold the key functions");
    }
    dsap.add("primary_keys", TableFunctionImpl.create(KeyFunctions.class, "primaryKeys"));
    dsap.add("imported_keys", TableFunctionImpl.create(KeyFunctions.class, "importedKeys"));
    dsap.add("exported_keys", TableFunctionImpl.create(KeyFunctions.class, "exportedKeys"));
  }

  public static ScannableTable primaryKeys(@Parameter(name = "schema_name") String schema,
      @Parameter(name = "table_name") String table) {
    return new KeysTable(Kind.PRIMARY, schema, table);
  }

  public static ScannableTable importedKeys(@Parameter(name = "schema_name") String schema,
      @Parameter(name = "table_name") String table) {
    return new KeysTable(Kind.IMPORTED, schema, table);
  }

  public static ScannableTable exportedKeys(@Parameter(name = "schema_name") String schema,
      @Parameter(name = "table_name") String table) {
    return new KeysTable(Kind.EXPORTED, schema, table);
  }

  private enum Kind { PRIMARY, IMPORTED, EXPORTED }

  private static final class KeysTable extends AbstractTable implements ScannableTable {
    private final Kind kind;
    private final String schema;
    private final String table;

    KeysTable(Kind kind, String schema, String table) {
      this.kind = kind;
      this.schema = schema == null ? null : schema.trim();
      this.table = table == null ? null : table.trim();
    }

    private List<String> columns() {
      return kind == Kind.PRIMARY ? PRIMARY_KEY_COLUMNS : FOREIGN_KEY_COLUMNS;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory types) {
      RelDataTypeFactory.Builder b = types.builder();
      for (String c : columns()) {
        b.add(c, types.createTypeWithNullability(types.createSqlType(
            SMALLINT_COLUMNS.contains(c) ? SqlTypeName.SMALLINT : SqlTypeName.VARCHAR), true));
      }
      return b.build();
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root) {
      // the query provider of a statement's context is the connection that runs it
      Connection connection = (Connection) root.getQueryProvider();
      List<Object[]> rows = new ArrayList<>();
      try {
        DatabaseMetaData md = connection.getMetaData();
        try (ResultSet rs = switch (kind) {
          case PRIMARY -> md.getPrimaryKeys(null, schema, table);
          case IMPORTED -> md.getImportedKeys(null, schema, table);
          case EXPORTED -> md.getExportedKeys(null, schema, table);
        }) {
          List<String> columns = columns();
          while (rs.next()) {
            Object[] row = new Object[columns.size()];
            for (int i = 0; i < row.length; i++) {
              String c = columns.get(i);
              if (SMALLINT_COLUMNS.contains(c)) {
                short v = rs.getShort(c);
                row[i] = rs.wasNull() ? null : v;
              } else {
                row[i] = rs.getString(c);
              }
            }
            rows.add(row);
          }
        }
      } catch (SQLException e) {
        throw new IllegalStateException("reading the keys of " + table + " failed: " + e.getMessage(), e);
      }
      return Linq4j.asEnumerable(rows);
    }
  }
}
