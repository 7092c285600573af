package io.dsap.engine.detect;

import io.dsap.engine.batch.Batch;
import io.dsap.engine.batch.StringVector;
import io.dsap.engine.error.DsapException;
import io.dsap.engine.error.ErrorCode;
import io.dsap.engine.format.BatchReader;
import io.dsap.engine.format.FormatOptions;
import io.dsap.engine.format.FormatReader;
import io.dsap.engine.format.FormatRegistry;
import io.dsap.engine.format.ProgressListener;
import io.dsap.engine.format.TableSource;
import io.dsap.engine.quality.QualityScore;
import io.dsap.engine.quality.QualityWeights;
import io.dsap.engine.rejects.RejectSink;
import io.dsap.engine.types.ByteParsers;
import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.types.ValueTypeStats;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Schema detection that explains itself. The reader's sample proposes a type per column; this
 * pass reads every value as text (or the first {@code sampleSize} rows when asked) and confirms
 * or widens it with the same rules, keeping the counterexamples that forced a change, the share
 * of values fitting each candidate type, the semantic type with its match rate, flags and
 * quality scores.
 */
public final class SchemaDetector {
  /** Read the whole file. */
  public static final long ALL_ROWS = -1;

  private SchemaDetector() {}

  /** Detects the schema of {@code file} over all its rows, with equal quality weights. */
  public static DataSchema detectSchema(Path file) {
    FormatReader format = FormatRegistry.defaults().detect(file);
    String name = file.getFileName().toString();
    return detectSchema(format, file, name, FormatOptions.NONE, ALL_ROWS, QualityWeights.EQUAL);
  }

  /**
   * Detects the schema of {@code file} read as {@code format} with {@code options}.
   *
   * @param sampleSize rows to read, or {@link #ALL_ROWS}; when fewer than the file holds, every
   *     column is flagged {@code sampled}
   */
  public static DataSchema detectSchema(FormatReader format, Path file, String displayName, FormatOptions options,
      long sampleSize, QualityWeights weights) {
    if (format.options().stream().noneMatch(o -> o.name().equals("all_varchar"))) {
      throw new DsapException(ErrorCode.INVALID_OPTION, "detect_schema('" + displayName + "') re-reads values as"
          + " text, which the " + format.name() + " format cannot do (it has no all_varchar option). Use"
          + " profile('" + displayName + "') for its statistics.");
    }
    TableSource typed = format.open(file, displayName, "", options);
    TableSource text = format.open(file, displayName, "", options.with(FormatOptions.of(Map.of("all_varchar", true))));
    return detectSchema(typed.columns(), text, displayName, format.name(), sampleSize, weights);
  }

  /** The pass itself: {@code proposed} are the sample's columns, {@code text} reads them all as VARCHAR. */
  static DataSchema detectSchema(List<ColumnSpec> proposed, TableSource text, String file, String format,
      long sampleSize, QualityWeights weights) {
    int n = proposed.size();
    ColumnEvidence[] ev = new ColumnEvidence[n];
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      ev[i] = new ColumnEvidence(proposed.get(i));
      all[i] = i;
    }
    long rows = 0;
    boolean sampled = false;
    try (BatchReader reader = text.open(all, RejectSink.DISCARD, ProgressListener.NONE)) {
      for (Batch b = reader.next(); b != null; b = reader.next()) {
        int count = b.rowCount();
        if (sampleSize >= 0 && rows + count > sampleSize) {
          count = (int) (sampleSize - rows);
          sampled = true;
        }
        for (int c = 0; c < n; c++) {
          add(ev[c], (StringVector) b.column(c), b, count);
        }
        rows += count;
        if (sampled) {
          break;
        }
      }
    }
    List<ColumnSchema> columns = new ArrayList<>();
    for (int c = 0; c < n; c++) {
      columns.add(ColumnVerdict.decide(ev[c], c + 1, !sampled, sampled, weights));
    }
    return new DataSchema(file, format, rows, sampled, columns);
  }

  private static void add(ColumnEvidence ev, StringVector v, Batch b, int count) {
    byte[] data = v.data();
    for (int r = 0; r < count; r++) {
      if (v.isNull(r) || v.start(r) == v.end(r)) {
        ev.addNull();
      } else {
        ev.add(data, v.start(r), v.end(r), b.line(r));
      }
    }
  }

  /**
   * Detects one column from its values as text ({@code null} or empty = missing), as if they were a
   * file's column read in full; line numbers count the values from 1.
   */
  public static ColumnSchema analyzeColumn(String name, List<String> values) {
    ValueTypeStats sample = new ValueTypeStats(); // what a sample of all the values would propose
    ByteParsers parsers = new ByteParsers();
    List<byte[]> bytes = new ArrayList<>();
    for (String v : values) {
      byte[] b = v == null || v.isEmpty() ? null : v.getBytes(StandardCharsets.UTF_8);
      bytes.add(b);
      if (b == null) {
        sample.addNull();
      } else {
        sample.add(b, 0, b.length, parsers);
      }
    }
    ColumnEvidence ev = new ColumnEvidence(sample.resolve(name, true));
    long line = 0;
    for (byte[] b : bytes) {
      line++;
      if (b == null) {
        ev.addNull();
      } else {
        ev.add(b, 0, b.length, line);
      }
    }
    return ColumnVerdict.decide(ev, 1, true, false, QualityWeights.EQUAL);
  }

  /** A column's quality score (computed with the column). */
  public static QualityScore calculateQualityScore(ColumnSchema column) {
    return column.quality();
  }

  /**
   * A table's quality: each dimension is the mean of its columns' (every column counts the same),
   * overall weighted by {@code weights} (docs/quality-score.md).
   */
  public static QualityScore calculateQualityScore(DataSchema schema, QualityWeights weights) {
    double c = 0;
    double v = 0;
    double s = 0;
    int n = schema.columns().size();
    for (ColumnSchema col : schema.columns()) {
      c += col.quality().completeness();
      v += col.quality().validity();
      s += col.quality().consistency();
    }
    return n == 0 ? QualityScore.of(1, 1, 1, null, weights) : QualityScore.of(c / n, v / n, s / n, null, weights);
  }
}
