package io.dsap.spark;

import io.dsap.engine.schema.TableRule;
import java.util.Set;
import java.util.TreeSet;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.dialect.SparkSqlDialect;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

/**
 * Translates a schema's table rule (a SQL boolean expression) into Spark SQL with Calcite's
 * parser and its Spark dialect, instead of a second hand-written rule language: the rule means
 * on Spark what it means locally. A rule Calcite cannot parse, or that names a column the data
 * does not have, fails here with the rule's name and the reason.
 */
public final class RuleTranslator {
  private static final SqlParser.Config PARSER = SqlParser.config()
      .withQuoting(Quoting.DOUBLE_QUOTE)
      .withUnquotedCasing(Casing.UNCHANGED)
      .withQuotedCasing(Casing.UNCHANGED)
      .withCaseSensitive(false)
      .withConformance(SqlConformanceEnum.LENIENT);

  private RuleTranslator() {}

  /** The rule as a Spark SQL expression over columns {@code columns} (matched ignoring case). */
  public static String toSpark(TableRule rule, java.util.Collection<String> columns) {
    SqlNode node;
    try {
      node = SqlParser.create(rule.check(), PARSER).parseExpression();
    } catch (SqlParseException e) {
      throw new IllegalArgumentException("rule '" + rule.displayName() + "' (" + rule.check() + ") cannot be"
          + " translated to Spark SQL: " + firstLine(e.getMessage()));
    }
    Set<String> known = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    known.addAll(columns);
    node.accept(new SqlBasicVisitor<Void>() {
      @Override
      public Void visit(SqlIdentifier id) {
        String name = id.names.get(id.names.size() - 1);
        if (!known.contains(name)) {
          throw new IllegalArgumentException("rule '" + rule.displayName() + "' (" + rule.check() + ") names column '"
              + name + "', which the data does not have; columns: " + String.join(", ", columns));
        }
        return null;
      }

      @Override
      public Void visit(SqlCall call) {
        // function names are identifiers too: only operands name columns
        for (SqlNode operand : call.getOperandList()) {
          if (operand != null) {
            operand.accept(this);
          }
        }
        return null;
      }
    });
    try {
      return node.toSqlString(SparkSqlDialect.DEFAULT).getSql();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("rule '" + rule.displayName() + "' (" + rule.check() + ") cannot be"
          + " translated to Spark SQL: " + e.getMessage());
    }
  }

  private static String firstLine(String s) {
    int nl = s == null ? -1 : s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
