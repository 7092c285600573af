package io.dsap.udfs;

import io.dsap.engine.calcite.OutputSchema;
import io.dsap.engine.error.DsapException;
import io.dsap.engine.error.ErrorCode;
import io.dsap.engine.write.AtomicFileWriter;
import io.dsap.engine.write.OutputColumn;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.server.DdlExecutor;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.ddl.SqlCreateTable;
import org.apache.calcite.sql.dialect.CalciteSqlDialect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.tools.FrameworkConfig;
import org.apache.calcite.tools.Frameworks;
import org.apache.calcite.tools.Planner;

/**
 * Runs {@code CREATE TABLE out."path/name.ext" AS SELECT ...}: the query's rows are written to a
 * file under the output root, in the format its extension names, atomically (nothing is left
 * behind if the query or the write fails). Every other DDL statement is refused: dsap's tables
 * are files.
 */
public final class ExportDdlExecutor implements DdlExecutor {
  public static final ExportDdlExecutor INSTANCE = new ExportDdlExecutor();

  private ExportDdlExecutor() {}

  @Override
  public void executeDdl(CalcitePrepare.Context context, SqlNode node) {
    if (!(node instanceof SqlCreateTable create) || create.query == null) {
      throw unsupported(node);
    }
    WritePermission.check(context.getDataContext(), "CREATE TABLE ... AS");
    List<String> names = create.name.names;
    if (names.size() != 2 || !names.get(0).equalsIgnoreCase(OUT_SCHEMA)) {
      throw new DsapException(ErrorCode.INVALID_OPTION, "CREATE TABLE writes files under the output root: name"
          + " the file in the out schema, e.g. CREATE TABLE out.\"clean/orders.parquet\" AS SELECT ... (got "
          + create.name + ")");
    }
    SchemaPlus root = context.getRootSchema().plus();
    SchemaPlus outPlus = root.subSchemas().get(OUT_SCHEMA);
    OutputSchema out = outPlus == null ? null : outPlus.unwrap(OutputSchema.class);
    if (out == null) {
      throw new DsapException(ErrorCode.INTERNAL, "this connection has no output schema");
    }
    Path target = out.root().resolveTarget(names.get(1));
    AtomicFileWriter.formatFor(target); // fail on an unknown extension before running the query
    String select = create.query.toSqlString(c -> c.withDialect(CalciteSqlDialect.DEFAULT)).getSql();
    try (PreparedStatement ps = prepare(context, root, select); ResultSet rs = ps.executeQuery()) {
      ResultSetMetaData md = rs.getMetaData();
      List<OutputColumn> columns = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        columns.add(new OutputColumn(md.getColumnLabel(i), md.getColumnType(i), md.getPrecision(i), md.getScale(i)));
      }
      try (AtomicFileWriter w = AtomicFileWriter.open(target, columns)) {
        Object[] row = new Object[columns.size()];
        while (rs.next()) {
          for (int i = 0; i < row.length; i++) {
            row[i] = rs.getObject(i + 1);
          }
          w.write(row);
        }
        w.commit();
      }
    } catch (SQLException | RuntimeException e) {
      if (e instanceof DsapException d && d.code() != ErrorCode.MALFORMED_DATA) {
        throw d;
      }
      throw new DsapException(ErrorCode.MALFORMED_DATA, "the query of CREATE TABLE " + create.name + " failed, so no"
          + " file was written: " + e.getMessage(), e);
    }
  }

  static final String OUT_SCHEMA = "out";

  /** Plans the SELECT with the connection's lex, functions and default schema, and prepares it. */
  private static PreparedStatement prepare(CalcitePrepare.Context context, SchemaPlus root, String select)
      throws SQLException {
    CalciteConnectionConfig cfg = context.config();
    FrameworkConfig config = Frameworks.newConfigBuilder()
        .parserConfig(SqlParser.config().withLex(cfg.lex()).withCaseSensitive(cfg.caseSensitive())
            .withParserFactory(DsapSqlParser.FACTORY).withConformance(cfg.conformance()))
        .defaultSchema(root.subSchemas().get(DsapFunctions.FILES_SCHEMA))
        .operatorTable(cfg.fun(SqlOperatorTable.class, SqlStdOperatorTable.instance()))
        .build();
    Planner planner = Frameworks.getPlanner(config);
    try {
      RelRoot rel = planner.rel(planner.validate(planner.parse(select)));
      return context.getRelRunner().prepareStatement(rel.project());
    } catch (Exception e) {
      throw new SQLException(e.getMessage(), e);
    } finally {
      planner.close();
    }
  }

  private static DsapException unsupported(SqlNode node) {
    return new DsapException(ErrorCode.INVALID_OPTION, "dsap's tables are files and cannot be changed with "
        + node.getKind() + ". To write a file, use CREATE TABLE out.\"path/name.csv|json|ndjson|parquet\" AS SELECT ...");
  }
}
