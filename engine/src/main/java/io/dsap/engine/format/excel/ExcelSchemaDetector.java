package io.dsap.engine.format.excel;

import io.dsap.engine.csv.CsvOptions.TypeOverride;
import io.dsap.engine.error.Errors;
import io.dsap.engine.types.ByteParsers;
import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.types.ColumnType;
import io.dsap.engine.types.TemporalFormat;
import io.dsap.engine.types.ValueTypeStats;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds the table in a sheet and its columns, from the first rows (a zip entry cannot be sampled
 * in the middle): the first non-empty row is kept aside as a possible header, the rows after it
 * vote on the column types, then the header is decided as for CSV and user overrides applied.
 */
final class ExcelSchemaDetector {
  private final ExcelWorkbook wb;
  private final ExcelWorkbook.Sheet sheet;
  private final ExcelOptions options;
  private final ByteParsers parsers = new ByteParsers();
  private final List<CellTypeVote> votes = new ArrayList<>();
  private int minColumn = Integer.MAX_VALUE;
  private int maxColumn = -1;

  private ExcelSchemaDetector(ExcelWorkbook wb, ExcelWorkbook.Sheet sheet, ExcelOptions options) {
    this.wb = wb;
    this.sheet = sheet;
    this.options = options;
  }

  static ExcelSchema detect(ExcelWorkbook wb, ExcelWorkbook.Sheet sheet, ExcelOptions options) {
    return new ExcelSchemaDetector(wb, sheet, options).detect();
  }

  /** Rows before this one are skipped (range start plus {@code skip}). */
  static int top(ExcelOptions o) {
    return (o.range() == null ? 1 : o.range().firstRow()) + o.skipOrDefault();
  }

  private ExcelSchema detect() {
    CellRange r = options.range();
    int top = top(options);
    int bottom = r == null ? Integer.MAX_VALUE : r.lastRow();
    int from = r == null ? 0 : r.firstColumn();
    int to = r == null ? Integer.MAX_VALUE : r.lastColumn();
    int budget = options.sampleSizeOrDefault();
    SheetRow first = null;
    SheetRow row = new SheetRow();
    long body = 0;
    boolean complete = true;
    List<String> merged;
    long formulasWithoutValue;
    String dimension;
    try (SheetCursor cursor = wb.open(sheet)) {
      dimension = cursor.dimension();
      while (cursor.next(row)) {
        int n = row.number();
        if (n < top) {
          continue;
        }
        if (n > bottom) {
          break;
        }
        if (isEmpty(row, from, to)) {
          continue;
        }
        if (first == null) {
          first = row;
          row = new SheetRow();
          span(first, from, to);
          continue;
        }
        if (budget >= 0 && body >= budget) {
          complete = false;
          break;
        }
        body++;
        vote(row, from, to);
        span(row, from, to);
      }
      merged = cursor.mergedAreas();
      formulasWithoutValue = cursor.formulasWithoutValue();
    }
    Set<String> flags = new LinkedHashSet<>();
    if (first == null) {
      int col = r == null ? 0 : r.firstColumn();
      flags.add("empty_sheet");
      return new ExcelSchema(wb.kind(), sheet, List.of(ColumnSpec.varchar(CellRange.columnName(col),
          "VARCHAR: the sheet holds no data" + (r == null ? "" : " in range " + r))), false, 0, col, top, bottom, r,
          options.skipOrDefault(), dimension, wb.date1904(), 0, complete, merged == null ? -1 : merged.size(),
          List.copyOf(flags));
    }
    int firstCol = r == null ? minColumn : r.firstColumn();
    int lastCol = r == null ? maxColumn : r.lastColumn();
    boolean header = decideHeader(first, firstCol, lastCol, body, complete);
    if (!header) {
      body++;
      vote(first, firstCol, lastCol);
    }
    List<String> names = names(first, header, firstCol, lastCol);
    List<ColumnSpec> specs = new ArrayList<>();
    for (int c = firstCol; c <= lastCol; c++) {
      CellTypeVote v = vote(c);
      ColumnSpec spec = v.resolve(names.get(c - firstCol), complete);
      if (v.ambiguousDate(spec)) {
        flags.add("ambiguous_date");
      }
      if (v.leadingZeros() && spec.type() == ColumnType.VARCHAR) {
        flags.add("leading_zeros");
      }
      if (v.errors() > 0) {
        flags.add("error_cells");
      }
      specs.add(override(spec));
    }
    checkTypesNameColumns(specs);
    if (merged != null && !merged.isEmpty()) {
      flags.add("merged_cells");
    }
    if (formulasWithoutValue > 0) {
      flags.add("formulas_without_values");
    }
    return new ExcelSchema(wb.kind(), sheet, List.copyOf(specs), header, header ? first.number() : 0, firstCol,
        header ? first.number() + 1 : first.number(), bottom, r, options.skipOrDefault(), dimension, wb.date1904(),
        body, complete, merged == null ? -1 : merged.size(), List.copyOf(flags));
  }

  /** Whether the row holds no value between columns {@code from} and {@code to}. */
  static boolean isEmpty(SheetRow row, int from, int to) {
    int end = Math.min(row.width() - 1, to);
    for (int c = from; c <= end; c++) {
      if (!row.isBlank(c)) {
        return false;
      }
    }
    return true;
  }

  private void span(SheetRow row, int from, int to) {
    int end = Math.min(row.width() - 1, to);
    for (int c = from; c <= end; c++) {
      if (!row.isBlank(c)) {
        minColumn = Math.min(minColumn, c);
        maxColumn = Math.max(maxColumn, c);
      }
    }
  }

  private void vote(SheetRow row, int from, int to) {
    int end = Math.min(row.width() - 1, to);
    for (int c = from; c <= end; c++) {
      if (row.kind(c) != SheetRow.BLANK) {
        vote(c).add(row, c, parsers);
      }
    }
  }

  private CellTypeVote vote(int c) {
    while (votes.size() <= c) {
      votes.add(null);
    }
    CellTypeVote v = votes.get(c);
    if (v == null) {
      v = new CellTypeVote();
      votes.set(c, v);
    }
    return v;
  }

  /**
   * The first row is a header when one of its cells does not fit the type of the cells below it
   * (text over numbers or dates), or, when every column is text, when it holds distinct non-empty
   * texts in every column.
   */
  private boolean decideHeader(SheetRow first, int from, int to, long body, boolean complete) {
    if (options.header() != null) {
      return options.header();
    }
    Set<String> distinct = new HashSet<>();
    boolean namesLike = true;
    for (int c = from; c <= to; c++) {
      namesLike &= first.kind(c) == SheetRow.STRING && !first.string(c).isBlank()
          && distinct.add(first.string(c).trim().toLowerCase(Locale.ROOT));
    }
    if (body == 0) {
      if (!namesLike) {
        return false;
      }
      for (int c = from; c <= to; c++) {
        ValueTypeStats s = new ValueTypeStats();
        s.add(first.string(c), parsers);
        if (s.resolve("x", true).type() != ColumnType.VARCHAR) {
          return false;
        }
      }
      return true;
    }
    boolean anyTyped = false;
    for (int c = from; c <= to; c++) {
      CellTypeVote v = vote(c);
      ColumnSpec below = v.resolve("x", complete);
      if (below.type() == ColumnType.VARCHAR || first.isBlank(c)) {
        continue;
      }
      anyTyped = true;
      if (!fits(below, v, first, c)) {
        return true;
      }
    }
    return !anyTyped && namesLike;
  }

  private boolean fits(ColumnSpec spec, CellTypeVote v, SheetRow row, int c) {
    ColumnType t = spec.type();
    switch (row.kind(c)) {
      case SheetRow.STRING: {
        if (v.mostlyTyped()) {
          return false; // a text cell over numbers or dates: a label
        }
        byte[] b = row.string(c).getBytes(StandardCharsets.UTF_8);
        return ValueTypeStats.fits(spec, b, 0, b.length, parsers);
      }
      case SheetRow.NUMBER:
        return t.isNumeric() && (t == ColumnType.DOUBLE || t == ColumnType.DECIMAL
            || row.number(c) == Math.rint(row.number(c)));
      case SheetRow.BOOLEAN:
        return t == ColumnType.BOOLEAN;
      case SheetRow.DATE:
        return t == ColumnType.DATE || t == ColumnType.TIMESTAMP;
      case SheetRow.TIME:
        return t == ColumnType.TIME;
      default:
        return true;
    }
  }

  /**
   * Column names: the header's texts (line breaks and runs of spaces made one space), or the
   * column letters ({@code A}, {@code B}) without a header or for an empty header cell.
   * Repeated names get {@code _2}, {@code _3}: SQL needs them distinct.
   */
  private static List<String> names(SheetRow first, boolean header, int from, int to) {
    List<String> names = new ArrayList<>();
    Set<String> used = new HashSet<>();
    for (int c = from; c <= to; c++) {
      String n = header && !first.isBlank(c) ? first.text(c).replaceAll("\\s+", " ").trim() : "";
      if (n.isEmpty()) {
        n = CellRange.columnName(c);
      }
      String unique = n;
      for (int k = 2; !used.add(unique.toLowerCase(Locale.ROOT)); k++) {
        unique = n + "_" + k;
      }
      names.add(unique);
    }
    return names;
  }

  private ColumnSpec override(ColumnSpec spec) {
    if (options.allVarcharOrDefault()) {
      return ColumnSpec.varchar(spec.name(), "VARCHAR: set by all_varchar => true");
    }
    TypeOverride o = options.typeFor(spec.name());
    if (o == null) {
      return spec;
    }
    if (o.type() == ColumnType.VARBINARY) {
      throw Errors.invalidOption("types", spec.name() + ":" + o.type(), "a type a cell can hold: BOOLEAN, INTEGER,"
          + " BIGINT, DECIMAL, DOUBLE, DATE, TIMESTAMP, TIME or VARCHAR");
    }
    int scale = 0;
    if (o.type() == ColumnType.DECIMAL) {
      scale = o.scale() >= 0 ? o.scale() : spec.type() == ColumnType.DECIMAL ? spec.scale() : 2;
    }
    TemporalFormat f = o.format() != null ? o.format() : spec.type() == o.type() ? spec.format() : null;
    return new ColumnSpec(spec.name(), o.type(), scale, o.type().isTemporal() ? f : null, o.type()
        + ": set by types => '" + spec.name() + ":" + o.type() + "' (detection said " + spec.typeText() + ")");
  }

  /** A types => entry naming no column is a typo the user wants to hear about. */
  private void checkTypesNameColumns(List<ColumnSpec> specs) {
    Set<String> known = specs.stream().map(s -> s.name().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    for (Map.Entry<String, TypeOverride> e : options.types().entrySet()) {
      if (!known.contains(e.getKey())) {
        throw Errors.invalidOption("types", e.getKey() + ":" + e.getValue().type(), "a column of sheet '"
            + sheet.name() + "': " + specs.stream().map(ColumnSpec::name).collect(Collectors.joining(", ")));
      }
    }
  }
}
