package io.dsap.engine.format.excel;

import io.dsap.engine.batch.Batch;
import io.dsap.engine.csv.ScanStats;
import io.dsap.engine.format.BatchReader;
import io.dsap.engine.format.FormatOptions;
import io.dsap.engine.format.ProgressListener;
import io.dsap.engine.format.TableSource;
import io.dsap.engine.rejects.RejectLog;
import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.types.ColumnType;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Test helper: opens a sheet with the Excel format and reads it into plain Java rows. */
final class ExcelTables {
  final TableSource source;
  final List<List<Object>> rows = new ArrayList<>();
  final RejectLog rejects = new RejectLog(1000);
  ScanStats stats;

  private ExcelTables(TableSource source) {
    this.source = source;
  }

  /** Detects the table and reads every column; options as name, value pairs. */
  static ExcelTables read(Path file, String table, Object... options) {
    Map<String, Object> m = new HashMap<>();
    for (int i = 0; i < options.length; i += 2) {
      m.put((String) options[i], options[i + 1]);
    }
    TableSource s = new ExcelFormat().open(file, file.getFileName().toString(), table, FormatOptions.of(m));
    ExcelTables t = new ExcelTables(s);
    int[] all = new int[s.columns().size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    try (BatchReader r = s.open(all, t.rejects, ProgressListener.NONE)) {
      for (Batch b = r.next(); b != null; b = r.next()) {
        for (int row = 0; row < b.rowCount(); row++) {
          List<Object> values = new ArrayList<>();
          for (int c = 0; c < all.length; c++) {
            values.add(java(s.columns().get(c), b.column(c).get(row)));
          }
          t.rows.add(values);
        }
      }
      t.stats = r.stats();
    }
    if (t.stats.recordsRead() != t.stats.rowsReturned() + t.stats.rowsRejected()) {
      throw new AssertionError("rows read != returned + rejected: " + t.stats);
    }
    return t;
  }

  /** Engine values as the Java values a user would compare with. */
  private static Object java(ColumnSpec spec, Object v) {
    if (v == null) {
      return null;
    }
    ColumnType t = spec.type();
    if (t == ColumnType.DATE) {
      return LocalDate.ofEpochDay(((Number) v).longValue());
    }
    if (t == ColumnType.TIMESTAMP) {
      return LocalDateTime.ofInstant(Instant.ofEpochMilli(((Number) v).longValue()), ZoneOffset.UTC);
    }
    if (t == ColumnType.TIME) {
      return LocalTime.ofNanoOfDay(((Number) v).longValue() * 1_000_000L);
    }
    return v;
  }

  List<String> names() {
    return source.columns().stream().map(ColumnSpec::name).toList();
  }

  List<String> types() {
    return source.columns().stream().map(ColumnSpec::typeText).toList();
  }

  ColumnSpec column(String name) {
    return source.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  List<Object> column(int c) {
    return rows.stream().map(r -> r.get(c)).toList();
  }
}
