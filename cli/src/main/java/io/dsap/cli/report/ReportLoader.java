package io.dsap.cli.report;

import io.dsap.cli.report.ReportData.Check;
import io.dsap.cli.report.ReportData.ColumnData;
import io.dsap.cli.report.ReportData.FileFacts;
import io.dsap.cli.report.ReportData.RunInfo;
import io.dsap.cli.report.ReportData.Score;
import io.dsap.cli.report.ReportData.Validation;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a report's data through a JDBC connection, with the same SQL functions a user would call: the report
 * shows the numbers {@code SELECT * FROM profile('orders.csv')} gives.
 */
public final class ReportLoader {
  private final Connection db;

  /** A loader over {@code db} (embedded {@code jdbc:dsap:} or remote). */
  public ReportLoader(Connection db) {
    this.db = Objects.requireNonNull(db, "db");
  }

  /**
   * What to read.
   *
   * @param file      the file, relative to the data root
   * @param localFile the file on this machine (for its fingerprint), or null when the data is remote
   * @param quality   whether to add the quality scores and the validation (a quality report)
   * @param schema    validation: a schema reference, file or text, or null
   * @param rules     validation: SQL conditions separated by ';', or null
   * @param weights   quality_report's weights ('completeness:0.4,...'), or null
   * @param examples  failing rows shown per check
   */
  public record Request(String file, Path localFile, boolean quality, String schema, String rules, String weights,
      int examples) {
  }

  /** Runs the queries and returns the report's data. */
  public ReportData load(Request request, RunInfo run) throws SQLException {
    String file = request.file();
    FileFacts facts = fileFacts(file, request.localFile());
    List<SqlRow> profile = profile(file);
    List<String> notes = new ArrayList<>();
    Map<String, SqlRow> schema = new LinkedHashMap<>();
    for (SqlRow r : optional("SELECT * FROM detect_schema(" + literal(file) + ")", "Detection", notes)) {
      schema.put(key(r.text("column_name")), r);
    }
    List<Score> tableScores = new ArrayList<>();
    Map<String, List<Score>> columnScores = new LinkedHashMap<>();
    Validation validation = null;
    if (request.quality()) {
      String call = "quality_report(" + literal(file)
          + (request.weights() == null ? "" : ", " + literal(request.weights())) + ")";
      for (SqlRow r : optional("SELECT \"scope\", column_name, dimension, score, detail FROM " + call,
          "Quality scores", notes)) {
        Score s = new Score(r.text("dimension"), r.number("score"), r.text("detail"));
        if ("table".equals(r.text("scope"))) {
          tableScores.add(s);
        } else {
          columnScores.computeIfAbsent(key(r.text("column_name")), k -> new ArrayList<>()).add(s);
        }
      }
      validation = validation(request);
    }
    List<ColumnData> columns = new ArrayList<>();
    for (SqlRow p : profile) {
      String k = key(p.text("column_name"));
      columns.add(new ColumnData(p, schema.get(k), columnScores.getOrDefault(k, List.of())));
    }
    return new ReportData(facts, columns, tableScores, validation, notes, run);
  }

  /** The row of {@code file_info(file)}. */
  public SqlRow fileInfo(String file) throws SQLException {
    List<SqlRow> info = query("SELECT * FROM file_info(" + literal(file) + ")");
    if (info.isEmpty()) {
      throw new SQLException("file_info('" + file + "') returned no row");
    }
    return info.get(0);
  }

  /** The rows of {@code profile(file)}, in column order. */
  public List<SqlRow> profile(String file) throws SQLException {
    return query("SELECT * FROM profile(" + literal(file) + ") ORDER BY column_index");
  }

  private FileFacts fileFacts(String file, Path local) throws SQLException {
    SqlRow info = fileInfo(file);
    String sha256 = null;
    Instant modified = null;
    if (local != null) {
      try {
        sha256 = sha256(local);
        modified = Files.getLastModifiedTime(local).toInstant();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + local + ": " + e.getMessage(), e);
      }
    }
    return new FileFacts(file, info, sha256, modified);
  }

  /** validation_summary, then one pass over validate() that stops once every failing check has its examples. */
  private Validation validation(Request request) throws SQLException {
    String args = arguments(request);
    List<SqlRow> summary = query("SELECT * FROM validation_summary(" + args + ")");
    List<List<SqlRow>> examples = new ArrayList<>();
    int wanted = 0;
    for (SqlRow s : summary) {
      examples.add(new ArrayList<>());
      wanted += (int) Math.min(request.examples(), Math.max(0, s.count("failed")));
    }
    if (wanted > 0) {
      String sql = "SELECT line, \"row_number\", column_name, check_name, severity, \"value\", expected, message,"
          + " suggestion FROM validate(" + args + ")";
      try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
        ResultSetMetaData md = rs.getMetaData();
        while (wanted > 0 && rs.next()) {
          SqlRow issue = SqlRow.read(rs, md);
          int i = checkOf(summary, issue);
          if (i >= 0 && examples.get(i).size() < Math.min(request.examples(), summary.get(i).count("failed"))) {
            examples.get(i).add(issue);
            wanted--;
          }
        }
      }
    }
    List<Check> checks = new ArrayList<>();
    for (int i = 0; i < summary.size(); i++) {
      checks.add(new Check(summary.get(i), examples.get(i)));
    }
    return new Validation(checks);
  }

  /** The summary row an issue belongs to: same check, and same column unless the summary row spans columns. */
  private static int checkOf(List<SqlRow> summary, SqlRow issue) {
    for (int i = 0; i < summary.size(); i++) {
      SqlRow s = summary.get(i);
      if (Objects.equals(s.text("check_name"), issue.text("check_name"))
          && (s.text("column_name") == null || Objects.equals(s.text("column_name"), issue.text("column_name")))) {
        return i;
      }
    }
    return -1;
  }

  private static String arguments(Request r) {
    StringBuilder sql = new StringBuilder(literal(r.file()));
    if (r.schema() != null || r.rules() != null) {
      sql.append(", ").append(literal(r.schema() == null ? "" : r.schema()));
    }
    if (r.rules() != null) {
      sql.append(", ").append(literal(r.rules()));
    }
    return sql.toString();
  }

  /**
   * A part of the report that some formats cannot give (detect_schema re-reads values as text, which Parquet
   * cannot): its failure becomes a note on the page instead of failing the report.
   */
  private List<SqlRow> optional(String sql, String part, List<String> notes) {
    try {
      return query(sql);
    } catch (SQLException e) {
      notes.add(part + " not available: " + rootMessage(e));
      return List.of();
    }
  }

  private static String rootMessage(Throwable e) {
    String message = e.getMessage();
    for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
      if (t.getMessage() != null) {
        message = t.getMessage();
      }
    }
    return message;
  }

  private List<SqlRow> query(String sql) throws SQLException {
    try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      return SqlRow.readAll(rs);
    }
  }

  /** A SQL string literal. */
  static String literal(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  private static String key(String columnName) {
    return columnName == null ? "" : columnName.toLowerCase(Locale.ROOT);
  }

  /** The SHA-256 of a file's bytes, in hex. */
  static String sha256(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(OutputStream.nullOutputStream()); // the digest sees the bytes on the way
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
