package io.dsap.udfs;

import io.dsap.engine.error.DsapException;
import io.dsap.engine.error.ErrorCode;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserImplFactory;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.server.DdlExecutor;
import org.apache.calcite.sql.parser.ddl.SqlDdlParserImpl;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.util.SourceStringReader;

/**
 * Calcite's SQL parser (with DDL, for {@code CREATE TABLE out."x.csv" AS SELECT}) and two fixes
 * for named arguments ({@code read_csv(path => 'x.csv',
 * skip => 1)}):
 *
 * <ul>
 *   <li>an argument name that is a reserved word ({@code escape}, {@code skip}) is accepted: every
 *       bare name before {@code =>} is quoted before parsing;
 *   <li>a call to a dsap function may start with positional arguments and go on with named ones
 *       ({@code read_csv('x.csv', header => false)}): the positional ones are given their names.
 *       Any other mix fails with a clear message (Calcite would throw a ClassCastException while
 *       planning).
 * </ul>
 */
public final class DsapSqlParser extends SqlDdlParserImpl {
  public static final SqlParserImplFactory FACTORY = new SqlParserImplFactory() {
    @Override
    public SqlAbstractParserImpl getParser(Reader reader) {
      String sql = NamedArguments.quoteNames(readAll(reader));
      DsapSqlParser parser = new DsapSqlParser(new SourceStringReader(sql));
      parser.setOriginalSql(sql);
      return parser;
    }

    @Override
    public DdlExecutor getDdlExecutor() {
      return ExportDdlExecutor.INSTANCE;
    }
  };

  private DsapSqlParser(Reader reader) {
    super(reader);
  }

  @Override
  public SqlNode parseSqlStmtEof() throws Exception {
    return checked(super.parseSqlStmtEof());
  }

  @Override
  public SqlNodeList parseSqlStmtList() throws Exception {
    SqlNodeList list = super.parseSqlStmtList();
    list.forEach(DsapSqlParser::checked);
    return list;
  }

  @Override
  public SqlNode parseSqlExpressionEof() throws Exception {
    return checked(super.parseSqlExpressionEof());
  }

  private static SqlNode checked(SqlNode node) {
    if (node != null) {
      node.accept(new SqlBasicVisitor<Void>() {
        @Override
        public Void visit(SqlCall call) {
          int named = 0;
          int positional = 0;
          for (SqlNode operand : call.getOperandList()) {
            if (operand == null) {
              continue;
            }
            if (operand.getKind() == SqlKind.ARGUMENT_ASSIGNMENT) {
              named++;
            } else {
              positional++;
            }
          }
          List<String> params = named == 0 ? DsapFunctions.parameterNames(call.getOperator().getName()) : null;
          if (params != null && positional > params.size()) {
            // the function's other parameters are named-only (quality_report's weights)
            String name = call.getOperator().getName();
            throw new DsapException(ErrorCode.INVALID_OPTION, name + " takes at most " + params.size()
                + " positional arguments (" + String.join(", ", params) + "); give the others by name, e.g. "
                + name + "('orders.csv', weights => 'completeness:2')");
          }
          if (named > 0 && positional > 0 && !nameLeadingPositionals(call)) {
            String name = call.getOperator().getName();
            throw new DsapException(ErrorCode.INVALID_OPTION, "the call to " + name + " mixes positional and"
                + " named arguments. Write positional arguments first and named ones after, e.g. " + name
                + "('orders.csv', header => false), or every argument as name => value.");
          }
          return super.visit(call);
        }
      });
    }
    return node;
  }

  /**
   * Names the positional arguments that precede the named ones in a call to a dsap function;
   * false if the call is not to a known function or a positional argument follows a named one.
   */
  private static boolean nameLeadingPositionals(SqlCall call) {
    List<String> params = DsapFunctions.parameterNames(call.getOperator().getName());
    if (params == null || !(call instanceof SqlBasicCall basic)) {
      return false;
    }
    List<SqlNode> operands = call.getOperandList();
    int firstNamed = 0;
    while (firstNamed < operands.size() && operands.get(firstNamed).getKind() != SqlKind.ARGUMENT_ASSIGNMENT) {
      firstNamed++;
    }
    for (int i = firstNamed; i < operands.size(); i++) {
      if (operands.get(i).getKind() != SqlKind.ARGUMENT_ASSIGNMENT) {
        return false;
      }
    }
    if (firstNamed > params.size()) {
      return false;
    }
    for (int i = 0; i < firstNamed; i++) {
      SqlNode value = operands.get(i);
      SqlParserPos pos = value.getParserPosition();
      basic.setOperand(i, SqlStdOperatorTable.ARGUMENT_ASSIGNMENT.createCall(pos, value,
          new SqlIdentifier(params.get(i), pos)));
    }
    return true;
  }

  private static String readAll(Reader reader) {
    if (reader instanceof SourceStringReader s) {
      return s.getSourceString();
    }
    try {
      StringBuilder sb = new StringBuilder();
      char[] buf = new char[4096];
      for (int n = reader.read(buf); n > 0; n = reader.read(buf)) {
        sb.append(buf, 0, n);
      }
      return sb.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
