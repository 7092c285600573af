package io.dsap.engine.validate.checks;

import io.dsap.engine.batch.ColumnVector;
import io.dsap.engine.batch.StringVector;
import io.dsap.engine.schema.Severity;
import io.dsap.engine.validate.AbstractCheck;
import io.dsap.engine.validate.IssueSink;
import io.dsap.engine.validate.Rows;

/**
 * {@code duplicate_row}: a row whose every value equals an earlier row's. Rows are kept as
 * 128-bit fingerprints ({@link Hash128Map}, 40 to 80 bytes a row); past {@link #MAX_ROWS} rows,
 * or when they would outgrow the check's share of the heap ({@link HeapBudget}), the check stops
 * and says so.
 */
public final class DuplicateRowCheck extends AbstractCheck {
  static final int MAX_ROWS = 50_000_000;

  private final Hash128Map seen = new Hash128Map();
  private final long budget = HeapBudget.bytes();
  private boolean gaveUp;

  public DuplicateRowCheck(Severity severity) {
    super("duplicate_row", null, severity, 1.0);
  }

  @Override
  public void check(Rows rows, IssueSink out) {
    if (gaveUp) {
      return;
    }
    int n = rows.columns().size();
    for (int r = 0; r < rows.size(); r++) {
      if (seen.wouldGrowPast(budget)) {
        gaveUp = true;
        return;
      }
      checked++;
      long h1 = 0x243F6A8885A308D3L;
      long h2 = 0x13198A2E03707344L;
      for (int c = 0; c < n; c++) {
        long x = valueHash(rows.column(c), r);
        h1 = (h1 ^ x) * 0x100000001B3L + c;
        h2 = Long.rotateLeft(h2 ^ (x * 0x9E3779B97F4A7C15L), 31) * 0xC2B2AE3D27D4EB4FL;
      }
      int first = seen.putIfAbsent(h1, h2, rows.line(r));
      if (first != 0) {
        fail(rows, r, null, "a row unlike the earlier ones",
            "line " + rows.line(r) + " repeats " + (first > 0 ? "line " + first : "an earlier row") + " exactly",
            "Remove the repeated row, or set duplicate_rows: ignore if repeats are expected.", out);
      }
      if (seen.size() >= MAX_ROWS) {
        gaveUp = true;
        return;
      }
    }
  }

  private static long valueHash(ColumnVector v, int r) {
    if (v.isNull(r)) {
      return 0x5bd1e995L;
    }
    if (v instanceof StringVector s) {
      byte[] d = s.data();
      long h = 0xcbf29ce484222325L;
      for (int i = s.start(r); i < s.end(r); i++) {
        h = (h ^ d[i]) * 0x100000001b3L;
      }
      return h;
    }
    if (ValueKeys.hasLongKey(v.type())) {
      long k = ValueKeys.key(v, r);
      return k * 0xff51afd7ed558ccdL + 1;
    }
    return v.get(r).hashCode();
  }

  @Override
  public void finish(IssueSink out) {
    if (gaveUp) {
      fail(null, null, null, null, "the duplicate_row check stopped after " + seen.size() + " rows to bound memory"
          + (seen.size() < MAX_ROWS ? " (the JVM's heap, -Xmx, allows no more)" : ""),
          "Find duplicates in SQL instead (GROUP BY every column HAVING count(*) > 1).", out);
    }
  }
}
