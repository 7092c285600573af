package org.apache.calcite.jdbc;

import io.dsap.engine.calcite.FileTable;
import io.dsap.engine.calcite.FilesSchema;
import io.dsap.engine.detect.ColumnSchema;
import io.dsap.engine.detect.DataSchema;
import io.dsap.engine.detect.DetectedSchemas;
import io.dsap.engine.detect.KeyCache;
import io.dsap.engine.detect.KeyCache.FileTableRef;
import io.dsap.engine.detect.RelationshipDetector;
import io.dsap.engine.detect.RelationshipDetector.KeyColumn;
import io.dsap.engine.detect.RelationshipDetector.Relationship;
import io.dsap.engine.format.FormatReader;
import io.dsap.engine.format.FormatRegistry;
import io.dsap.engine.types.ColumnSpec;
import io.dsap.jdbc.DsapDriver;
import io.dsap.udfs.DsapFunctions;
import io.dsap.udfs.functions.FunctionCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Table;

/**
 * Calcite's metadata and statement handling with dsap's changes. It lives in Calcite's package
 * because {@link CalciteConnectionImpl} is package-private (see docs/architecture.md).
 *
 * <p>Commit and rollback are no-ops: files are read through snapshots and there is nothing to
 * commit, but BI tools in manual-commit mode call them and Calcite throws.
 *
 * <p>Keys: {@code getPrimaryKeys} reports each file table's best detected single-column key
 * ({@code PK_NAME detected_pk_<table>}), {@code getImportedKeys}/{@code getExportedKeys} the
 * detected relationships whose names match and whose target is that key ({@code FK_NAME
 * detected_fk_<table>_<column>}), so a BI tool's ER diagram works on a folder. Files larger than
 * {@code metadata_keys_max_bytes} get none (keys need a full scan). {@code getColumns} REMARKS
 * carry the detection of each column in one line.
 */
public final class DsapMeta extends CalciteMetaImpl {
  private DsapMeta(CalciteConnectionImpl connection) {
    super(connection, CalciteMetaTableFactoryImpl.INSTANCE, DetectedColumnFactory.INSTANCE);
  }

  public static DsapMeta create(AvaticaConnection connection) {
    return new DsapMeta((CalciteConnectionImpl) connection);
  }

  @Override
  public void commit(ConnectionHandle ch) {
    // nothing to commit: dsap's tables are files read as they are
  }

  @Override
  public void rollback(ConnectionHandle ch) {
    // nothing to roll back
  }

  /**
   * As Calcite's, except that failures reach {@code Statement.execute*} with an SQLState a tool
   * can act on: a failure while the first rows are computed (ORDER BY, a blocking aggregate) as
   * the SQLException {@link DsapResultSet} made ({@code DSAP-nnnn}), a statement Calcite cannot
   * parse or validate as {@link SqlErrors#SYNTAX_OR_ACCESS}. Avatica would wrap either without one.
   */
  @Override
  public ExecuteResult prepareAndExecute(StatementHandle h, String sql, long maxRowCount, int maxRowsInFirstFrame,
      PrepareCallback callback) throws NoSuchStatementException {
    try {
      return super.prepareAndExecute(h, sql, maxRowCount, maxRowsInFirstFrame, callback);
    } catch (RuntimeException e) {
      SQLException stated = SqlErrors.stated(sql, e);
      if (stated == null) {
        throw e;
      }
      // Meta declares no SQLException, but every JDBC method on the way does and Avatica only
      // catches RuntimeExceptions there: the exception arrives at the caller as it is.
      throw DsapMeta.<RuntimeException>sneaky(stated);
    }
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> T sneaky(Throwable t) throws T {
    throw (T) t;
  }

  /**
   * Calcite's function lists plus dsap's names. These four lists are what crosses the Avatica wire
   * (there is no getFunctions request), and DBeaver reads them for highlighting and autocomplete.
   */
  @Override
  public Map<DatabaseProperty, Object> getDatabaseProperties(ConnectionHandle ch) {
    Map<DatabaseProperty, Object> props = new EnumMap<>(DatabaseProperty.class);
    props.putAll(super.getDatabaseProperties(ch));
    List<FormatReader> formats = FormatRegistry.defaults().formats();
    append(props, DatabaseProperty.GET_STRING_FUNCTIONS, FunctionCatalog.names(FunctionCatalog.Group.STRING, formats));
    append(props, DatabaseProperty.GET_NUMERIC_FUNCTIONS, FunctionCatalog.names(FunctionCatalog.Group.NUMERIC, formats));
    append(props, DatabaseProperty.GET_TIME_DATE_FUNCTIONS,
        FunctionCatalog.names(FunctionCatalog.Group.TIME_DATE, formats));
    append(props, DatabaseProperty.GET_SYSTEM_FUNCTIONS, FunctionCatalog.names(FunctionCatalog.Group.SYSTEM, formats));
    return props;
  }

  private static void append(Map<DatabaseProperty, Object> props, DatabaseProperty p, String names) {
    Object v = props.get(p);
    String calcite = v == null ? "" : v.toString();
    props.put(p, calcite.isEmpty() ? names : calcite + "," + names);
  }

  /** A row of {@code getPrimaryKeys} (Avatica's own row class cannot be built outside its package). */
  public static final class PrimaryKeyRow {
    public final String tableCat;
    public final String tableSchem;
    public final String tableName;
    public final String columnName;
    public final short keySeq;
    public final String pkName;

    PrimaryKeyRow(String tableCat, String tableSchem, String tableName, String columnName, short keySeq,
        String pkName) {
      this.tableCat = tableCat;
      this.tableSchem = tableSchem;
      this.tableName = tableName;
      this.columnName = columnName;
      this.keySeq = keySeq;
      this.pkName = pkName;
    }
  }

  @Override
  public MetaResultSet getPrimaryKeys(ConnectionHandle ch, String catalog, String schema, String table) {
    List<Object> rows = new ArrayList<>();
    FilesSchema files = files(schema);
    if (files != null && table != null) {
      Map<String, FileTable> tables = fileTables(files);
      FileTable t = find(tables, table);
      if (t != null) {
        String name = nameOf(tables, t);
        primaryKey(name, t).ifPresent(k -> rows.add(new PrimaryKeyRow(null, DsapFunctions.FILES_SCHEMA, name,
            k.column(), (short) 1, pkName(name))));
      }
    }
    return rows(PrimaryKeyRow.class, rows);
  }

  @Override
  public MetaResultSet getImportedKeys(ConnectionHandle ch, String catalog, String schema, String table) {
    return keys(schema, table, true);
  }

  @Override
  public MetaResultSet getExportedKeys(ConnectionHandle ch, String catalog, String schema, String table) {
    return keys(schema, table, false);
  }

  /** The keys {@code table} imports (its foreign keys) or exports (foreign keys pointing at it). */
  private MetaResultSet keys(String schema, String table, boolean imported) {
    List<Object> rows = new ArrayList<>();
    FilesSchema files = files(schema);
    if (files != null && table != null) {
      Map<String, FileTable> tables = fileTables(files);
      FileTable t = find(tables, table);
      if (t != null) {
        String name = nameOf(tables, t);
        for (Relationship r : reportedRelationships(tables)) {
          if (imported ? r.fkTable().equals(name) : r.pkTable().equals(name)) {
            rows.add(new MetaImpl.MetaImportedKey(null, DsapFunctions.FILES_SCHEMA, r.pkTable(), r.pkColumn(), null,
                DsapFunctions.FILES_SCHEMA, r.fkTable(), r.fkColumn(), (short) 1,
                (short) DatabaseMetaData.importedKeyNoAction, (short) DatabaseMetaData.importedKeyNoAction,
                "detected_fk_" + r.fkTable() + "_" + r.fkColumn(), pkName(r.pkTable()),
                (short) DatabaseMetaData.importedKeyNotDeferrable));
          }
        }
        rows.sort(java.util.Comparator.comparing((Object o) -> ((MetaImpl.MetaImportedKey) o).pktableName)
            .thenComparing(o -> ((MetaImpl.MetaImportedKey) o).fktableName)
            .thenComparing(o -> ((MetaImpl.MetaImportedKey) o).fkcolumnName));
      }
    }
    return rows(MetaImpl.MetaImportedKey.class, rows);
  }

  private static String pkName(String table) {
    return "detected_pk_" + table;
  }

  /**
   * The relationships metadata reports: per foreign-key column, the best candidate whose names
   * match and whose target is the target table's reported primary key.
   */
  private List<Relationship> reportedRelationships(Map<String, FileTable> tables) {
    List<FileTableRef> refs = new ArrayList<>();
    Map<String, String> keys = new LinkedHashMap<>();
    for (Map.Entry<String, FileTable> e : tables.entrySet()) {
      if (withinCap(e.getValue())) {
        try {
          refs.add(new FileTableRef(e.getKey(), e.getValue().file(), e.getValue().source()));
          primaryKey(e.getKey(), e.getValue()).ifPresent(k -> keys.put(e.getKey(), k.column()));
        } catch (RuntimeException x) {
          // an unreadable file has no keys; reading it by name gives the error
        }
      }
    }
    List<Relationship> out = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Relationship r : KeyCache.relationships(refs, RelationshipDetector.DEFAULT_MIN_COVERAGE)) {
      if (r.pkTable() != null && r.nameMatch() && r.pkColumn().equals(keys.get(r.pkTable()))
          && seen.add(r.fkTable() + "\u0000" + r.fkColumn())) {
        out.add(r);
      }
    }
    return out;
  }

  private Optional<KeyColumn> primaryKey(String name, FileTable t) {
    if (!withinCap(t)) {
      return Optional.empty();
    }
    try {
      return KeyCache.primaryKey(new FileTableRef(name, t.file(), t.source()));
    } catch (RuntimeException e) {
      return Optional.empty(); // an unreadable file has no key; reading it by name gives the error
    }
  }

  /** Whether {@code t}'s file is small enough for key detection ({@code metadata_keys_max_bytes}). */
  private boolean withinCap(FileTable t) {
    long max = DsapDriver.metadataKeysMaxBytes(getConnection().getProperties());
    try {
      return max > 0 && Files.size(t.file()) <= max;
    } catch (IOException e) {
      return false;
    }
  }

  /** The connection's {@code files} schema when {@code schema} names it (or is null), else null. */
  private FilesSchema files(String schema) {
    if (schema != null && !schema.equalsIgnoreCase(DsapFunctions.FILES_SCHEMA)) {
      return null;
    }
    SchemaPlus s = getConnection().getRootSchema().subSchemas().get(DsapFunctions.FILES_SCHEMA);
    return s == null ? null : s.unwrap(FilesSchema.class);
  }

  private static Map<String, FileTable> fileTables(FilesSchema files) {
    Map<String, FileTable> out = new LinkedHashMap<>();
    for (Map.Entry<String, Table> e : files.tableMap().entrySet()) {
      if (e.getValue() instanceof FileTable t) {
        out.put(e.getKey(), t);
      }
    }
    return out;
  }

  /** The table named exactly {@code name}, else the one named so ignoring case (names are matched that way in SQL). */
  private static FileTable find(Map<String, FileTable> tables, String name) {
    FileTable t = tables.get(name);
    if (t != null) {
      return t;
    }
    for (Map.Entry<String, FileTable> e : tables.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return null;
  }

  private static String nameOf(Map<String, FileTable> tables, FileTable t) {
    for (Map.Entry<String, FileTable> e : tables.entrySet()) {
      if (e.getValue() == t) {
        return e.getKey();
      }
    }
    throw new IllegalStateException("table not in its schema");
  }

  /** JDBC's column labels of getPrimaryKeys, in order; the row fields are their camel-case forms. */
  private static final List<String> PRIMARY_KEY_COLUMNS = List.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME",
      "COLUMN_NAME", "KEY_SEQ", "PK_NAME");
  /** JDBC's column labels of getImportedKeys/getExportedKeys (Avatica spells the field {@code deferability}). */
  private static final List<String> IMPORTED_KEY_COLUMNS = List.of("PKTABLE_CAT", "PKTABLE_SCHEM", "PKTABLE_NAME",
      "PKCOLUMN_NAME", "FKTABLE_CAT", "FKTABLE_SCHEM", "FKTABLE_NAME", "FKCOLUMN_NAME", "KEY_SEQ", "UPDATE_RULE",
      "DELETE_RULE", "FK_NAME", "PK_NAME", "DEFERRABILITY");

  private MetaResultSet rows(Class<?> rowClass, List<Object> rows) {
    List<String> labels = rowClass == PrimaryKeyRow.class ? PRIMARY_KEY_COLUMNS : IMPORTED_KEY_COLUMNS;
    List<ColumnMetaData> columns = new ArrayList<>();
    List<java.lang.reflect.Field> fields = new ArrayList<>();
    List<String> fieldNames = new ArrayList<>();
    for (String label : labels) {
      String name = label.equals("DEFERRABILITY") ? "deferability" : org.apache.calcite.avatica.AvaticaUtils.toCamelCase(label);
      try {
        java.lang.reflect.Field f = rowClass.getField(name);
        columns.add(columnMetaData(label, columns.size(), f.getType(), true));
        fields.add(f);
        fieldNames.add(name);
      } catch (NoSuchFieldException e) {
        throw new IllegalStateException(e);
      }
    }
    return createResultSet(Map.of(), columns, CursorFactory.record(rowClass, fields, fieldNames),
        new Frame(0, true, rows));
  }

  /** A column of {@code getColumns} whose REMARKS say how its type was detected. */
  public static final class DetectedColumn extends MetaImpl.MetaColumn {
    /** Hides {@link MetaImpl.MetaColumn#remarks} (always null there): Avatica reads fields by name, this class first. */
    public final String remarks;

    DetectedColumn(String tableCat, String tableSchem, String tableName, String columnName, int dataType,
        String typeName, Integer columnSize, Integer decimalDigits, int numPrecRadix, int nullable,
        Integer charOctetLength, int ordinalPosition, String isNullable, String remarks) {
      super(tableCat, tableSchem, tableName, columnName, dataType, typeName, columnSize, decimalDigits, numPrecRadix,
          nullable, charOctetLength, ordinalPosition, isNullable);
      this.remarks = remarks;
    }
  }

  /** Builds {@link DetectedColumn}s: REMARKS from the cached detection, never a new read. */
  static final class DetectedColumnFactory implements CalciteMetaColumnFactory {
    static final DetectedColumnFactory INSTANCE = new DetectedColumnFactory();

    @Override
    public MetaImpl.MetaColumn createColumn(Table table, String tableCat, String tableSchem, String tableName,
        String columnName, int dataType, String typeName, Integer columnSize, Integer decimalDigits, int numPrecRadix,
        int nullable, Integer charOctetLength, int ordinalPosition, String isNullable) {
      return new DetectedColumn(tableCat, tableSchem, tableName, columnName, dataType, typeName, columnSize,
          decimalDigits, numPrecRadix, nullable, charOctetLength, ordinalPosition, isNullable,
          table instanceof FileTable t ? remarks(t, ordinalPosition - 1) : null);
    }

    @Override
    public Class<? extends MetaImpl.MetaColumn> getMetaColumnClass() {
      return DetectedColumn.class;
    }

    /**
     * {@code INTEGER: <why>}, plus the semantic type and flags when {@code detect_schema} (or
     * {@code quality_report}) has read the whole unchanged file.
     */
    static String remarks(FileTable t, int index) {
      try {
        List<ColumnSpec> specs = t.columns();
        if (index < 0 || index >= specs.size()) {
          return null;
        }
        ColumnSpec spec = specs.get(index);
        StringBuilder s = new StringBuilder("detected ").append(spec.typeText()).append(": ").append(spec.detection());
        Optional<DataSchema> full = DetectedSchemas.latestFull(t.file());
        if (full.isPresent() && index < full.get().columns().size()
            && full.get().columns().get(index).name().equals(spec.name())) {
          ColumnSchema c = full.get().columns().get(index);
          if (c.semanticType() != null) {
            s.append("; semantic type ").append(c.semanticType()).append(" (")
                .append(Math.round(c.semanticMatch() * 1000) / 10.0).append("% match)");
          }
          if (!c.flags().isEmpty()) {
            s.append("; flags ").append(String.join(",", c.flags()));
          }
          s.append("; quality ").append(Math.round(c.quality().overall() * 10_000) / 10_000.0);
        }
        return s.toString();
      } catch (RuntimeException e) {
        return null; // metadata must not fail on a file that cannot be read; querying it gives the error
      }
    }
  }
}
