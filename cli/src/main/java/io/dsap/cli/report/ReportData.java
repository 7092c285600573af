package io.dsap.cli.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything a report shows, as read from the SQL functions: {@code file_info}, {@code profile},
 * {@code detect_schema}, and for a quality report {@code quality_report}, {@code validation_summary} and
 * {@code validate}.
 *
 * @param file       what the file is
 * @param columns    one entry per column, in file order
 * @param quality    the table's scores per dimension (quality report only, else empty)
 * @param validation the checks with examples of failing rows, or null (a profile report has none)
 * @param notes      parts the file's format cannot give (detect_schema of a Parquet file), with the reason
 * @param run        how the report was made
 */
public record ReportData(FileFacts file, List<ColumnData> columns, List<Score> quality, Validation validation,
    List<String> notes, RunInfo run) {

  /** Rows equal in every column to an earlier row (profile's table-level {@code duplicate_rows}). */
  public long duplicateRows() {
    return columns.isEmpty() || columns.get(0).profile().count("duplicate_rows") == null
        ? 0 : columns.get(0).profile().count("duplicate_rows");
  }

  /** Rows read: profile's {@code row_count}, else file_info's. */
  public Long rowCount() {
    return columns.isEmpty() ? file.rowCount() : columns.get(0).profile().count("row_count");
  }

  /** The table's overall score, or null. */
  public Score overall() {
    return quality.stream().filter(s -> s.dimension().equals("overall")).findFirst().orElse(null);
  }

  /**
   * The file.
   *
   * @param path         relative to the data root, as given to the SQL functions
   * @param info         the row of {@code file_info(path)}
   * @param sha256       the SHA-256 of the file's bytes, or null when the file is not local (a remote server)
   * @param modified     the file's modification time, or null when not local
   */
  public record FileFacts(String path, SqlRow info, String sha256, Instant modified) {
    /** Rows returned by a full read. */
    public Long rowCount() {
      return info.count("row_count");
    }
  }

  /**
   * A column.
   *
   * @param profile its row of {@code profile(path)}
   * @param schema  its row of {@code detect_schema(path)}, or null when detect_schema has no such column
   * @param scores  its scores from {@code quality_report(path)} (quality report only, else empty)
   */
  public record ColumnData(SqlRow profile, SqlRow schema, List<Score> scores) {
    /** The column's name. */
    public String name() {
      return profile.text("column_name");
    }

    /** The column's position, from 1. */
    public long index() {
      return profile.count("column_index");
    }
  }

  /** A quality score: a dimension (completeness, validity, consistency, uniqueness, overall), 0 to 1. */
  public record Score(String dimension, double score, String detail) {
  }

  /**
   * The validation: one entry per check of {@code validation_summary}, with the first failing rows of
   * {@code validate}.
   */
  public record Validation(List<Check> checks) {
    /** Checks whose status is not pass. */
    public long failing() {
      return checks.stream().filter(c -> !"pass".equals(c.summary().text("status"))).count();
    }
  }

  /**
   * A check.
   *
   * @param summary  its row of {@code validation_summary}
   * @param examples its first failing rows from {@code validate}, in file order
   */
  public record Check(SqlRow summary, List<SqlRow> examples) {
  }

  /**
   * How the report was made.
   *
   * @param title       the report's kind ("Profile", "Quality report")
   * @param command     the dsap command line
   * @param options     the options that shaped the numbers, by name
   * @param version     the dsap version
   * @param generatedAt when
   */
  public record RunInfo(String title, String command, Map<String, String> options, String version,
      Instant generatedAt) {
  }
}
