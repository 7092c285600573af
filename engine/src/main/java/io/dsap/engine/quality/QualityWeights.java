package io.dsap.engine.quality;

import io.dsap.engine.error.Errors;
import java.util.Locale;

/**
 * Weights of the dimensions in the overall score (docs/quality-score.md). Equal by default;
 * written {@code 'completeness=2,validity=2,consistency=1,uniqueness=1'} (or with {@code :}:
 * {@code 'completeness:0.4,validity:0.3'}) where configurable.
 */
public record QualityWeights(double completeness, double validity, double consistency, double uniqueness) {
  public static final QualityWeights EQUAL = new QualityWeights(1, 1, 1, 1);

  public QualityWeights {
    if (completeness < 0 || validity < 0 || consistency < 0 || uniqueness < 0
        || completeness + validity + consistency + uniqueness == 0) {
      throw Errors.invalidOption("weights", completeness + "," + validity + "," + consistency + "," + uniqueness,
          "non-negative weights, at least one above 0");
    }
  }

  /** Parses {@code name=weight} or {@code name:weight} pairs; names not given keep weight 1. Null or blank: equal weights. */
  public static QualityWeights parse(String text) {
    if (text == null || text.isBlank()) {
      return EQUAL;
    }
    double[] w = {1, 1, 1, 1};
    for (String part : text.split(",")) {
      String[] kv = part.split("[=:]", 2);
      String name = kv[0].trim().toLowerCase(Locale.ROOT);
      int i = switch (name) {
        case "completeness" -> 0;
        case "validity" -> 1;
        case "consistency" -> 2;
        case "uniqueness" -> 3;
        default -> throw Errors.invalidOption("weights", text,
            "name=weight pairs of completeness, validity, consistency, uniqueness, e.g. 'completeness=2,validity=1'");
      };
      try {
        w[i] = Double.parseDouble(kv.length == 2 ? kv[1].trim() : "");
      } catch (NumberFormatException e) {
        throw Errors.invalidOption("weights", text, "a number after '" + name + "=', e.g. 'completeness=2'");
      }
    }
    return new QualityWeights(w[0], w[1], w[2], w[3]);
  }
}
