package io.dsap.udfs;

import io.dsap.engine.calcite.FileTable;
import io.dsap.engine.calcite.FilesSchema;
import io.dsap.engine.csv.CsvOptions;
import java.nio.file.Path;
import java.util.List;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.TableMacro;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code read_csv(path, delimiter =>, quote =>, escape =>, header =>, skip =>, types =>,
 * all_varchar =>, nullstr =>, sample_size =>)}: a CSV file under the data root as a table, with
 * detection overridden where an option is given. A macro, so its arguments must be literals and
 * the row type is known when the query is planned.
 */
public final class ReadCsvMacro implements TableMacro {
  static final List<FunctionParameter> PARAMETERS = new Params()
      .required("path", SqlTypeName.VARCHAR)
      .optional("delimiter", SqlTypeName.VARCHAR)
      .optional("quote", SqlTypeName.VARCHAR)
      .optional("escape", SqlTypeName.VARCHAR)
      .optional("header", SqlTypeName.BOOLEAN)
      .optional("skip", SqlTypeName.INTEGER)
      .optional("types", SqlTypeName.VARCHAR)
      .optional("all_varchar", SqlTypeName.BOOLEAN)
      .optional("nullstr", SqlTypeName.VARCHAR)
      .optional("sample_size", SqlTypeName.INTEGER)
      .build();

  private final FilesSchema files;

  public ReadCsvMacro(FilesSchema files) {
    this.files = files;
  }

  @Override
  public List<FunctionParameter> getParameters() {
    return PARAMETERS;
  }

  @Override
  public TranslatableTable apply(List<?> args) {
    String path = Params.text(args, 0);
    Path file = files.root().resolveFile(path);
    CsvOptions base = files.options();
    String types = Params.text(args, 6);
    CsvOptions options = new CsvOptions(
        or(Params.text(args, 1), base.delimiter()),
        or(Params.text(args, 2), base.quote()),
        or(Params.text(args, 3), base.escape()),
        or(Params.bool(args, 4, "header"), base.header()),
        or(Params.integer(args, 5, "skip"), base.skip()),
        types == null ? base.types() : CsvOptions.parseTypes(types),
        or(Params.bool(args, 7, "all_varchar"), base.allVarchar()),
        or(Params.text(args, 8), base.nullString()),
        or(Params.integer(args, 9, "sample_size"), base.sampleSize()));
    return new FileTable(file, files.root().relative(file), options, files.journal());
  }

  private static <T> T or(T value, T fallback) {
    return value != null ? value : fallback;
  }
}
