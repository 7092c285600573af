package io.dsap.engine.format.excel;

import io.dsap.engine.csv.CsvOptions;
import io.dsap.engine.csv.CsvOptions.TypeOverride;
import io.dsap.engine.error.Errors;
import io.dsap.engine.format.FormatOptions;
import io.dsap.engine.format.OptionSpec;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the user said about a workbook; null fields are detected. Types are written as for CSV
 * ({@code 'zip:VARCHAR,day:DATE(dd/MM/yyyy)'}; a date layout applies to dates stored as text).
 *
 * @param sheet sheet name, or its 1-based number
 * @param header whether the first row of the table names the columns
 * @param range the block of the sheet to read
 * @param skip rows to skip at the top of the sheet (or of the range)
 * @param types column types by lower-case column name
 * @param allVarchar read every column as text
 * @param sampleSize rows sampled for detection; -1 for the whole sheet
 */
record ExcelOptions(String sheet, Boolean header, CellRange range, Integer skip, Map<String, TypeOverride> types,
    Boolean allVarchar, Integer sampleSize) {
  static final int DEFAULT_SAMPLE_SIZE = 20_480;

  static final List<OptionSpec> SPECS = List.of(
      OptionSpec.text("sheet", "sheet name, or its number counting from 1 (default: the first visible sheet"
          + " that holds data)"),
      OptionSpec.bool("header", "whether the first row names the columns (default: detected)"),
      OptionSpec.text("range", "read only this block, e.g. 'A1:D100', 'B:F' or 'B3:F' (default: the cells in use)"),
      OptionSpec.integer("skip", "rows to skip at the top of the sheet, or of the range, before the header"
          + " (default 0)"),
      OptionSpec.text("types", "column types, e.g. 'zip:VARCHAR,day:DATE(dd/MM/yyyy)' (default: detected)"),
      OptionSpec.bool("all_varchar", "read every column as VARCHAR (default false)"),
      OptionSpec.integer("sample_size", "rows sampled for type detection, -1 for all (default 20480)"));

  static ExcelOptions of(FormatOptions o) {
    o.checkKnown("excel", SPECS, List.of());
    String sheet = o.text("sheet");
    if (sheet != null && sheet.isBlank()) {
      throw Errors.invalidOption("sheet", sheet, "a sheet name or its number counting from 1");
    }
    String range = o.text("range");
    Integer skip = o.integer("skip");
    if (skip != null && skip < 0) {
      throw Errors.invalidOption("skip", skip, "a number of rows >= 0");
    }
    Integer sample = o.integer("sample_size");
    if (sample != null && sample == 0) {
      throw Errors.invalidOption("sample_size", sample, "a positive number of rows, or -1 for the whole sheet");
    }
    return new ExcelOptions(sheet, o.bool("header"), range == null || range.isBlank() ? null : CellRange.parse(range),
        skip, CsvOptions.parseTypes(o.text("types")), o.bool("all_varchar"), sample);
  }

  int skipOrDefault() {
    return skip == null ? 0 : skip;
  }

  int sampleSizeOrDefault() {
    return sampleSize == null ? DEFAULT_SAMPLE_SIZE : sampleSize;
  }

  boolean allVarcharOrDefault() {
    return Boolean.TRUE.equals(allVarchar);
  }

  TypeOverride typeFor(String column) {
    return types.get(column.toLowerCase(Locale.ROOT));
  }
}
