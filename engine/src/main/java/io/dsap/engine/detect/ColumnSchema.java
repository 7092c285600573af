package io.dsap.engine.detect;

import io.dsap.engine.quality.QualityScore;
import java.util.List;

/**
 * One column as {@code detect_schema} sees it: its type and why, its meaning, and its quality.
 *
 * @param sqlType the type as written in {@code types => '...'} ({@code DECIMAL(18,2)}, {@code DATE(dd/MM/yyyy)})
 * @param semanticType e.g. {@code email}, or null when no type matches {@link SemanticType#MIN_MATCH_RATE}
 * @param semanticMatch share of non-null values matching {@code semanticType}, or null
 * @param format the date/timestamp layout, or null
 * @param distinctExact false when {@code distinctCount} is an HLL estimate
 * @param unique every non-null value distinct; null (unknown) past the exact distinct limit
 * @param valid non-null values that fit the SQL type and the semantic type
 * @param consistent non-null values in the column's dominant format and spelling, unpadded
 * @param detection why this type, in one line (what the sample proposed and what the full pass found)
 */
public record ColumnSchema(int ordinal, String name, String sqlType, boolean nullable, String semanticType,
    Double semanticMatch, String format, long rows, long nullCount, long distinctCount, boolean distinctExact,
    Boolean unique, String min, String max, List<Candidate> candidates, List<Counterexample> counterexamples,
    List<String> flags, long valid, long consistent, String detection, QualityScore quality) {

  public ColumnSchema {
    candidates = List.copyOf(candidates);
    counterexamples = List.copyOf(counterexamples);
    flags = List.copyOf(flags);
  }

  public long values() {
    return rows - nullCount;
  }

  public double nullPct() {
    return rows == 0 ? 0 : 100.0 * nullCount / rows;
  }
}
