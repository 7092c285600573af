package io.dsap.engine.validate;

import io.dsap.engine.error.DsapException;
import io.dsap.engine.error.ErrorCode;
import io.dsap.engine.format.FormatOptions;
import io.dsap.engine.format.TableSource;
import io.dsap.engine.schema.ColumnSchema;
import io.dsap.engine.schema.CustomCheck;
import io.dsap.engine.schema.ForeignKey;
import io.dsap.engine.schema.SchemaDocument;
import io.dsap.engine.schema.Severity;
import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.types.ColumnType;
import io.dsap.engine.validate.checks.AllowedValuesCheck;
import io.dsap.engine.validate.checks.ColumnsCheck;
import io.dsap.engine.validate.checks.CustomRuleCheck;
import io.dsap.engine.validate.checks.DateFormatCheck;
import io.dsap.engine.validate.checks.DuplicateRowCheck;
import io.dsap.engine.validate.checks.ForeignKeyCheck;
import io.dsap.engine.validate.checks.FreshnessCheck;
import io.dsap.engine.validate.checks.LengthCheck;
import io.dsap.engine.validate.checks.NotNullCheck;
import io.dsap.engine.validate.checks.OutlierCheck;
import io.dsap.engine.validate.checks.PatternCheck;
import io.dsap.engine.validate.checks.RangeCheck;
import io.dsap.engine.validate.checks.ReferenceValues;
import io.dsap.engine.validate.checks.RowCountCheck;
import io.dsap.engine.validate.checks.RulesCheck;
import io.dsap.engine.validate.checks.UniqueCheck;
import io.dsap.engine.validate.rules.RuleCompiler;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Turns a schema document into the checks that enforce it, over the columns as read. This is
 * the one table of which schema key makes which check; the order here is the order of a row's
 * issues.
 */
final class CheckFactory {
  private final List<ColumnSpec> columns;
  private final DataFiles files;
  private final SchemaResolver schemas;
  private final LongSupplier records;
  private final Clock clock;

  CheckFactory(List<ColumnSpec> columns, DataFiles files, SchemaResolver schemas, LongSupplier records, Clock clock) {
    this.columns = columns;
    this.files = files;
    this.schemas = schemas;
    this.records = records;
    this.clock = clock;
  }

  int index(String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }

  List<Check> checks(SchemaDocument doc, boolean structural) {
    List<Check> out = new ArrayList<>();
    if (structural) {
      out.add(new ColumnsCheck(doc.columns(), columns.stream().map(ColumnSpec::name).toList(),
          doc.unexpectedColumnsOrDefault(), doc.columnOrderOrDefault()));
    }
    for (ColumnSchema col : doc.columns()) {
      int c = index(col.name());
      if (c >= 0) {
        columnChecks(col, columns.get(c), c, out);
      }
    }
    for (CustomCheck cc : doc.checks()) {
      int c = index(cc.column());
      if (c < 0) {
        throw unknownColumn("check '" + cc.use() + "'", cc.column());
      }
      ValidationRule rule = ValidationRules.byName(cc.use());
      ValidationRule.ValueTest test;
      try {
        test = rule.bind(columns.get(c).name(), cc.with());
      } catch (IllegalArgumentException e) {
        throw new DsapException(ErrorCode.INVALID_SCHEMA, "check 'use: " + cc.use() + "' on " + cc.column() + ": "
            + e.getMessage());
      }
      out.add(new CustomRuleCheck(cc, c, test));
    }
    for (ForeignKey fk : doc.foreignKeys()) {
      int c = index(fk.column());
      if (c < 0) {
        throw unknownColumn("foreign key", fk.column());
      }
      ColumnSpec spec = columns.get(c);
      out.add(new ForeignKeyCheck(spec, c, fk, () -> references(fk, spec)));
    }
    if (!doc.rules().isEmpty()) {
      out.add(new RulesCheck(RuleCompiler.compile(columns, doc.rules())));
    }
    Severity dup = doc.duplicateRowsOrDefault().severity();
    if (dup != null) {
      out.add(new DuplicateRowCheck(dup));
    }
    if (doc.rowCount() != null) {
      out.add(new RowCountCheck(doc.rowCount(), records));
    }
    if (doc.freshness() != null) {
      int c = index(doc.freshness().column());
      if (c < 0 || !columns.get(c).type().isTemporal()) {
        throw new DsapException(ErrorCode.INVALID_SCHEMA, "freshness.column '" + doc.freshness().column()
            + "' must be a DATE or TIMESTAMP column of the file");
      }
      out.add(new FreshnessCheck(columns.get(c), c, doc.freshness(), clock));
    }
    return out;
  }

  private void columnChecks(ColumnSchema col, ColumnSpec spec, int c, List<Check> out) {
    Severity sev = col.severityOrDefault();
    double mostly = col.mostlyOrDefault();
    String name = spec.name();
    if (Boolean.FALSE.equals(col.nullable())) {
      out.add(new NotNullCheck(name, c, sev, mostly, "the schema says nullable: false"));
    }
    if (Boolean.TRUE.equals(col.unique())) {
      out.add(new UniqueCheck(spec, c, sev, mostly));
    }
    if (col.min() != null || col.max() != null) {
      try {
        out.add(new RangeCheck(spec, c, col.min(), col.max(), sev, mostly));
      } catch (RuntimeException e) {
        throw new DsapException(ErrorCode.INVALID_SCHEMA, "column " + name + ": min/max (" + col.min() + ", "
            + col.max() + ") do not fit its type " + spec.typeText() + " (" + e.getMessage() + ")");
      }
    }
    if (col.allowedValues() != null) {
      out.add(new AllowedValuesCheck(spec, c, col.allowedValues(), sev, mostly));
    }
    if (col.semantic() != null) {
      out.add(PatternCheck.semantic(name, c, col.semanticType(), sev, mostly, null));
    }
    if (col.pattern() != null) {
      out.add(PatternCheck.regex(name, c, col.pattern(), sev, mostly));
    }
    if (col.minLength() != null || col.maxLength() != null) {
      out.add(new LengthCheck(name, c, col.minLength(), col.maxLength(), sev, mostly));
    }
    if (col.format() != null && spec.type() == ColumnType.VARCHAR) {
      out.add(new DateFormatCheck(name, c, col.format(), sev, mostly));
    }
    if (col.outliers() != null) {
      if (!spec.type().isNumeric()) {
        throw new DsapException(ErrorCode.INVALID_SCHEMA, "column " + name + ": outliers need a numeric column, but it"
            + " is read as " + spec.typeText());
      }
      out.add(new OutlierCheck(spec, c, col.outliers(), col.severity() == null ? Severity.WARNING : sev, mostly));
    }
  }

  private ReferenceValues references(ForeignKey fk, ColumnSpec from) {
    String path = schemas.fileOf(fk.references());
    TableSource ref = files.open(path, FormatOptions.NONE);
    int rc = -1;
    for (int i = 0; i < ref.columns().size(); i++) {
      if (ref.columns().get(i).name().equalsIgnoreCase(fk.refColumnOrDefault())) {
        rc = i;
      }
    }
    if (rc < 0) {
      throw new IllegalArgumentException(path + " has no column " + fk.refColumnOrDefault() + " (it has: "
          + String.join(", ", ref.columns().stream().map(ColumnSpec::name).toList()) + ")");
    }
    return ReferenceValues.read(ref, rc, from);
  }

  private DsapException unknownColumn(String what, String column) {
    return new DsapException(ErrorCode.INVALID_SCHEMA, what + " names column '" + column + "', which the file does"
        + " not have (it has: " + String.join(", ", columns.stream().map(ColumnSpec::name).toList()) + ")");
  }
}
