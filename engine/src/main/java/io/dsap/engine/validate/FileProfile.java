package io.dsap.engine.validate;

import io.dsap.engine.batch.Batch;
import io.dsap.engine.format.BatchReader;
import io.dsap.engine.format.ProgressListener;
import io.dsap.engine.format.TableSource;
import io.dsap.engine.rejects.Reject;
import io.dsap.engine.types.ColumnSpec;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** Exact statistics of a file from one pass: one {@link ColumnProfile} per column, plus record counts. */
public final class FileProfile {
  private final List<ColumnProfile> columns = new ArrayList<>();
  private long records;
  private long rejectedRecords;

  public FileProfile(List<ColumnSpec> specs) {
    this(specs, true);
  }

  /**
   * @param values whether to keep value sets (distinct values, value counts) and every semantic
   *     type's matches, for rule suggestions; a validation's first pass needs neither, and a
   *     large file's distinct values would not fit a small heap
   */
  private FileProfile(List<ColumnSpec> specs, boolean values) {
    specs.forEach(s -> columns.add(new ColumnProfile(s, values)));
  }

  /** Profiles {@code source} in one pass. */
  public static FileProfile of(TableSource source) {
    return scan(source, List.of(), true);
  }

  /**
   * A validation's first pass over {@code source}: counts and the semantic types the built-in
   * checks use (memory independent of the file), and the statistics of {@code observers}.
   */
  static FileProfile scan(TableSource source, List<Check> observers) {
    return scan(source, observers, false);
  }

  private static FileProfile scan(TableSource source, List<Check> observers, boolean values) {
    FileProfile p = new FileProfile(source.columns(), values);
    int n = source.columns().size();
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    Rows view = new Rows(source.columns());
    long[] none = new long[0];
    try (BatchReader r = source.open(all, p::reject, ProgressListener.NONE)) {
      for (Batch b = r.next(); b != null; b = r.next()) {
        if (none.length < b.rowCount()) {
          none = new long[b.capacity()];
        }
        view.set(b, none);
        p.add(view);
        for (Check c : observers) {
          c.observe(view);
        }
      }
    }
    return p;
  }

  void add(Rows rows) {
    for (int c = 0; c < columns.size(); c++) {
      ColumnProfile p = columns.get(c);
      for (int r = 0; r < rows.size(); r++) {
        Object v = rows.value(r, c);
        p.add(v, v == null ? null : Values.display(p.spec(), v));
      }
    }
    records += rows.size();
  }

  void reject(Reject r) {
    records++;
    rejectedRecords++;
    if (r.column() != null) {
      column(r.column()).ifPresent(p -> p.rejected++);
    }
  }

  public List<ColumnProfile> columns() {
    return columns;
  }

  public java.util.Optional<ColumnProfile> column(String name) {
    return columns.stream().filter(p -> p.spec().name().equalsIgnoreCase(name)).findFirst();
  }

  /** Records read, rejected ones included. */
  public long records() {
    return records;
  }

  public long rejectedRecords() {
    return rejectedRecords;
  }

  /** {@code part / whole} in percent with two decimals, e.g. {@code 98.75}. */
  public static String pct(long part, long whole) {
    if (whole == 0) {
      return "0";
    }
    return BigDecimal.valueOf(part * 100.0 / whole).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros()
        .toPlainString();
  }

  /** "237 of 240 values of order_date (98.75%) are DATE yyyy-MM-dd", for parse suggestions. */
  public String share(String column) {
    return column(column).map(p -> {
      long ok = p.values();
      long all = p.values() + p.rejected();
      ColumnSpec s = p.spec();
      String type = s.type().isTemporal() && s.format() != null ? s.type() + " " + s.format().datePattern()
          : s.typeText();
      return ok + " of " + all + " values of " + s.name() + " (" + pct(ok, all) + "%) are " + type;
    }).orElse(null);
  }
}
