package io.dsap.engine.validate;

import io.dsap.engine.format.FormatOptions;
import io.dsap.engine.format.TableSource;
import io.dsap.engine.schema.ColumnSchema;
import io.dsap.engine.schema.DeclaredType;
import io.dsap.engine.schema.SchemaDocument;
import io.dsap.engine.schema.TableRule;
import io.dsap.engine.source.Fingerprint;
import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.types.ColumnType;
import io.dsap.engine.types.TemporalFormat;
import io.dsap.engine.validate.checks.ParseCheck;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prepares a validation: reads the file with the schema's types (so values that do not cast
 * become parse rejects), compiles the checks, and returns a {@link ValidationRun}. Without a
 * schema, the file's detected types and the built-in checks are used.
 */
public final class Validator {
  private final DataFiles files;
  private final SchemaResolver schemas;
  private final Clock clock;

  public Validator(DataFiles files, SchemaResolver schemas, Clock clock) {
    this.files = files;
    this.schemas = schemas;
    this.clock = clock;
  }

  public SchemaResolver schemas() {
    return schemas;
  }

  /**
   * Starts validating {@code path}. {@code schema} may be null (detected schema, built-in
   * checks); {@code inlineRules} are added to the schema's rules (or run alone).
   */
  public ValidationRun start(String path, SchemaDocument schema, List<TableRule> inlineRules) {
    TableSource source = source(path, schema);
    String key = key(path, source, schema, inlineRules);
    List<ColumnSpec> columns = source.columns();
    ParseCheck parse = new ParseCheck(columns);
    ValidationRun[] run = new ValidationRun[1];
    CheckFactory factory = new CheckFactory(columns, files, schemas, () -> run[0].records(), clock);
    SchemaDocument doc = schema == null ? null : schema.withMoreRules(inlineRules);
    if (doc != null) {
      List<Check> checks = factory.checks(doc, true); // compile now: a bad rule fails before any row is read
      run[0] = new ValidationRun(source, false, p -> checks, parse, key);
    } else {
      List<Check> ruleChecks = inlineRules.isEmpty() ? List.of()
          : factory.checks(SchemaDocument.ofColumns(List.of()).withMoreRules(inlineRules), false).stream()
              .filter(c -> !(c instanceof io.dsap.engine.validate.checks.DuplicateRowCheck)).toList();
      run[0] = new ValidationRun(source, true, p -> {
        List<Check> all = new ArrayList<>(BuiltInChecks.from(p));
        all.addAll(all.size() - 1, ruleChecks); // rules before the duplicate-row check
        return all;
      }, parse, key);
    }
    return run[0];
  }

  /**
   * The summary of a finished run that {@link #start} with these arguments would repeat (same file
   * content, detection, schema and rules), or null when none is cached.
   */
  public List<CheckResult> cachedSummary(String path, SchemaDocument schema, List<TableRule> inlineRules) {
    return SummaryCache.get(key(path, source(path, schema), schema, inlineRules));
  }

  /** The file read with the schema's types, so values that do not cast become parse rejects. */
  private TableSource source(String path, SchemaDocument schema) {
    TableSource detected = files.open(path, FormatOptions.NONE);
    if (schema != null) {
      String types = typeOverrides(schema, detected.columns());
      if (!types.isEmpty() && files.acceptsOption(path, "types")) {
        return files.open(path, FormatOptions.of(Map.of("types", types)));
      }
    }
    return detected;
  }

  /** What decides a run's results besides the clock and other files (see {@link SummaryCache}). */
  private String key(String path, TableSource source, SchemaDocument schema, List<TableRule> inlineRules) {
    return Fingerprint.of(files.resolve(path)) + "|" + source.format() + source.describe() + "|" + source.columns()
        + "|" + schema + "|" + inlineRules;
  }

  /**
   * The {@code types => '...'} option that reads columns as the schema declares them; only
   * columns whose declared type differs from detection are listed.
   */
  static String typeOverrides(SchemaDocument schema, List<ColumnSpec> detected) {
    List<String> parts = new ArrayList<>();
    for (ColumnSpec d : detected) {
      ColumnSchema col = schema.column(d.name()).orElse(null);
      if (col == null || col.type() == null && col.format() == null) {
        continue;
      }
      DeclaredType t = col.type() == null ? DeclaredType.of(d) : col.declaredType();
      String text;
      if (t.type() == ColumnType.DATE || t.type() == ColumnType.TIMESTAMP) {
        TemporalFormat f = col.format() == null ? TemporalFormat.ISO : col.readerFormat();
        // a layout the reader does not know: read text, the date_format check parses it
        text = f == null ? "VARCHAR" : t.type() + "(" + f.datePattern() + ")";
      } else if (t.type() == ColumnType.DECIMAL && t.precision() > 0) {
        text = "DECIMAL(" + t.precision() + "," + Math.max(0, t.scale()) + ")";
      } else {
        text = t.type().name();
      }
      if (!text.equals(current(d))) {
        parts.add(d.name() + ":" + text);
      }
    }
    return String.join(",", parts);
  }

  private static String current(ColumnSpec d) {
    if (d.type() == ColumnType.DATE || d.type() == ColumnType.TIMESTAMP) {
      return d.type() + "(" + d.format().datePattern() + ")";
    }
    return d.typeText();
  }
}
