package io.dsap.udfs;

import io.dsap.engine.calcite.FilesSchema;
import io.dsap.engine.format.FormatOptions;
import io.dsap.engine.format.FormatReader;
import io.dsap.engine.format.OptionSpec;
import java.nio.file.Path;
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
 * {@code read_<format>(path, options...)} and {@code read_file(path, format =>, options...)}: a
 * file under the data root as a table, detection overridden where an option is given. A macro,
 * so its arguments must be literals and the row type is known when the query is planned.
 */
public final class ReadMacro implements TableMacro {
  private final FilesSchema files;
  private final FormatReader format; // null: detect from the file
  private final List<FunctionParameter> parameters;
  private final List<String> names;

  private ReadMacro(FilesSchema files, FormatReader format, List<OptionSpec> options) {
    this.files = files;
    this.format = format;
    List<OptionSpec> all = new ArrayList<>();
    all.add(OptionSpec.text("path", "the file, relative to the data root"));
    all.addAll(options);
    this.parameters = parameters(all);
    this.names = all.stream().map(OptionSpec::name).toList();
  }

  /** {@code read_<format>}: the format's own options. */
  public static ReadMacro of(FilesSchema files, FormatReader format) {
    return new ReadMacro(files, format, format.options());
  }

  /** {@code read_file}: the format (detected by default) and every format's options. */
  public static ReadMacro autodetect(FilesSchema files) {
    Map<String, OptionSpec> union = new LinkedHashMap<>();
    union.put("format", OptionSpec.text("format", "the format, e.g. 'csv' (default: detected)"));
    for (FormatReader f : files.formats().formats()) {
      for (OptionSpec o : f.options()) {
        union.putIfAbsent(o.name(), o);
      }
    }
    return new ReadMacro(files, null, List.copyOf(union.values()));
  }

  /** Parameter names in order (for positional arguments). */
  public List<String> parameterNames() {
    return names;
  }

  @Override
  public List<FunctionParameter> getParameters() {
    return parameters;
  }

  @Override
  public TranslatableTable apply(List<?> args) {
    String path = args.isEmpty() || args.get(0) == null ? null : args.get(0).toString();
    Path file = files.root().resolveFile(path);
    Map<String, Object> given = new LinkedHashMap<>();
    for (int i = 1; i < names.size() && i < args.size(); i++) {
      given.put(names.get(i), args.get(i));
    }
    FormatReader f = format;
    if (f == null) {
      Object name = given.remove("format");
      f = name != null ? files.formats().byName(name.toString()) : files.formats().detect(file);
    }
    FormatOptions options = FormatOptions.of(given);
    options.checkKnown(f.name(), f.options(), List.of());
    return files.table(file, f, "", options);
  }

  private static List<FunctionParameter> parameters(List<OptionSpec> specs) {
    List<FunctionParameter> list = new ArrayList<>();
    for (OptionSpec o : specs) {
      int ordinal = list.size();
      Class<?> javaClass = switch (o.type()) {
        case "BOOLEAN" -> Boolean.class;
        case "INTEGER" -> Integer.class;
        default -> String.class;
      };
      list.add(new FunctionParameter() {
        @Override
        public int getOrdinal() {
          return ordinal;
        }

        @Override
        public String getName() {
          return o.name();
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
