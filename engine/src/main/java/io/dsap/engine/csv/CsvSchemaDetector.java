package io.dsap.engine.csv;

import io.dsap.engine.error.Errors;
import io.dsap.engine.source.FileSource;
import io.dsap.engine.source.TextLayout;
import io.dsap.engine.types.ByteParsers;
import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.types.ColumnType;
import io.dsap.engine.types.TemporalFormat;
import io.dsap.engine.types.ValueTypeStats;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Detects how a CSV file is written and what its columns hold, in phases: dialect, sample, types,
 * header, names, user overrides. The sample is the start of the file plus chunks spread through
 * it, so a type that changes late in the file is still seen.
 */
public final class CsvSchemaDetector {
  static final int HEAD_BYTES = 1 << 20;
  static final int CHUNK_BYTES = 1 << 17;
  static final int CHUNKS = 8;

  private CsvSchemaDetector() {}

  public static CsvFileSchema detect(Path file, CsvOptions options) {
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw Errors.io(file, e);
    }
    TextLayout layout = FileSource.textLayout(file, options.encoding());
    byte[] head = FileSource.readText(file, layout, 0, HEAD_BYTES + 1);
    boolean complete = head.length <= HEAD_BYTES;
    if (!complete) {
      head = java.util.Arrays.copyOf(head, HEAD_BYTES);
    }
    if (head.length == 0) {
      return new CsvFileSchema(CsvDialect.RFC4180.withHeader(false), List.of(ColumnSpec.varchar("column1", "empty file")),
          options.nullString(), layout, 0, true, List.of("empty_file"), false);
    }
    CsvDialect dialect = DialectSniffer.sniff(head, head.length, complete, options);
    int columns = DialectSniffer.fieldCount(head, head.length, complete, dialect);

    Sample sample = new Sample(columns, dialect.trailingDelimiter(), options.nullString());
    int budget = options.sampleSizeOrDefault();
    boolean wholeFile = budget < 0 || complete;
    if (budget < 0 && !complete) {
      sample.addStream(file, layout, dialect, Long.MAX_VALUE);
    } else {
      sample.addBytes(head, head.length, complete, dialect, true, complete ? Long.MAX_VALUE : budget / 2);
      if (!complete && layout.seekable()) {
        long perChunk = Math.max(1, (budget - sample.bodyRecords) / CHUNKS);
        long room = size - layout.bomLength() - head.length;
        for (int i = 0; i < CHUNKS && room > 0; i++) {
          long offset = head.length + room * i / CHUNKS;
          byte[] chunk = FileSource.readText(file, layout, offset, CHUNK_BYTES);
          sample.addChunk(chunk, dialect, perChunk);
        }
      }
      wholeFile = complete && sample.headRecordsComplete;
    }
    return sample.toSchema(dialect, options, layout, wholeFile);
  }

  /** Records seen so far: the first record kept aside (it may be the header), the rest as stats. */
  private static final class Sample {
    final int columns;
    final boolean trailing;
    final byte[] nullString;
    final ValueTypeStats[] stats;
    final ByteParsers parsers = new ByteParsers();
    byte[][] first;
    long bodyRecords;
    boolean headRecordsComplete = true;

    Sample(int columns, boolean trailing, String nullString) {
      this.columns = columns;
      this.trailing = trailing;
      this.nullString = nullString == null ? null : nullString.getBytes(StandardCharsets.UTF_8);
      this.stats = new ValueTypeStats[columns];
      for (int i = 0; i < columns; i++) {
        stats[i] = new ValueTypeStats();
      }
    }

    void addBytes(byte[] b, int length, boolean complete, CsvDialect d, boolean atStart, long max) {
      CsvTokenizer t = CsvTokenizer.of(b, length, d);
      try {
        if (atStart) {
          t.skipLines(d.skip());
        }
        while (t.next()) {
          if (!complete && t.recordEnd() >= length) {
            break;
          }
          if (!accept(t, atStart)) {
            continue;
          }
          if (bodyRecords >= max) {
            headRecordsComplete = false;
            break;
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void addStream(Path file, TextLayout layout, CsvDialect d, long max) {
      try (InputStream in = FileSource.openText(file, layout)) {
        CsvTokenizer t = new CsvTokenizer(in, d, 1 << 20, 64 << 20);
        t.skipLines(d.skip());
        while (t.next() && bodyRecords < max) {
          accept(t, true);
        }
      } catch (IOException e) {
        throw Errors.io(file, e);
      }
    }

    /** A chunk from the middle of the file: resynchronise after the first line break. */
    void addChunk(byte[] b, CsvDialect d, long max) {
      int start = 0;
      while (start < b.length && b[start] != '\n') {
        start++;
      }
      start++;
      if (start >= b.length) {
        return;
      }
      byte[] rest = java.util.Arrays.copyOfRange(b, start, b.length);
      // A chunk that starts inside a quoted multi-line field parses as garbage: keep it only if
      // most of its records have the expected field count.
      DialectSniffer.Score s = DialectSniffer.score(rest, rest.length, false, d.withSkip(0));
      if (s.records() == 0 || s.fields() != columns + (trailing ? 1 : 0) || s.ratio() < 0.9) {
        return;
      }
      long before = bodyRecords;
      CsvTokenizer t = CsvTokenizer.of(rest, rest.length, d);
      try {
        while (t.next() && bodyRecords - before < max) {
          if (t.recordEnd() >= rest.length) {
            break;
          }
          if (fits(t) && t.malformed() == null) {
            addBody(t);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private boolean accept(CsvTokenizer t, boolean mayBeFirst) {
      if (mayBeFirst && first == null) {
        first = new byte[columns][];
        for (int i = 0; i < columns; i++) {
          if (i < t.fieldCount()) {
            t.unescape(i);
            first[i] = java.util.Arrays.copyOfRange(t.buffer(), t.start(i), t.end(i));
          } else {
            first[i] = new byte[0];
          }
        }
        return true;
      }
      if (!fits(t) || t.malformed() != null) {
        return false; // ragged or malformed records say nothing reliable about types
      }
      addBody(t);
      return true;
    }

    /** The record has the file's columns (plus the empty field of a trailing delimiter). */
    private boolean fits(CsvTokenizer t) {
      int n = t.fieldCount();
      return n == columns || (trailing && n == columns + 1 && t.start(columns) == t.end(columns));
    }

    private void addBody(CsvTokenizer t) {
      bodyRecords++;
      byte[] b = t.buffer();
      for (int i = 0; i < columns; i++) {
        t.unescape(i);
        add(stats[i], b, t.start(i), t.end(i));
      }
    }

    private void add(ValueTypeStats s, byte[] b, int start, int end) {
      if (isNull(b, start, end)) {
        s.addNull();
      } else {
        s.add(b, start, end, parsers);
      }
    }

    boolean isNull(byte[] b, int start, int end) {
      if (start == end) {
        return true;
      }
      if (nullString == null || end - start != nullString.length) {
        return false;
      }
      for (int i = 0; i < nullString.length; i++) {
        if (b[start + i] != nullString[i]) {
          return false;
        }
      }
      return true;
    }

    CsvFileSchema toSchema(CsvDialect dialect, CsvOptions options, TextLayout layout, boolean wholeFile) {
      boolean header = decideHeader(options, wholeFile);
      if (!header && first != null) {
        bodyRecords++;
        for (int i = 0; i < columns; i++) {
          add(stats[i], first[i], 0, first[i].length);
        }
      }
      List<String> names = names(header);
      List<ColumnSpec> specs = new ArrayList<>();
      Set<String> flags = new java.util.LinkedHashSet<>();
      for (int i = 0; i < columns; i++) {
        ColumnSpec spec = stats[i].resolve(names.get(i), wholeFile);
        if (stats[i].ambiguousDate(spec)) {
          flags.add("ambiguous_date");
        }
        if (stats[i].leadingZeros() && spec.type() == ColumnType.VARCHAR) {
          flags.add("leading_zeros");
        }
        specs.add(override(spec, options));
      }
      if (dialect.trailingDelimiter()) {
        flags.add("trailing_delimiter");
      }
      if (dialect.skip() > 0 && options.skip() == null) {
        flags.add("skipped_leading_lines");
      }
      return new CsvFileSchema(dialect.withHeader(header), specs, options.nullString(), layout, bodyRecords,
          wholeFile, List.copyOf(flags), Boolean.TRUE.equals(options.nullPadding()));
    }

    /**
     * The first record is a header when one of its values does not fit the type the rest of the
     * column has. When every column is text, a first record of distinct, non-empty values is taken
     * as a header (as most tools do).
     */
    private boolean decideHeader(CsvOptions options, boolean wholeFile) {
      if (options.header() != null) {
        return options.header();
      }
      if (first == null) {
        return false;
      }
      Set<String> distinct = new HashSet<>();
      boolean allNonEmpty = true;
      for (byte[] v : first) {
        allNonEmpty &= v.length > 0;
        distinct.add(new String(v, StandardCharsets.UTF_8).trim().toLowerCase(Locale.ROOT));
      }
      boolean namesLike = allNonEmpty && distinct.size() == columns;
      if (bodyRecords == 0) {
        // a single record: a header only if none of it looks like data
        if (!namesLike) {
          return false;
        }
        for (byte[] v : first) {
          ValueTypeStats s = new ValueTypeStats();
          s.add(v, 0, v.length, parsers);
          if (s.resolve("x", true).type() != ColumnType.VARCHAR) {
            return false;
          }
        }
        return true;
      }
      boolean anyTyped = false;
      for (int i = 0; i < columns; i++) {
        ColumnSpec body = stats[i].resolve("x", wholeFile);
        if (body.type() == ColumnType.VARCHAR || first[i].length == 0) {
          continue;
        }
        anyTyped = true;
        if (!ValueTypeStats.fits(body, first[i], 0, first[i].length, parsers)) {
          return true;
        }
      }
      return !anyTyped && namesLike;
    }

    private List<String> names(boolean header) {
      List<String> names = new ArrayList<>();
      Set<String> used = new HashSet<>();
      for (int i = 0; i < columns; i++) {
        String n = header ? new String(first[i], StandardCharsets.UTF_8).trim() : "";
        if (n.isEmpty()) {
          n = "column" + (i + 1);
        }
        String unique = n;
        for (int k = 2; !used.add(unique.toLowerCase(Locale.ROOT)); k++) {
          unique = n + "_" + k;
        }
        names.add(unique);
      }
      return names;
    }
  }

  private static ColumnSpec override(ColumnSpec spec, CsvOptions options) {
    if (options.allVarcharOrDefault()) {
      return ColumnSpec.varchar(spec.name(), "VARCHAR: set by all_varchar => true");
    }
    CsvOptions.TypeOverride o = options.typeFor(spec.name());
    if (o == null) {
      return spec;
    }
    if (o.type() == ColumnType.TIME || o.type() == ColumnType.VARBINARY) {
      throw io.dsap.engine.error.Errors.invalidOption("types", spec.name() + ":" + o.type(),
          "a type CSV text can hold: BOOLEAN, INTEGER, BIGINT, DECIMAL, DOUBLE, DATE, TIMESTAMP or VARCHAR");
    }
    int scale = 0;
    if (o.type() == ColumnType.DECIMAL) {
      scale = o.scale() >= 0 ? o.scale() : spec.type() == ColumnType.DECIMAL ? spec.scale() : 2;
    }
    TemporalFormat f = o.format() != null ? o.format() : spec.format();
    return new ColumnSpec(spec.name(), o.type(), scale, o.type().isTemporal() ? f : null,
        o.type() + ": set by types => '" + spec.name() + ":" + o.type() + "' (detection said " + spec.typeText()
            + ")");
  }
}
