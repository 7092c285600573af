package io.dsap.engine.quality;

/**
 * Quality of a column or table, each dimension 0..1 (docs/quality-score.md gives the formulas).
 * {@code uniqueness} is null unless the column is a key candidate.
 */
public record QualityScore(double completeness, double validity, double consistency, Double uniqueness,
    double overall) {

  /** The score with {@code overall} the weighted mean of the dimensions present. */
  public static QualityScore of(double completeness, double validity, double consistency, Double uniqueness,
      QualityWeights w) {
    double sum = w.completeness() * completeness + w.validity() * validity + w.consistency() * consistency;
    double weights = w.completeness() + w.validity() + w.consistency();
    if (uniqueness != null) {
      sum += w.uniqueness() * uniqueness;
      weights += w.uniqueness();
    }
    return new QualityScore(completeness, validity, consistency, uniqueness, weights == 0 ? 1 : sum / weights);
  }
}
