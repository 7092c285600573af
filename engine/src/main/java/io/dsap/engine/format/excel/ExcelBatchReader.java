package io.dsap.engine.format.excel;

import io.dsap.engine.batch.Batch;
import io.dsap.engine.batch.RowAppender;
import io.dsap.engine.batch.TextValues;
import io.dsap.engine.csv.ScanStats;
import io.dsap.engine.format.BatchReader;
import io.dsap.engine.format.ProgressListener;
import io.dsap.engine.rejects.Reject;
import io.dsap.engine.rejects.RejectSink;
import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.types.ColumnType;
import java.nio.file.Path;
import java.util.List;

/**
 * Streams the table of one sheet as batches. Every non-empty row between the header and the end
 * is a record: returned, or rejected with its cell ({@code C17}), value and the fix. Empty rows
 * are no records. Every column is checked whether projected or not, so counts never depend on
 * the columns a query reads.
 */
final class ExcelBatchReader implements BatchReader {
  static final int BATCH_SIZE = 8192;

  private final String file;
  private final ExcelSchema schema;
  private final ColumnSpec[] specs;
  private final RowAppender out;
  private final RejectSink rejects;
  private final ProgressListener progress;
  private final ExcelWorkbook wb;
  private final SheetCursor cursor;
  private final SheetRow row = new SheetRow();
  private final String where;
  private long read;
  private long returned;
  private long rejected;
  private boolean done;

  ExcelBatchReader(Path path, String file, ExcelSchema schema, int[] projection, int batchSize, RejectSink rejects,
      ProgressListener progress) {
    this.file = file;
    this.schema = schema;
    this.specs = schema.columns().toArray(new ColumnSpec[0]);
    this.out = new RowAppender(schema.columns(), projection, batchSize);
    this.rejects = rejects;
    this.progress = progress;
    this.where = file + ", sheet '" + schema.sheet().name() + "'";
    this.wb = Workbooks.open(path, file);
    SheetCursor c = null;
    try {
      c = wb.open(schema.sheet());
    } finally {
      if (c == null) {
        wb.close();
      }
    }
    this.cursor = c;
  }

  @Override
  public Batch next() {
    if (done) {
      return null;
    }
    out.reset();
    while (!out.full()) {
      if (!cursor.next(row) || row.number() > schema.lastRow()) {
        done = true;
        break;
      }
      if (row.number() >= schema.firstRow()) {
        readRow();
      }
    }
    Batch b = out.finish();
    returned += b.rowCount();
    progress.progress(done ? Math.max(0, cursor.bytesTotal()) : Math.max(0, cursor.bytesRead()), read,
        cursor.bytesTotal());
    return b.rowCount() == 0 && done ? null : b;
  }

  private void readRow() {
    int from = schema.firstColumn();
    int to = schema.lastColumn();
    int outside = -1;
    boolean any = false;
    for (int c = 0; c < row.width(); c++) {
      if (row.isBlank(c)) {
        continue;
      }
      if (c >= from && c <= to) {
        any = true;
      } else if (outside < 0 && schema.range() == null) {
        outside = c;
      }
    }
    if (!any && outside < 0) {
      return; // an empty row is no record
    }
    read++;
    if (outside >= 0) {
      reject(null, row.text(outside), "cell " + ref(outside) + " holds a value outside the table's columns "
          + schema.columnLetters() + " (found from the first " + schema.sampledRows() + " rows). Read the sheet"
          + " with range => '" + widened(outside) + "' to take that column in, or with range => '"
          + schema.columnLetters() + "' to leave it out");
      return;
    }
    for (int k = 0; k < specs.length; k++) {
      String problem = put(k, from + k);
      if (problem != null) {
        out.rollback();
        reject(specs[k].name(), row.text(from + k), "cell " + ref(from + k) + ": " + problem);
        return;
      }
    }
    out.commit(row.number(), -1);
  }

  /** Writes cell {@code c} into table column {@code k}; null, or why it does not fit. */
  private String put(int k, int c) {
    ColumnSpec spec = specs[k];
    ColumnType t = spec.type();
    switch (row.kind(c)) {
      case SheetRow.BLANK:
        out.nul(k);
        return null;
      case SheetRow.STRING: {
        String s = row.string(c);
        if (s.isEmpty() || (t != ColumnType.VARCHAR && s.isBlank())) {
          out.nul(k);
          return null;
        }
        return out.text(k, s);
      }
      case SheetRow.NUMBER:
        return t == ColumnType.VARCHAR ? out.text(k, row.text(c)) : out.value(k, row.number(c));
      case SheetRow.BOOLEAN:
        return t == ColumnType.VARCHAR ? out.text(k, row.text(c)) : out.value(k, row.bool(c));
      case SheetRow.DATE:
        if (t == ColumnType.DATE && row.date(c).toLocalTime().toNanoOfDay() != 0) {
          return TextValues.reason(spec, row.text(c), "has a time of day, which a DATE would drop; read the column"
              + " as TIMESTAMP (types => '" + spec.name() + ":TIMESTAMP')");
        }
        return t == ColumnType.VARCHAR ? out.text(k, row.text(c)) : out.value(k, row.date(c));
      case SheetRow.TIME:
        return t == ColumnType.VARCHAR ? out.text(k, row.text(c)) : out.value(k, row.time(c));
      case SheetRow.ERROR:
        if (t == ColumnType.VARCHAR) {
          return out.text(k, row.error(c));
        }
        return "the cell holds the Excel error " + row.error(c) + " where column " + spec.name() + " ("
            + spec.typeText() + ") expects a value. Fix the formula or value in the workbook, or read the column"
            + " as text with types => '" + spec.name() + ":VARCHAR'";
      default:
        out.nul(k);
        return null;
    }
  }

  private String ref(int c) {
    return CellRange.cell(c, row.number());
  }

  /** The table's block widened to take in column {@code c}. */
  private String widened(int c) {
    int from = Math.min(schema.firstColumn(), c);
    int to = Math.max(schema.lastColumn(), c);
    return CellRange.columnName(from) + ":" + CellRange.columnName(to);
  }

  private void reject(String column, String value, String reason) {
    rejected++;
    rejects.accept(new Reject(file, row.number(), -1, column, value, raw(), where + ", " + reason));
  }

  /** The row as {@code A17=...; B17=...}: Excel users find cells by reference. */
  private String raw() {
    StringBuilder s = new StringBuilder();
    for (int c = 0; c < row.width() && s.length() < Reject.MAX_RAW; c++) {
      if (!row.isBlank(c)) {
        s.append(s.length() == 0 ? "" : "; ").append(ref(c)).append('=').append(row.text(c));
      }
    }
    return s.toString();
  }

  @Override
  public ScanStats stats() {
    return new ScanStats(read, returned, rejected);
  }

  List<ColumnSpec> columns() {
    return schema.columns();
  }

  @Override
  public void close() {
    try {
      cursor.close();
    } finally {
      wb.close();
    }
  }
}
