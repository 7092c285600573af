package io.dsap.udfs.functions;

import io.dsap.engine.calcite.FilesSchema;
import java.lang.reflect.Method;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;

/** Registers the scalar and aggregate functions of this package and the {@code dsap.functions} table. */
public final class UdfLibrary {
  static final String SYSTEM_SCHEMA = "dsap";

  private UdfLibrary() {}

  /** Adds the functions to {@code schema} (the connection's {@code files} schema) and {@code dsap.functions}. */
  public static void register(SchemaPlus schema, FilesSchema files) {
    scalar(schema, "is_email", PatternChecks.class, "isEmail");
    scalar(schema, "is_url", PatternChecks.class, "isUrl");
    scalar(schema, "is_uuid", PatternChecks.class, "isUuid");
    scalar(schema, "is_phone", PatternChecks.class, "isPhone");
    scalar(schema, "is_ip", PatternChecks.class, "isIp");
    scalar(schema, "matches_format", PatternChecks.class, "matchesFormat");
    scalar(schema, "try_int", SafeCasts.class, "tryInt");
    scalar(schema, "try_bigint", SafeCasts.class, "tryBigint");
    scalar(schema, "try_double", SafeCasts.class, "tryDouble");
    scalar(schema, "try_decimal", SafeCasts.class, "tryDecimal");
    scalar(schema, "try_date", SafeCasts.class, "tryDate");
    scalar(schema, "try_timestamp", SafeCasts.class, "tryTimestamp");
    scalar(schema, "parse_number", NumberText.class, "parseNumber");
    scalar(schema, "clean_text", TextFunctions.class, "cleanText");
    scalar(schema, "normalize_category", TextFunctions.class, "normalizeCategory");
    scalar(schema, "levenshtein", TextFunctions.class, "levenshtein");
    scalar(schema, "mask", Masking.class, "mask");
    scalar(schema, "mask_email", Masking.class, "maskEmail");
    scalar(schema, "sha256", Masking.class, "sha256");

    schema.add("median", new UserAggregate(QuantileAggregates.Median.class));
    schema.add("quantile", new UserAggregate(QuantileAggregates.Quantile.class));
    schema.add("iqr", new UserAggregate(QuantileAggregates.Iqr.class));
    schema.add("mad", new UserAggregate(QuantileAggregates.Mad.class));
    schema.add("approx_distinct", new UserAggregate(ValueAggregates.ApproxDistinct.class));
    schema.add("skewness", new UserAggregate(ValueAggregates.Skewness.class));
    schema.add("kurtosis", new UserAggregate(ValueAggregates.Kurtosis.class));
    schema.add("entropy", new UserAggregate(ValueAggregates.Entropy.class));
    schema.add("completeness", new UserAggregate(ValueAggregates.Completeness.class));
    // mode: Calcite's built-in MODE answers (it is resolved before schema functions); see FunctionCatalog

    SchemaPlus root = schema.getParentSchema();
    if (root != null) {
      SchemaPlus dsap = root.subSchemas().get(SYSTEM_SCHEMA);
      if (dsap == null) {
        dsap = root.add(SYSTEM_SCHEMA, new AbstractSchema());
      }
      dsap.add("functions", new FunctionsTable(files.formats().formats()));
    }
  }

  /** Every public static method called {@code method} (overloads: optional arguments) under {@code name}. */
  private static void scalar(SchemaPlus schema, String name, Class<?> type, String method) {
    if (FunctionCatalog.get(name) == null) {
      throw new IllegalStateException(name + " has no FunctionCatalog entry");
    }
    for (Method m : type.getMethods()) {
      if (m.getName().equals(method) && java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
        schema.add(name, ScalarFunctionImpl.create(m));
      }
    }
  }
}
