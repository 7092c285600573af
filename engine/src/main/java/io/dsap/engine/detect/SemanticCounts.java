package io.dsap.engine.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * Matches per {@link SemanticType} over a column's values. A type matching under half of the
 * first {@link #SETTLED} values cannot reach {@link SemanticType#MIN_MATCH_RATE}, so it stops
 * being tested (regular expressions are the costly part of detection).
 */
final class SemanticCounts {
  static final long SETTLED = 1000;
  private static final SemanticType[] TYPES = SemanticType.values();
  private final long[] matches = new long[TYPES.length];
  private final boolean[] dropped = new boolean[TYPES.length];
  private final List<List<Counterexample>> misfits = new ArrayList<>();
  private long values;

  SemanticCounts() {
    for (int i = 0; i < TYPES.length; i++) {
      misfits.add(new ArrayList<>());
    }
  }

  void add(String v, long line) {
    values++;
    for (int i = 0; i < TYPES.length; i++) {
      if (dropped[i]) {
        continue;
      }
      if (TYPES[i].matches(v)) {
        matches[i]++;
      } else if (misfits.get(i).size() < TypeCandidates.EXAMPLES) {
        misfits.get(i).add(new Counterexample(TYPES[i].label(), v.length() > 100 ? v.substring(0, 100) : v, line));
      }
      if (values == SETTLED && matches[i] * 2 < values) {
        dropped[i] = true;
      }
    }
  }

  /** The best eligible type matching at least the minimum rate, or null. */
  SemanticType best(String column, boolean textColumn) {
    SemanticType best = null;
    for (int i = 0; i < TYPES.length; i++) {
      if (!dropped[i] && values > 0 && TYPES[i].eligible(column, textColumn)
          && rate(TYPES[i]) >= SemanticType.MIN_MATCH_RATE && (best == null || matches[i] > matches[best.ordinal()])) {
        best = TYPES[i];
      }
    }
    return best;
  }

  double rate(SemanticType t) {
    return values == 0 ? 0 : (double) matches[t.ordinal()] / values;
  }

  long matches(SemanticType t) {
    return matches[t.ordinal()];
  }

  List<Counterexample> misfits(SemanticType t) {
    return List.copyOf(misfits.get(t.ordinal()));
  }

  /** Semantic types that some values match (and still counted), for {@code candidates}. */
  List<Candidate> candidates() {
    List<Candidate> out = new ArrayList<>();
    for (int i = 0; i < TYPES.length; i++) {
      if (!dropped[i] && matches[i] > 0) {
        out.add(new Candidate(TYPES[i].label(), rate(TYPES[i])));
      }
    }
    return out;
  }
}
