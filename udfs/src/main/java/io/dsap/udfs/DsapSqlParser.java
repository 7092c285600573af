package io.dsap.udfs;

import io.dsap.engine.error.DsapException;
import io.dsap.engine.error.ErrorCode;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.sql.parser.SqlParserImplFactory;
import org.apache.calcite.sql.parser.impl.SqlParserImpl;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.util.SourceStringReader;

/**
 * Calcite's SQL parser with two fixes for named arguments ({@code read_csv(path => 'x.csv',
 * skip => 1)}):
 *
 * <ul>
 *   <li>an argument name that is a reserved word ({@code escape}, {@code skip}) is accepted: every
 *       bare name before {@code =>} is quoted before parsing;
 *   <li>a call that mixes positional and named arguments fails with a clear message (Calcite
 *       would throw a ClassCastException while planning).
 * </ul>
 */
public final class DsapSqlParser extends SqlParserImpl {
  public static final SqlParserImplFactory FACTORY = new SqlParserImplFactory() {
    @Override
    public SqlAbstractParserImpl getParser(Reader reader) {
      String sql = NamedArguments.quoteNames(readAll(reader));
      DsapSqlParser parser = new DsapSqlParser(new SourceStringReader(sql));
      parser.setOriginalSql(sql);
      return parser;
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
          if (named > 0 && positional > 0) {
            String name = call.getOperator().getName();
            throw new DsapException(ErrorCode.INVALID_OPTION, "the call to " + name + " mixes positional and"
                + " named arguments. Write every argument as name => value, e.g. " + name
                + "(path => 'orders.csv', header => false), or every argument by position.");
          }
          return super.visit(call);
        }
      });
    }
    return node;
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
