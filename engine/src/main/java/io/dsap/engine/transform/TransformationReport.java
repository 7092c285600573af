package io.dsap.engine.transform;

import io.dsap.engine.quality.QualityScore;
import java.util.List;

/**
 * What a transformation did: rows in and out, and per (column, step) the values changed and the
 * column's nulls, mean, standard deviation, minimum and maximum before and after the step; with
 * {@link DataTransformer#report} also the table's quality score before and after and, when a
 * schema is given, the validation issues before and after.
 *
 * @param rowsIn rows read from the source (rejected rows excluded)
 * @param rowsOut rows in the result
 * @param rowsRejected rows the reader could not read (see {@code rejects(path)})
 * @param steps one entry per (column, step), in the order the steps ran
 * @param quality table quality before and after, or null when not measured
 * @param validation issues against a schema before and after, or null when no schema was given
 */
public record TransformationReport(long rowsIn, long rowsOut, long rowsRejected, List<Entry> steps,
    Quality quality, Validation validation) {

  public TransformationReport {
    steps = List.copyOf(steps);
  }

  /**
   * One step on one column ({@code column} null: a step on whole rows, such as dropping rows).
   * Mean, standard deviation (sample), minimum and maximum are for numeric values only, else null.
   */
  public record Entry(String column, String step, String detail, long valuesChanged, Long nullsBefore,
      Long nullsAfter, Double meanBefore, Double meanAfter, Double stddevBefore, Double stddevAfter,
      Double minBefore, Double minAfter, Double maxBefore, Double maxAfter) {}

  /** Table quality (engine scoring, docs/quality-score.md) of the source and of the result. */
  public record Quality(QualityScore before, QualityScore after) {}

  /** Validation against {@code schema}: all issues and those of severity error, before and after. */
  public record Validation(String schema, long issuesBefore, long issuesAfter, long errorsBefore,
      long errorsAfter) {}

  TransformationReport with(Quality q, Validation v) {
    return new TransformationReport(rowsIn, rowsOut, rowsRejected, steps, q, v);
  }
}
