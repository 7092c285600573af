package io.dsap.engine.format.excel;

import static io.dsap.engine.format.excel.Books.fmt;
import static io.dsap.engine.format.excel.Books.formula;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsap.engine.error.DsapException;
import io.dsap.engine.error.ErrorCode;
import io.dsap.engine.format.FormatOptions;
import io.dsap.engine.rejects.Reject;
import io.dsap.engine.types.ColumnType;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading real workbooks (written with POI) as tables: what an analyst checks first. */
class ExcelFormatTest {
  @TempDir
  Path dir;

  static List<Object> row(Object... v) {
    return Arrays.asList(v);
  }

  @Test
  void headerAndTypedColumns() {
    Path f = Books.xlsx().sheet("Orders")
        .row(1, "id", "product", "price", "ratio", "paid", "day")
        .row(2, 1, "Widget", 9.99, 0.123456789, true, LocalDate.of(2024, 1, 5))
        .row(3, 2, "Gadget", 12.5, 1.0 / 3, false, LocalDate.of(2024, 2, 29))
        .row(4, 3, "Gizmo", 100, 2.0, true, LocalDate.of(2024, 12, 31))
        .save(dir.resolve("orders.xlsx"));
    ExcelTables t = ExcelTables.read(f, "");
    assertEquals(List.of("id", "product", "price", "ratio", "paid", "day"), t.names());
    assertEquals(List.of("INTEGER", "VARCHAR", "DECIMAL(18,2)", "DOUBLE", "BOOLEAN", "DATE"), t.types());
    assertEquals(row(1, "Widget", new BigDecimal("9.99"), 0.123456789, true, LocalDate.of(2024, 1, 5)), t.rows.get(0));
    assertEquals(row(3, "Gizmo", new BigDecimal("100.00"), 2.0, true, LocalDate.of(2024, 12, 31)), t.rows.get(2));
    assertEquals(3, t.stats.rowsReturned());
    assertEquals(List.of(), t.source.flags());
    assertEquals(true, t.source.describe().get("header"));
    assertEquals("Orders", t.source.describe().get("sheet"));
    assertEquals("1900", t.source.describe().get("date_system"));
    assertEquals("1", t.source.describe().get("header_row"));
    assertEquals("A1:F4", t.source.describe().get("dimension"));
    assertEquals("SELECT * FROM read_excel(path => 'orders.xlsx', sheet => 'Orders', header => true, types =>"
        + " 'id:INTEGER,product:VARCHAR,price:DECIMAL(18,2),ratio:DOUBLE,paid:BOOLEAN,day:DATE')",
        t.source.readStatement("orders.xlsx"));
  }

  @Test
  void datesInSeveralFormatsAndTimes() {
    Path f = Books.xlsx().sheet("Dates")
        .row(1, "iso", "european", "builtin", "stamp", "clock")
        .row(2, LocalDate.of(2024, 3, 1), fmt(LocalDate.of(2024, 3, 1), "dd/mm/yyyy"),
            fmt(LocalDate.of(2024, 3, 1), "m/d/yy"), LocalDateTime.of(2024, 3, 1, 14, 30, 5),
            LocalTime.of(8, 15))
        .row(3, LocalDate.of(1999, 12, 31), fmt(LocalDate.of(1999, 12, 31), "dd/mm/yyyy"),
            fmt(LocalDate.of(1999, 12, 31), "d-mmm-yy"), LocalDateTime.of(1999, 12, 31, 23, 59, 59),
            LocalTime.of(23, 59, 30))
        .save(dir.resolve("dates.xlsx"));
    ExcelTables t = ExcelTables.read(f, "");
    assertEquals(List.of("DATE", "DATE", "DATE", "TIMESTAMP", "TIME"), t.types());
    assertEquals(row(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 1),
        LocalDateTime.of(2024, 3, 1, 14, 30, 5), LocalTime.of(8, 15)), t.rows.get(0));
    assertEquals(row(LocalDate.of(1999, 12, 31), LocalDate.of(1999, 12, 31), LocalDate.of(1999, 12, 31),
        LocalDateTime.of(1999, 12, 31, 23, 59, 59), LocalTime.of(23, 59, 30)), t.rows.get(1));
    assertTrue(t.column("stamp").detection().contains("with a time of day"), t.column("stamp").detection());
  }

  @Test
  void the1904DateSystemIsRespected() {
    Path f = Books.xlsx().date1904().sheet("Mac")
        .row(1, "day", "n")
        .row(2, LocalDate.of(2024, 7, 14), 1)
        .row(3, LocalDate.of(1904, 1, 2), 2)
        .save(dir.resolve("mac.xlsx"));
    ExcelTables t = ExcelTables.read(f, "");
    assertEquals(List.of(LocalDate.of(2024, 7, 14), LocalDate.of(1904, 1, 2)), t.column(0));
    assertEquals("1904", t.source.describe().get("date_system"));
  }

  @Test
  void formulasGiveTheirCachedValues() {
    Path f = Books.xlsx().sheet("Calc")
        .row(1, "a", "b", "sum", "label", "big")
        .row(2, 2, 3, formula("A2+B2"), formula("\"n=\"&A2"), formula("A2>1"))
        .row(3, 10, 20, formula("A3+B3"), formula("\"n=\"&A3"), formula("A3>100"))
        .save(dir.resolve("calc.xlsx"));
    ExcelTables t = ExcelTables.read(f, "");
    assertEquals(List.of("INTEGER", "INTEGER", "INTEGER", "VARCHAR", "BOOLEAN"), t.types());
    assertEquals(row(2, 3, 5, "n=2", true), t.rows.get(0));
    assertEquals(row(10, 20, 30, "n=10", false), t.rows.get(1));
  }

  @Test
  void formulasSavedWithoutValuesReadAsNullAndAreFlagged() {
    Path f = Books.xlsx().sheet("Raw")
        .row(1, "a", "twice")
        .row(2, 2, formula("A2*2"))
        .saveUncalculated(dir.resolve("raw.xlsx"));
    ExcelTables t = ExcelTables.read(f, "", "header", true);
    assertEquals(row(2, null), t.rows.get(0));
    assertTrue(t.source.flags().contains("formulas_without_values"), t.source.flags().toString());
  }

  @Test
  void errorCellsRejectTheirRowWithTheCellAndTheFix() {
    Path f = Books.xlsx().sheet("Ratios")
        .row(1, "name", "num", "den", "ratio")
        .row(2, "a", 1, 2, formula("B2/C2"))
        .row(3, "b", 1, 0, formula("B3/C3"))
        .row(4, "c", 3, 4, formula("B4/C4"))
        .save(dir.resolve("ratios.xlsx"));
    ExcelTables t = ExcelTables.read(f, "");
    assertEquals("DECIMAL(18,2)", t.column("ratio").typeText());
    assertEquals(3, t.stats.recordsRead());
    assertEquals(2, t.stats.rowsReturned());
    assertEquals(1, t.stats.rowsRejected());
    Reject r = t.rejects.rejects().get(0);
    assertEquals(3, r.line());
    assertEquals("ratio", r.column());
    assertEquals("#DIV/0!", r.value());
    assertEquals("A3=b; B3=1; C3=0; D3=#DIV/0!", r.rawRecord());
    assertEquals("ratios.xlsx, sheet 'Ratios', cell D3: the cell holds the Excel error #DIV/0! where column ratio"
        + " (DECIMAL(18,2)) expects a value. Fix the formula or value in the workbook, or read the column as text"
        + " with types => 'ratio:VARCHAR'", r.reason());
    assertTrue(t.source.flags().contains("error_cells"));
    // as text, the error is kept
    ExcelTables text = ExcelTables.read(f, "", "types", "ratio:VARCHAR");
    assertEquals(Arrays.asList("0.5", "#DIV/0!", "0.75"), text.column(3));
  }

  @Test
  void mergedCellsKeepTheirValueInTheTopLeftCellOnly() {
    Path f = Books.xlsx().sheet("Merged")
        .row(1, "region", "city", "sales")
        .row(2, "North", "Oslo", 10)
        .row(3, null, "Bergen", 20)
        .row(4, "South", "Rome", 30)
        .merge("A2:A3")
        .save(dir.resolve("merged.xlsx"));
    ExcelTables t = ExcelTables.read(f, "");
    assertEquals(Arrays.asList("North", null, "South"), t.column(0));
    assertEquals(List.of(10, 20, 30), t.column(2)); // sums are not inflated by repeated values
    assertTrue(t.source.flags().contains("merged_cells"));
    assertEquals(1, t.source.describe().get("merged_areas"));
  }

  @Test
  void everySheetIsATableAndTheDefaultIsTheFirstVisibleOneWithData() {
    Path f = Books.xlsx()
        .sheet("Notes")
        .sheet("Secret").row(1, "k").row(2, "v").hidden()
        .sheet("Sales").row(1, "q", "amount").row(2, "Q1", 10).row(3, "Q2", 20)
        .sheet("Costs").row(1, "q", "cost").row(2, "Q1", 7)
        .save(dir.resolve("book.xlsx"));
    ExcelFormat format = new ExcelFormat();
    assertEquals(List.of("Sales", "Notes", "Secret", "Costs"), format.tables(f, FormatOptions.NONE));
    assertEquals(List.of("q", "amount"), ExcelTables.read(f, "").names());
    assertEquals(List.of("q", "cost"), ExcelTables.read(f, "Costs").names());
    assertEquals(List.of("q", "cost"), ExcelTables.read(f, "", "sheet", "Costs").names());
    assertEquals(List.of("q", "cost"), ExcelTables.read(f, "", "sheet", "costs").names());
    assertEquals(List.of("q", "cost"), ExcelTables.read(f, "", "sheet", "4").names());
    assertEquals(List.of("k"), ExcelTables.read(f, "Secret").names());
    ExcelTables empty = ExcelTables.read(f, "Notes");
    assertEquals(0, empty.rows.size());
    assertEquals(List.of("empty_sheet"), empty.source.flags());
    assertEquals(List.of("Costs", "Notes", "Secret", "Sales"), format.tables(f, FormatOptions.of(
        java.util.Map.of("sheet", "Costs"))));
    DsapException e = assertThrows(DsapException.class, () -> ExcelTables.read(f, "", "sheet", "Revenue"));
    assertEquals(ErrorCode.INVALID_OPTION, e.code());
    assertEquals("DSAP-1006: option sheet => 'Revenue' is not valid: 'book.xlsx' has no sheet of that name. Its"
        + " sheets are 'Notes', 'Secret', 'Sales', 'Costs' (sheet => 'name', or a number from 1 to 4).",
        e.getMessage());
  }

  @Test
  void emptyRowsAreSkippedAndShortRowsPaddedWithNull() {
    Path f = Books.xlsx().sheet("Gaps")
        .row(1, "a", "b", "c")
        .row(2, 1, "x", 1.5)
        .styledEmptyRow(3, 3)
        .row(5, 2, "y")
        .row(6, 3)
        .styledEmptyRow(9, 3)
        .save(dir.resolve("gaps.xlsx"));
    ExcelTables t = ExcelTables.read(f, "");
    assertEquals(List.of(row(1, "x", new BigDecimal("1.5")), row(2, "y", null), row(3, null, null)), t.rows);
    assertEquals(3, t.stats.recordsRead());
  }

  @Test
  void aTableAwayFromA1IsFoundAndTitleRowsCanBeSkipped() {
    Path f = Books.xlsx().sheet("Report")
        .rowAt(3, 1, "city", "people")
        .rowAt(4, 1, "Oslo", 700000)
        .rowAt(5, 1, "Rome", 2800000)
        .save(dir.resolve("report.xlsx"));
    ExcelTables t = ExcelTables.read(f, "");
    assertEquals(List.of("city", "people"), t.names());
    assertEquals("B:C", t.source.describe().get("data_columns"));
    assertEquals(List.of(row("Oslo", 700000), row("Rome", 2800000)), t.rows);

    Path titled = Books.xlsx().sheet("Report")
        .row(1, "Population report 2024")
        .row(3, "city", "people")
        .row(4, "Oslo", 700000)
        .save(dir.resolve("titled.xlsx"));
    ExcelTables skipped = ExcelTables.read(titled, "", "skip", 2);
    assertEquals(List.of("city", "people"), skipped.names());
    assertEquals(List.of(row("Oslo", 700000)), skipped.rows);
    assertEquals("3", skipped.source.describe().get("header_row"));
    ExcelTables ranged = ExcelTables.read(titled, "", "range", "A3:B");
    assertEquals(List.of(row("Oslo", 700000)), ranged.rows);
  }

  @Test
  void aValueOutsideTheDetectedColumnsRejectsItsRowAndSaysWhichRangeTakesItIn() {
    Books b = Books.xlsx().sheet("Wide").row(1, "a", "b");
    for (int r = 2; r <= 30; r++) {
      b.row(r, r, "v" + r);
    }
    b.rowAt(31, 0, 31, "v31", null, "stray note");
    Path f = b.save(dir.resolve("wide.xlsx"));
    ExcelTables t = ExcelTables.read(f, "", "sample_size", 10);
    assertEquals(List.of("a", "b"), t.names());
    assertEquals(29, t.stats.rowsReturned());
    assertEquals(1, t.stats.rowsRejected());
    Reject r = t.rejects.rejects().get(0);
    assertEquals(31, r.line());
    assertEquals("wide.xlsx, sheet 'Wide', cell D31 holds a value outside the table's columns A:B (found from the"
        + " first 10 rows). Read the sheet with range => 'A:D' to take that column in, or with range => 'A:B'"
        + " to leave it out", r.reason());
    ExcelTables wider = ExcelTables.read(f, "", "range", "A:D", "sample_size", 10);
    assertEquals(List.of("a", "b", "C", "D"), wider.names());
    assertEquals(30, wider.stats.rowsReturned());
    ExcelTables narrow = ExcelTables.read(f, "", "range", "A:B", "sample_size", 10);
    assertEquals(30, narrow.stats.rowsReturned());
  }

  @Test
  void numbersStoredAsTextBecomeNumbersButZeroPaddedCodesStayText() {
    Path f = Books.xlsx().sheet("Codes")
        .row(1, "qty", "zip", "mixed")
        .row(2, "12", "00501", 5)
        .row(3, "7", "02134", "n/a")
        .row(4, "30", "10001", 6)
        .save(dir.resolve("codes.xlsx"));
    ExcelTables t = ExcelTables.read(f, "");
    assertEquals(List.of("INTEGER", "VARCHAR", "VARCHAR"), t.types());
    assertEquals(List.of(12, 7, 30), t.column(0));
    assertEquals(List.of("00501", "02134", "10001"), t.column(1));
    assertEquals(List.of("5", "n/a", "6"), t.column(2));
    assertTrue(t.source.flags().contains("leading_zeros"));
    assertTrue(t.column("mixed").detection().contains("cells: 2 number, 1 text"), t.column("mixed").detection());
  }

  @Test
  void withoutHeaderColumnsAreNamedByTheirLetters() {
    Path f = Books.xlsx().sheet("Data")
        .row(1, 1, 2.5)
        .row(2, 2, 3.5)
        .save(dir.resolve("data.xlsx"));
    ExcelTables t = ExcelTables.read(f, "");
    assertEquals(List.of("A", "B"), t.names());
    assertEquals(false, t.source.describe().get("header"));
    assertEquals("none", t.source.describe().get("header_row"));
    assertEquals(2, t.rows.size());
    ExcelTables forced = ExcelTables.read(f, "", "header", true);
    assertEquals(List.of("1", "2.5"), forced.names());
  }

  @Test
  void typesAndAllVarcharOverrideDetection() {
    Path f = Books.xlsx().sheet("T")
        .row(1, "id", "day", "note")
        .row(2, 1, LocalDate.of(2024, 1, 2), "05/01/2024")
        .row(3, 2, LocalDate.of(2024, 1, 3), "06/01/2024")
        .save(dir.resolve("t.xlsx"));
    ExcelTables t = ExcelTables.read(f, "", "types", "id:BIGINT,note:DATE(dd/MM/yyyy)");
    assertEquals(List.of("BIGINT", "DATE", "DATE(dd/MM/yyyy)"), t.types());
    assertEquals(row(1L, LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 5)), t.rows.get(0));
    ExcelTables v = ExcelTables.read(f, "", "all_varchar", true);
    assertEquals(row("1", "2024-01-02", "05/01/2024"), v.rows.get(0));
    DsapException e = assertThrows(DsapException.class, () -> ExcelTables.read(f, "", "types", "ident:BIGINT"));
    assertTrue(e.getMessage().contains("a column of sheet 'T': id, day, note"), e.getMessage());
  }

  @Test
  void aDateColumnRejectsACellWithATimeRatherThanDroppingIt() {
    Books b = Books.xlsx().sheet("D").row(1, "day");
    for (int r = 2; r <= 12; r++) {
      b.row(r, LocalDate.of(2024, 1, r));
    }
    b.row(13, LocalDateTime.of(2024, 2, 1, 9, 30));
    Path f = b.save(dir.resolve("d.xlsx"));
    ExcelTables t = ExcelTables.read(f, "", "sample_size", 5);
    assertEquals("DATE", t.types().get(0));
    assertEquals(11, t.stats.rowsReturned());
    Reject r = t.rejects.rejects().get(0);
    assertTrue(r.reason().startsWith("d.xlsx, sheet 'D', cell A13: value '2024-02-01 09:30:00' in column day (DATE)"
        + " has a time of day, which a DATE would drop; read the column as TIMESTAMP"), r.reason());
  }

  @Test
  void rowCountsDoNotDependOnTheProjection() {
    Path f = Books.xlsx().sheet("S")
        .row(1, "n", "x")
        .row(2, 1, "a").row(3, "two", "b").row(4, 3, "c")
        .save(dir.resolve("s.xlsx"));
    var source = new ExcelFormat().open(f, "s.xlsx", "", FormatOptions.of(java.util.Map.of("types", "n:INTEGER")));
    for (int[] projection : new int[][] {{}, {1}, {0, 1}}) {
      try (var r = source.open(projection, io.dsap.engine.rejects.RejectSink.DISCARD,
          io.dsap.engine.format.ProgressListener.NONE)) {
        while (r.next() != null) {
          // count
        }
        assertEquals(new io.dsap.engine.csv.ScanStats(3, 2, 1), r.stats(), Arrays.toString(projection));
      }
    }
  }

  @Test
  void xlsFilesReadLikeXlsx() {
    Path f = Books.xls().sheet("Legacy")
        .row(1, "id", "name", "day", "amount", "sum")
        .row(2, 1, "Anna", LocalDate.of(2003, 5, 17), 10.25, formula("A2+D2"))
        .row(3, 2, "Bo", LocalDate.of(2003, 5, 18), 3, formula("A3+D3"))
        .sheet("Other").row(1, "x").row(2, 1)
        .save(dir.resolve("legacy.xls"));
    ExcelTables t = ExcelTables.read(f, "");
    assertEquals(List.of("INTEGER", "VARCHAR", "DATE", "DECIMAL(18,2)", "DECIMAL(18,2)"), t.types());
    assertEquals(row(1, "Anna", LocalDate.of(2003, 5, 17), new BigDecimal("10.25"), new BigDecimal("11.25")),
        t.rows.get(0));
    assertEquals("xls", t.source.describe().get("workbook"));
    assertEquals(List.of("Legacy", "Other"), new ExcelFormat().tables(f, FormatOptions.NONE));
    assertEquals(List.of(row(1)), ExcelTables.read(f, "Other").rows);
  }

  @Test
  void rangeAndSkipAreChecked() {
    for (String bad : new String[] {"A1", "D1:A4", "Sheet1!A1:B2", "1:2", "A:B3"}) {
      DsapException e = assertThrows(DsapException.class, () -> CellRange.parse(bad), bad);
      assertTrue(e.getMessage().contains("'A1:D100', 'B:F'"), e.getMessage());
    }
    assertEquals(new CellRange(1, 3, 5, Integer.MAX_VALUE), CellRange.parse("b3:f"));
    assertEquals(new CellRange(0, 1, 27, 100), CellRange.parse("$A$1:$AB$100"));
    assertEquals("AB", CellRange.columnName(27));
    assertEquals(27, XlsxSheetCursor.column("AB12"));
    assertNull(ExcelOptions.of(FormatOptions.NONE).range());
    assertThrows(DsapException.class, () -> ExcelOptions.of(FormatOptions.of(java.util.Map.of("skip", -1))));
    assertThrows(DsapException.class, () -> ExcelOptions.of(FormatOptions.of(java.util.Map.of("delimiter", ","))));
    assertFalse(ExcelOptions.of(FormatOptions.NONE).allVarcharOrDefault());
  }

  @Test
  void cellTextIsWrittenAsPeopleWriteIt() {
    assertEquals("12345678.5", SheetRow.numberText(12345678.5));
    assertEquals("42", SheetRow.numberText(42.0));
    assertEquals("0.1", SheetRow.numberText(0.1));
    assertEquals("1.0E20", SheetRow.numberText(1e20));
    assertEquals("2024-01-02 03:04:05", SheetRow.dateText(LocalDateTime.of(2024, 1, 2, 3, 4, 5)));
    assertEquals("2024-01-02", SheetRow.dateText(LocalDateTime.of(2024, 1, 2, 0, 0)));
    assertEquals(NumberFormats.TIME, NumberFormats.kind(164, "h:mm AM/PM"));
    assertEquals(NumberFormats.TIME, NumberFormats.kind(164, "[h]:mm:ss"));
    assertEquals(NumberFormats.DATE, NumberFormats.kind(164, "mmm yyyy"));
    assertEquals(NumberFormats.DATE, NumberFormats.kind(14, "m/d/yy"));
    assertEquals(NumberFormats.PLAIN, NumberFormats.kind(2, "0.00"));
    assertEquals(ColumnType.TIME, ColumnType.parse("TIME"));
  }
}
