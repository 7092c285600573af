package io.dsap.engine.validate.checks;

import io.dsap.engine.batch.ColumnVector;
import io.dsap.engine.schema.Severity;
import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.types.ColumnType;
import io.dsap.engine.validate.AbstractCheck;
import io.dsap.engine.validate.IssueSink;
import io.dsap.engine.validate.Rows;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code unique}: no non-null value may appear twice. Exact: every distinct value is kept.
 * Numbers and dates cost 4 bytes each while they are dense (ids, dates: {@link DenseLineMap}), else 21 to 43
 * bytes each ({@link LongLineMap}); text keeps the strings
 * (about {@link #TEXT_ENTRY} bytes plus the text each). Past {@link #MAX_VALUES} distinct values,
 * or when they would outgrow the check's share of the heap ({@link HeapBudget}), the check stops
 * and says so, rather than exhaust memory.
 */
public final class UniqueCheck extends AbstractCheck {
  static final int MAX_VALUES = 50_000_000;
  /** Heap of one remembered text value besides its characters: map entry, boxed line, String. */
  static final int TEXT_ENTRY = 100;

  private final int c;
  private final ColumnSpec spec;
  private final boolean longKeys;
  private final DenseLineMap seenKeys = new DenseLineMap();
  private final Map<String, Long> seenText = new HashMap<>();
  private final long budget = HeapBudget.bytes();
  private final String suggestion;
  private long[] firstLines = new long[64]; // per repeat scan() found in the batch: the line its value was first on
  private int repeats;
  private int reported;
  private boolean gaveUp;
  private long gaveUpLine;
  private long textBytes;

  public UniqueCheck(ColumnSpec spec, int c, Severity severity, double mostly) {
    super("unique", spec.name(), severity, mostly);
    this.c = c;
    this.spec = spec;
    this.longKeys = ValueKeys.hasLongKey(spec.type())
        && !(spec.type() == ColumnType.DECIMAL && spec.precision() > ColumnSpec.LONG_DECIMAL_PRECISION);
    this.suggestion = "Remove or correct the repeated row, or drop unique: true for " + column
        + " if repeats are allowed.";
  }

  @Override
  protected void scan(Rows rows) {
    repeats = 0;
    reported = 0;
    if (gaveUp) {
      return;
    }
    ColumnVector v = rows.column(c);
    for (int r = 0; r < rows.size(); r++) {
      if (v.isNull(r)) {
        continue;
      }
      if (longKeys ? seenKeys.wouldGrowPast(budget) : textBytes > budget) {
        stop(rows.line(r));
        return;
      }
      checked++;
      long first;
      if (longKeys) {
        first = seenKeys.putIfAbsent(ValueKeys.key(v, r), rows.line(r));
      } else {
        String text = rows.text(r, c);
        Long prev = seenText.putIfAbsent(text, rows.line(r));
        first = prev == null ? 0 : prev;
        textBytes += prev == null ? TEXT_ENTRY + 2L * text.length() : 0;
      }
      if (first != 0) {
        if (repeats == firstLines.length) {
          firstLines = java.util.Arrays.copyOf(firstLines, 2 * repeats);
        }
        firstLines[repeats++] = first;
        failedAt(r);
      }
      if (seenKeys.size() + seenText.size() >= MAX_VALUES) {
        stop(rows.line(r));
        return;
      }
    }
  }

  @Override
  protected void report(Rows rows, int r, IssueSink out) {
    long first = firstLines[reported++];
    String value = rows.text(r, c);
    fail(rows, r, value, "a value not seen before", column + " " + value + " appears again"
        + (first > 0 ? " (first on line " + first + ")" : ""), suggestion, out);
  }

  private void stop(long line) {
    gaveUp = true;
    gaveUpLine = line;
  }

  @Override
  public void finish(IssueSink out) {
    if (gaveUp) {
      long kept = seenKeys.size() + seenText.size();
      fail(null, null, null, "at most " + kept + " distinct values",
          "the unique check on " + column + " stopped at line " + gaveUpLine + " after " + kept
              + " distinct values to bound memory" + (kept < MAX_VALUES ? " (the JVM's heap, -Xmx, allows no more)"
              : "") + "; rows after it were not checked",
          "Check uniqueness in SQL instead: SELECT " + column + ", count(*) FROM <table> GROUP BY " + column
              + " HAVING count(*) > 1.", out);
    }
  }

  @Override
  public int[] columnsRead() {
    return new int[] {c};
  }
}
