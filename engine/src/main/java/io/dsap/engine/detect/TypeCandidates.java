package io.dsap.engine.detect;

import io.dsap.engine.types.ByteParsers;
import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.types.ColumnType;
import io.dsap.engine.types.TemporalFormat;
import io.dsap.engine.types.ValueTypeStats;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * For each SQL type a text column could have, how many values fit it and the first few (with
 * their line) that do not: the evidence behind {@code candidates} and {@code counterexamples}.
 * Dates are tried in the format the sample proposed (ISO when it proposed no date).
 */
final class TypeCandidates {
  static final int EXAMPLES = 3;
  private final ColumnSpec[] specs;
  private final long[] fits;
  private final List<List<Counterexample>> misfits = new ArrayList<>();
  private long values;

  TypeCandidates(ColumnSpec proposed) {
    TemporalFormat f = proposed.format() != null ? proposed.format() : TemporalFormat.ISO;
    specs = new ColumnSpec[] {
        spec(ColumnType.BOOLEAN, 0, null), spec(ColumnType.BIGINT, 0, null), spec(ColumnType.DECIMAL, 4, null),
        spec(ColumnType.DOUBLE, 0, null), spec(ColumnType.DATE, 0, f), spec(ColumnType.TIMESTAMP, 0, f)};
    fits = new long[specs.length];
    for (int i = 0; i < specs.length; i++) {
      misfits.add(new ArrayList<>());
    }
  }

  private static ColumnSpec spec(ColumnType t, int scale, TemporalFormat f) {
    return new ColumnSpec("candidate", t, scale, f, "candidate");
  }

  void add(byte[] b, int s, int e, long line, ByteParsers p) {
    values++;
    for (int i = 0; i < specs.length; i++) {
      if (ValueTypeStats.fits(specs[i], b, s, e, p)) {
        fits[i]++;
      } else if (misfits.get(i).size() < EXAMPLES) {
        misfits.get(i).add(new Counterexample(specs[i].typeText(), text(b, s, e), line));
      }
    }
  }

  /** Candidates with their share of fitting values, best first; VARCHAR always fits. */
  List<Candidate> candidates() {
    List<Candidate> out = new ArrayList<>();
    for (int i = 0; i < specs.length; i++) {
      if (values > 0 && fits[i] > 0) {
        out.add(new Candidate(specs[i].typeText(), (double) fits[i] / values));
      }
    }
    out.sort((a, c) -> Double.compare(c.share(), a.share()));
    out.add(new Candidate("VARCHAR", 1.0)); // last: it always fits, so it says nothing
    return out;
  }

  /** Values that fit {@code spec}'s type; -1 when it is not a tracked candidate (VARCHAR: all). */
  long fitting(ColumnSpec spec) {
    int i = index(spec);
    return i < 0 ? (spec.type() == ColumnType.VARCHAR ? values : -1) : fits[i];
  }

  /** The first values that do not fit {@code spec}'s type, with their lines. */
  List<Counterexample> misfits(ColumnSpec spec) {
    int i = index(spec);
    return i < 0 ? List.of() : List.copyOf(misfits.get(i));
  }

  private int index(ColumnSpec spec) {
    ColumnType t = spec.type() == ColumnType.INTEGER ? ColumnType.BIGINT : spec.type();
    for (int i = 0; i < specs.length; i++) {
      if (specs[i].type() == t && (!t.isTemporal() || specs[i].format().equals(spec.format()))) {
        return i;
      }
    }
    return -1;
  }

  static String text(byte[] b, int s, int e) {
    return new String(b, s, Math.min(e - s, 100), StandardCharsets.UTF_8);
  }
}
