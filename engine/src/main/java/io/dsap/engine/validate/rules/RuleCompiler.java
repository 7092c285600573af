package io.dsap.engine.validate.rules;

import io.dsap.engine.calcite.SqlTypes;
import io.dsap.engine.error.DsapException;
import io.dsap.engine.error.ErrorCode;
import io.dsap.engine.schema.TableRule;
import io.dsap.engine.types.ColumnSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.config.Lex;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexExecutable;
import org.apache.calcite.rex.RexExecutorImpl;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.fun.SqlLibrary;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlLibraryOperatorTableFactory;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.tools.FrameworkConfig;
import org.apache.calcite.tools.Frameworks;
import org.apache.calcite.tools.Planner;

/**
 * Compiles row rules (SQL boolean expressions) once per validation: Calcite parses and
 * validates {@code SELECT (rule1), (rule2) ... FROM file} against the file's columns, and the
 * projected expressions become one generated Java method ({@link RexExecutorImpl}) that is then
 * called per row. No query runs per rule or per row.
 */
public final class RuleCompiler {
  private static final String PREFIX = "SELECT (";
  private static final Pattern POSITION = Pattern.compile("From line 1, column (\\d+) to line 1, column (\\d+): (.*)",
      Pattern.DOTALL);

  private RuleCompiler() {}

  /** Compiles {@code rules} over {@code columns}; a bad rule fails with its name, the problem and the columns. */
  public static CompiledRules compile(List<ColumnSpec> columns, List<TableRule> rules) {
    return compile(columns, rules, true);
  }

  /**
   * Compiles SQL expressions of any type (derived columns: {@code quantity * price}) the same way;
   * {@link CompiledRules#types()} gives their result types. A rule's name names the expression in messages.
   */
  public static CompiledRules compileExpressions(List<ColumnSpec> columns, List<TableRule> expressions) {
    return compile(columns, expressions, false);
  }

  private static CompiledRules compile(List<ColumnSpec> columns, List<TableRule> rules, boolean conditions) {
    try {
      return compileAll(columns, rules, conditions);
    } catch (Exception e) {
      for (TableRule r : rules) { // find the culprit for a precise message (error path only)
        try {
          compileAll(columns, List.of(r), conditions);
        } catch (Exception one) {
          throw error(r, one, columns);
        }
      }
      throw new DsapException(ErrorCode.INVALID_RULE, "the rules could not be compiled together: " + e.getMessage(), e);
    }
  }

  private static CompiledRules compileAll(List<ColumnSpec> columns, List<TableRule> rules, boolean conditions)
      throws Exception {
    SchemaPlus root = CalciteSchema.createRootSchema(false, false).plus();
    root.add("t", new AbstractTable() {
      @Override
      public RelDataType getRowType(RelDataTypeFactory f) {
        return SqlTypes.rowType(f, columns);
      }
    });
    RuleFunctions.register(root);
    FrameworkConfig config = Frameworks.newConfigBuilder()
        .defaultSchema(root)
        .parserConfig(SqlParser.config().withLex(Lex.MYSQL_ANSI))
        .operatorTable(SqlLibraryOperatorTableFactory.INSTANCE.getOperatorTable(SqlLibrary.STANDARD,
            SqlLibrary.POSTGRESQL))
        .build();
    StringBuilder sql = new StringBuilder();
    for (int i = 0; i < rules.size(); i++) {
      sql.append(i == 0 ? PREFIX : ", (").append(rules.get(i).check()).append(") AS \"r").append(i).append('"');
    }
    sql.append(" FROM \"t\"");
    Planner planner = Frameworks.getPlanner(config);
    try {
      SqlNode parsed = planner.parse(sql.toString());
      SqlNode validated = planner.validate(parsed);
      RelNode rel = planner.rel(validated).project();
      if (!(rel instanceof Project project)) {
        throw new IllegalStateException("unexpected plan " + rel.explain());
      }
      RexBuilder rexBuilder = rel.getCluster().getRexBuilder();
      RelDataType inputType = project.getInput().getRowType();
      List<RexNode> exps = new ArrayList<>();
      List<int[]> referenced = new ArrayList<>();
      for (int i = 0; i < project.getProjects().size(); i++) {
        RexNode e = project.getProjects().get(i);
        if (conditions && e.getType().getSqlTypeName() != SqlTypeName.BOOLEAN) {
          throw new IllegalArgumentException("the expression is " + e.getType().getSqlTypeName()
              + ", not a condition (TRUE/FALSE); compare it with something, e.g. " + rules.get(i).check() + " > 0");
        }
        RexNode expanded = RexUtil.expandSearch(rexBuilder, null, e);
        exps.add(expanded);
        referenced.add(inputs(expanded));
      }
      RexExecutable executable = RexExecutorImpl.getExecutable(rexBuilder, exps, inputType);
      JavaTypeFactory tf = rexBuilder.getTypeFactory() instanceof JavaTypeFactory j ? j : new JavaTypeFactoryImpl();
      List<RelDataType> types = exps.stream().map(RexNode::getType).toList();
      return new CompiledRules(rules, referenced, types, exps, columns, executable.getFunction()::apply, tf);
    } finally {
      planner.close();
    }
  }

  private static int[] inputs(RexNode e) {
    Set<Integer> seen = new LinkedHashSet<>();
    e.accept(new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        seen.add(ref.getIndex());
        return ref;
      }
    });
    return seen.stream().mapToInt(Integer::intValue).toArray();
  }

  private static DsapException error(TableRule rule, Exception e, List<ColumnSpec> columns) {
    Throwable t = e;
    while (t.getCause() != null && t.getMessage() != null && !t.getMessage().contains("line 1")
        && t.getCause() != t) {
      t = t.getCause();
    }
    String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    msg = msg.replace("\n", " ");
    Matcher m = POSITION.matcher(msg);
    String where = "";
    if (m.find()) {
      int at = Integer.parseInt(m.group(1)) - PREFIX.length();
      where = " at character " + Math.max(1, at);
      msg = m.group(3);
    } else if (msg.startsWith("Encountered") || msg.contains("Encountered")) {
      msg = "syntax error: " + msg.replaceAll(" at line 1, column \\d+", "").replaceAll("\\s+", " ");
      int w = msg.indexOf("Was expecting");
      if (w > 0) {
        msg = msg.substring(0, w).trim();
      }
      while (msg.endsWith(".")) {
        msg = msg.substring(0, msg.length() - 1);
      }
      for (ColumnSpec c : columns) { // a column named like a keyword (day, value, year) must be quoted
        if (msg.toLowerCase(java.util.Locale.ROOT).matches("(?s).*\\b" + Pattern.quote(c.name().toLowerCase(
            java.util.Locale.ROOT)) + "\\b.*") && c.name().matches("[A-Za-z_]+")) {
          msg += "; if " + c.name() + " is meant as the column, quote it: \"" + c.name() + "\" (it is a SQL keyword)";
          break;
        }
      }
    }
    while (msg.endsWith(".")) {
      msg = msg.substring(0, msg.length() - 1);
    }
    String cols = columns.stream().map(ColumnSpec::name).collect(Collectors.joining(", "));
    return new DsapException(ErrorCode.INVALID_RULE, "rule '" + rule.displayName() + "'" + where + ": " + msg
        + ". A rule is a SQL condition over the file's columns (" + cols + "), e.g. quantity > 0.", e);
  }
}
