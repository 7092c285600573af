package io.dsap.udfs.validate;

import io.dsap.engine.calcite.FilesSchema;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.TableFunctionImpl;

/**
 * Registers the validation functions ({@code validate}, {@code validation_summary},
 * {@code suggest_rules}, {@code register_schema}, {@code schema_diff}) and the registry's system
 * tables ({@code dsap.schemas}, {@code dsap.schema_versions}).
 */
public final class ValidationFunctions {
  private ValidationFunctions() {}

  /** The {@code dsap} system schema under the root schema {@code root}, created if absent (for other system tables). */
  public static SchemaPlus systemSchema(SchemaPlus root) {
    return RegistryTables.systemSchema(root);
  }

  public static void register(SchemaPlus schema, FilesSchema files) {
    schema.add("validate", TableFunctionImpl.create(ValidateFunction.class, "validate"));
    schema.add("validation_summary", TableFunctionImpl.create(ValidationSummaryFunction.class, "validationSummary"));
    schema.add("suggest_rules", TableFunctionImpl.create(SuggestRulesFunction.class, "suggestRules"));
    schema.add("register_schema", TableFunctionImpl.create(RegisterSchemaFunction.class, "registerSchema"));
    schema.add("schema_diff", TableFunctionImpl.create(SchemaDiffFunction.class, "schemaDiff"));
    SchemaPlus root = schema.getParentSchema();
    if (root != null) {
      RegistryTables.register(root, files);
    }
  }
}
