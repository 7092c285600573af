package io.dsap.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.dsap.engine.schema.ColumnSchema;
import io.dsap.engine.schema.DeclaredType;
import io.dsap.engine.schema.SchemaDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * The input's records with every column also in its schema type ({@code _dsap_t<i>}), parsed by
 * the engine's parsers, and whether the record is one the local reader would return
 * ({@value #OK}) or reject: malformed, or the first column whose text does not parse
 * ({@value #BAD}, its index).
 */
final class TypedRecords {
  static final String OK = "_dsap_ok";
  static final String BAD = "_dsap_bad";

  final Dataset<Row> data;
  final List<String> columns;
  /** Parsed columns by actual name; columns not here stay text. */
  final Map<String, TypedValue> types;

  private TypedRecords(Dataset<Row> data, List<String> columns, Map<String, TypedValue> types) {
    this.data = data;
    this.columns = columns;
    this.types = types;
  }

  static String typedName(int i) {
    return "_dsap_t" + i;
  }

  static Column raw(String name) {
    return col("`" + name + "`");
  }

  static TypedRecords of(SparkInput input, SchemaDocument doc) {
    List<String> cols = input.columns();
    Map<String, String> actual = new LinkedHashMap<>();
    cols.forEach(c -> actual.put(c.toLowerCase(Locale.ROOT), c));
    Map<String, TypedValue> types = new LinkedHashMap<>();
    java.util.Set<String> declared = new java.util.HashSet<>();
    for (ColumnSchema c : doc.columns()) {
      String a = actual.get(c.name().toLowerCase(Locale.ROOT));
      if (a != null && c.type() != null) {
        declared.add(a);
        TypedValue t = new TypedValue(DeclaredType.parse(c.type()), c.format());
        if (t.parses()) {
          types.put(a, t);
        }
      }
    }
    // as the local validator: a column the schema gives no type keeps the type detection gives it
    if (declared.size() < cols.size()) {
      for (io.dsap.engine.types.ColumnSpec c : SampleDetection.detect(input)) {
        String a = actual.get(c.name().toLowerCase(Locale.ROOT));
        TypedValue t = new TypedValue(c);
        if (a != null && !declared.contains(a) && t.parses()) {
          types.put(a, t);
        }
      }
    }
    return of(input, types);
  }

  /** The input typed as the engine's reader types columns it detected ({@code specs}, matched by name). */
  static TypedRecords of(SparkInput input, List<io.dsap.engine.types.ColumnSpec> specs) {
    Map<String, String> actual = new LinkedHashMap<>();
    input.columns().forEach(c -> actual.put(c.toLowerCase(Locale.ROOT), c));
    Map<String, TypedValue> types = new LinkedHashMap<>();
    for (io.dsap.engine.types.ColumnSpec c : specs) {
      String a = actual.get(c.name().toLowerCase(Locale.ROOT));
      TypedValue t = new TypedValue(c);
      if (a != null && t.parses()) {
        types.put(a, t);
      }
    }
    return of(input, types);
  }

  private static TypedRecords of(SparkInput input, Map<String, TypedValue> types) {
    List<String> cols = input.columns();
    List<Column> sel = new ArrayList<>();
    sel.add(col("*"));
    for (int i = 0; i < cols.size(); i++) {
      TypedValue t = types.get(cols.get(i));
      sel.add(t == null ? raw(cols.get(i)).as(typedName(i)) : t.udf().apply(raw(cols.get(i))).as(typedName(i)));
    }
    Dataset<Row> typed = input.data().select(sel.toArray(Column[]::new));
    Column firstBad = lit(null).cast(DataTypes.IntegerType);
    for (int i = cols.size() - 1; i >= 0; i--) {
      if (types.containsKey(cols.get(i))) {
        Column bad = raw(cols.get(i)).isNotNull().and(col(typedName(i)).isNull())
            .and(org.apache.spark.sql.functions.trim(raw(cols.get(i))).notEqual(lit("")));
        firstBad = when(bad, lit(i)).otherwise(firstBad);
      }
    }
    typed = typed.withColumn(BAD, firstBad)
        .withColumn(OK, col(SparkInput.CORRUPT).isNull().and(col(BAD).isNull()));
    return new TypedRecords(typed, cols, types);
  }
}
