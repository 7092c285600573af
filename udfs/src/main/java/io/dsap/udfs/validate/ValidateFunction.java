package io.dsap.udfs.validate;

import io.dsap.engine.validate.DataValidator;
import io.dsap.engine.validate.Issue;
import io.dsap.engine.validate.ValidationResult;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.function.Parameter;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code validate(path [, schema] [, rules])}: one row per problem, parse rejects and check
 * failures in one stream, in file order. Streamed: rows are produced as the file is read, so a
 * million failing rows are never held at once. The function itself is cheap (Calcite calls it
 * three times per query); the work starts when the rows are asked for.
 */
public final class ValidateFunction {
  private ValidateFunction() {}

  public static ScannableTable validate(@Parameter(name = "path") String path,
      @Parameter(name = "schema", optional = true) String schema,
      @Parameter(name = "rules", optional = true) String rules) {
    return new Issues(SqlContext.trim(path), SqlContext.trim(schema), rules);
  }

  private static final class Issues extends AbstractTable implements ScannableTable {
    private final String path;
    private final String schema;
    private final String rules;

    Issues(String path, String schema, String rules) {
      this.path = path;
      this.schema = schema;
      this.rules = rules;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory f) {
      return f.builder()
          .add("line", SqlTypeName.BIGINT).nullable(true)
          .add("row_number", SqlTypeName.BIGINT).nullable(true)
          .add("column_name", SqlTypeName.VARCHAR).nullable(true)
          .add("check_name", SqlTypeName.VARCHAR)
          .add("severity", SqlTypeName.VARCHAR)
          .add("value", SqlTypeName.VARCHAR).nullable(true)
          .add("expected", SqlTypeName.VARCHAR).nullable(true)
          .add("message", SqlTypeName.VARCHAR)
          .add("suggestion", SqlTypeName.VARCHAR).nullable(true)
          .build();
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root) {
      DataValidator validator = SqlContext.validator(root);
      AtomicBoolean cancel = SqlContext.cancelFlag(root);
      return new AbstractEnumerable<>() {
        @Override
        public Enumerator<Object[]> enumerator() {
          return new IssueEnumerator(validator.validate(path, schema, rules), cancel);
        }
      };
    }
  }

  /** Pulls issues from the validation as rows are asked for. */
  private static final class IssueEnumerator implements Enumerator<Object[]> {
    private final ValidationResult result;
    private final Iterator<Issue> issues;
    private final AtomicBoolean cancel;
    private Object[] current;

    IssueEnumerator(ValidationResult result, AtomicBoolean cancel) {
      this.result = result;
      this.issues = result.issues().iterator();
      this.cancel = cancel;
    }

    @Override
    public Object[] current() {
      return current;
    }

    @Override
    public boolean moveNext() {
      if (cancel.get() || !issues.hasNext()) {
        return false;
      }
      current = issues.next().toRow();
      return true;
    }

    @Override
    public void reset() {
      throw new UnsupportedOperationException("validate() is read once");
    }

    @Override
    public void close() {
      result.close();
    }
  }
}
