package io.dsap.udfs.functions;

import io.dsap.engine.calcite.FilesSchema;
import io.dsap.udfs.validate.ValidationFunctions;
import java.lang.reflect.Method;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;

/** Registers the scalar and aggregate functions of this package and the {@code dsap.functions} table. */
public final class UdfLibrary {
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

    aggregate(schema, "median", QuantileAggregates.Median.class);
    aggregate(schema, "quantile", QuantileAggregates.Quantile.class);
    aggregate(schema, "iqr", QuantileAggregates.Iqr.class);
    aggregate(schema, "mad", QuantileAggregates.Mad.class);
    aggregate(schema, "approx_distinct", ValueAggregates.ApproxDistinct.class);
    aggregate(schema, "skewness", ValueAggregates.Skewness.class);
    aggregate(schema, "kurtosis", ValueAggregates.Kurtosis.class);
    aggregate(schema, "entropy", ValueAggregates.Entropy.class);
    aggregate(schema, "completeness", ValueAggregates.Completeness.class);
    // mode: Calcite's built-in MODE answers (it is resolved before schema functions); see ADR-11

    SchemaPlus root = schema.getParentSchema();
    if (root != null) {
      ValidationFunctions.systemSchema(root).add("functions", new FunctionsTable(files.formats().formats()));
    }
  }

  private static void aggregate(SchemaPlus schema, String name, Class<?> type) {
    listed(name);
    schema.add(name, new UserAggregate(type));
  }

  private static void listed(String name) {
    if (FunctionCatalog.get(name) == null) {
      throw new IllegalStateException(name + " has no FunctionCatalog entry");
    }
  }

  /** Every public static method called {@code method} (overloads: optional arguments) under {@code name}. */
  private static void scalar(SchemaPlus schema, String name, Class<?> type, String method) {
    listed(name);
    for (Method m : type.getMethods()) {
      if (m.getName().equals(method) && java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
        schema.add(name, ScalarFunctionImpl.create(m));
      }
    }
  }
}
