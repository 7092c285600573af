package io.dsap.engine.validate.rules;

import io.dsap.engine.schema.TableRule;
import io.dsap.engine.types.ColumnSpec;
import java.util.List;
import java.util.TimeZone;
import java.util.function.Function;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.SchemaPlus;

/**
 * Row rules compiled to one Java method (by Calcite and Janino) that evaluates every rule for
 * a row: {@code evaluate(row)} gives one Boolean (or null) per rule. Not thread-safe.
 */
public final class CompiledRules {
  private final List<TableRule> rules;
  private final List<int[]> referenced;
  private final List<RelDataType> types;
  private final List<RexNode> expressions;
  private final List<ColumnSpec> columns;
  private final Function<DataContext, Object[]> function;
  private final RowContext context;

  CompiledRules(List<TableRule> rules, List<int[]> referenced, List<RelDataType> types, List<RexNode> expressions,
      List<ColumnSpec> columns, Function<DataContext, Object[]> function, JavaTypeFactory typeFactory) {
    this.rules = List.copyOf(rules);
    this.expressions = List.copyOf(expressions);
    this.columns = List.copyOf(columns);
    this.referenced = List.copyOf(referenced);
    this.types = List.copyOf(types);
    this.function = function;
    this.context = new RowContext(typeFactory);
  }

  public List<TableRule> rules() {
    return rules;
  }

  /** The SQL type of each expression's result, in order. */
  public List<RelDataType> types() {
    return types;
  }

  /** The rules as Calcite expressions over the file's columns (input i is column i), in order. */
  public List<RexNode> expressions() {
    return expressions;
  }

  /** The file's columns the rules were compiled against. */
  public List<ColumnSpec> columns() {
    return columns;
  }

  /** Column indexes rule {@code i} reads, in order of first appearance. */
  public int[] referenced(int i) {
    return referenced.get(i);
  }

  /** Evaluates all rules on {@code row} (values in Calcite's representation, by file column). */
  public Object[] evaluate(Object[] row) {
    context.row = row;
    return function.apply(context);
  }

  /** What generated code reads: the row as "inputRecord", and the statement's clock. */
  private static final class RowContext implements DataContext {
    private final JavaTypeFactory typeFactory;
    private final long now = System.currentTimeMillis();
    private final TimeZone zone = TimeZone.getTimeZone("UTC");
    Object[] row;

    RowContext(JavaTypeFactory typeFactory) {
      this.typeFactory = typeFactory;
    }

    @Override
    public SchemaPlus getRootSchema() {
      return null;
    }

    @Override
    public JavaTypeFactory getTypeFactory() {
      return typeFactory;
    }

    @Override
    public QueryProvider getQueryProvider() {
      return null;
    }

    @Override
    public Object get(String name) {
      if (name.equals("inputRecord")) {
        return row;
      }
      if (name.equals(Variable.CURRENT_TIMESTAMP.camelName) || name.equals(Variable.LOCAL_TIMESTAMP.camelName)
          || name.equals(Variable.UTC_TIMESTAMP.camelName) || name.equals(Variable.SYS_TIMESTAMP.camelName)) {
        return now;
      }
      if (name.equals(Variable.TIME_ZONE.camelName)) {
        return zone;
      }
      if (name.equals(Variable.LOCALE.camelName)) {
        return java.util.Locale.ROOT;
      }
      return null;
    }
  }
}
