package io.dsap.udfs.clean;

import io.dsap.engine.calcite.FilesSchema;
import io.dsap.engine.error.DsapException;
import io.dsap.engine.error.ErrorCode;
import io.dsap.engine.registry.SchemaRegistry;
import io.dsap.engine.source.Fingerprint;
import io.dsap.engine.transform.DataTransformer;
import io.dsap.engine.transform.TransformPlan;
import io.dsap.engine.transform.TransformSpec;
import io.dsap.engine.transform.Transformations;
import io.dsap.engine.validate.DataFiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.TableMacro;
import org.apache.calcite.schema.TranslatableTable;

/**
 * {@code clean(path, spec =>, <option> =>, ...)} and {@code transform_report(path, spec =>,
 * schema =>, <option> =>, ...)}. Macros: the result's columns depend on the data (one-hot columns,
 * repaired types), so the plan (a sample, then the stats pass) is made when the query is planned
 * and cached by (file fingerprint, spec); the rows are produced when the query runs.
 */
final class CleanMacro implements TableMacro {
  private static final int CACHED_PLANS = 16;
  private static final Map<Object, TransformPlan> PLANS = new java.util.LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Object, TransformPlan> eldest) {
      return size() > CACHED_PLANS;
    }
  };

  private final FilesSchema files;
  private final boolean report;
  private final List<String> names;
  private final List<FunctionParameter> parameters;

  CleanMacro(FilesSchema files, boolean report) {
    this.files = files;
    this.report = report;
    List<String> n = new ArrayList<>(List.of("path", "spec"));
    if (report) {
      n.add("schema");
    }
    n.addAll(TransformSpec.KEYS);
    this.names = List.copyOf(n);
    this.parameters = parameters(names);
  }

  List<String> parameterNames() {
    return names;
  }

  @Override
  public List<FunctionParameter> getParameters() {
    return parameters;
  }

  @Override
  public TranslatableTable apply(List<?> args) {
    String fn = report ? "transform_report" : "clean";
    Object first = args.isEmpty() ? null : args.get(0);
    if (first == null || first.toString().isBlank()) {
      throw new DsapException(ErrorCode.INVALID_OPTION, "path is empty: name a file under the data root, e.g. "
          + fn + "('orders.csv')");
    }
    String path = first.toString().trim();
    String specFile = null;
    String schema = null;
    Map<String, Object> options = new LinkedHashMap<>();
    for (int i = 1; i < names.size() && i < args.size(); i++) {
      Object v = args.get(i);
      switch (names.get(i)) {
        case "spec" -> specFile = v == null ? null : v.toString();
        case "schema" -> schema = v == null ? null : v.toString();
        default -> options.put(names.get(i), v);
      }
    }
    DataTransformer transformer = transformer(files);
    TransformSpec spec = transformer.spec(specFile, options);
    TransformPlan plan = plan(transformer, path, spec);
    return report ? new TransformReportTable(transformer, plan, path, schema) : new CleanTable(transformer, plan);
  }

  static DataTransformer transformer(FilesSchema files) {
    return DataTransformer.of(DataFiles.of(files), SchemaRegistry.forRoot(files.root().path()),
        Transformations.installed());
  }

  /** The plan for (connection, file as it is now, spec): planning runs twice per query, the stats pass once. */
  private TransformPlan plan(DataTransformer transformer, String path, TransformSpec spec) {
    // per connection too: its options (nullstr, types ...) shape what the file's table is
    Object key = List.of(files, Fingerprint.of(files.root().resolveFile(path)), spec);
    synchronized (PLANS) {
      TransformPlan p = PLANS.get(key);
      if (p != null) {
        return p;
      }
    }
    TransformPlan p = transformer.plan(path, spec);
    synchronized (PLANS) {
      PLANS.put(key, p);
    }
    return p;
  }

  private static List<FunctionParameter> parameters(List<String> names) {
    List<FunctionParameter> list = new ArrayList<>();
    for (String name : names) {
      int ordinal = list.size();
      Class<?> javaClass = name.equals("outlier_threshold") ? Double.class
          : TransformSpec.NUMERIC_KEYS.contains(name) ? Integer.class : String.class;
      list.add(new FunctionParameter() {
        @Override
        public int getOrdinal() {
          return ordinal;
        }

        @Override
        public String getName() {
          return name;
        }

        @Override
        public RelDataType getType(RelDataTypeFactory f) {
          // a Java type: Calcite converts literal arguments of macros only for Java-typed parameters
          return f.createTypeWithNullability(f.createJavaType(javaClass), true);
        }

        @Override
        public boolean isOptional() {
          return ordinal > 0;
        }
      });
    }
    return List.copyOf(list);
  }
}
