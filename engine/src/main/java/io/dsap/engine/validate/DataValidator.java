package io.dsap.engine.validate;

import io.dsap.engine.format.FormatOptions;
import io.dsap.engine.format.FormatRegistry;
import io.dsap.engine.registry.SchemaRegistry;
import io.dsap.engine.schema.SchemaDocument;
import io.dsap.engine.schema.SchemaGenerator;
import io.dsap.engine.schema.TableRule;
import io.dsap.engine.source.DataRoot;
import io.dsap.engine.validate.rules.InlineRules;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Validation from Java without SQL. Paths are relative to the data root, as in SQL; schemas
 * are files, text, or registered names ({@code orders@2}).
 *
 * <pre>{@code
 * DataValidator v = DataValidator.of(Path.of("data"));
 * try (ValidationResult r = v.validate("orders.csv", "orders@2", "quantity > 0")) {
 *   r.issues().forEach(System.out::println);   // streamed
 *   r.summary().forEach(System.out::println);  // per check: checked, failed, status
 * }
 * }</pre>
 */
public final class DataValidator {
  private final DataFiles files;
  private final Validator validator;

  private DataValidator(DataFiles files, SchemaRegistry registry, Clock clock) {
    this.files = files;
    this.validator = new Validator(files, new SchemaResolver(files, registry), clock);
  }

  /** A validator for files under {@code root}, with the registry in {@code <root>/.dsap/registry}. */
  public static DataValidator of(Path root) {
    DataRoot r = DataRoot.of(root);
    return new DataValidator(DataFiles.of(r, FormatRegistry.defaults()), SchemaRegistry.forRoot(r.path()),
        Clock.systemUTC());
  }

  /** A validator over given files and registry (SQL functions use the connection's). */
  public static DataValidator of(DataFiles files, SchemaRegistry registry, Clock clock) {
    return new DataValidator(files, registry, clock);
  }

  public SchemaRegistry registry() {
    return validator.schemas().registry();
  }

  /** Against the detected schema, with the built-in checks. */
  public ValidationResult validate(String path) {
    return validate(path, null, null);
  }

  /** Against a schema (file, text or registered name; null: detected) plus inline rules (null: none). */
  public ValidationResult validate(String path, String schema, String rules) {
    SchemaDocument doc = validator.schemas().resolve(schema);
    return new ValidationResult(validator.start(path, doc, InlineRules.parse(rules)));
  }

  /**
   * The per-check results of {@link #validate(String, String, String)}; reads the file only when no
   * validation with the same arguments ran to the end on the unchanged file ({@link SummaryCache}).
   */
  public List<CheckResult> summary(String path, String schema, String rules) {
    SchemaDocument doc = validator.schemas().resolve(schema);
    List<TableRule> inline = InlineRules.parse(rules);
    List<CheckResult> cached = validator.cachedSummary(path, doc, inline);
    if (cached != null) {
      return cached;
    }
    try (ValidationResult r = new ValidationResult(validator.start(path, doc, inline))) {
      return r.summary();
    }
  }

  /** Against a schema document. */
  public ValidationResult validateWithSchema(String path, SchemaDocument schema) {
    return new ValidationResult(validator.start(path, schema, List.of()));
  }

  /** The per-check summary (the quality report until profiling provides a richer one). */
  public List<CheckResult> generateQualityReport(String path, String schema) {
    try (ValidationResult r = validate(path, schema, null)) {
      return r.summary();
    }
  }

  /** Rules proposed from the data. */
  public List<SuggestedRule> suggestRules(String path) {
    return RuleSuggester.suggest(FileProfile.of(files.open(path, FormatOptions.NONE)));
  }

  /** A schema document from detection plus one pass (nullability). */
  public SchemaDocument generateSchema(String path) {
    FileProfile p = FileProfile.of(files.open(path, FormatOptions.NONE));
    Map<String, Long> nulls = new HashMap<>();
    p.columns().forEach(c -> nulls.put(c.spec().name(), c.nulls()));
    return SchemaGenerator.fromDetection(files.open(path, FormatOptions.NONE).columns(), nulls);
  }
}
