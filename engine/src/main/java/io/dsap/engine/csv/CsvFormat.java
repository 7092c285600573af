package io.dsap.engine.csv;

import io.dsap.engine.format.FileProbe;
import io.dsap.engine.format.FormatOptions;
import io.dsap.engine.format.FormatReader;
import io.dsap.engine.format.Match;
import io.dsap.engine.format.OptionSpec;
import io.dsap.engine.format.TableSource;
import java.nio.file.Path;
import java.util.List;

/** Delimited text: CSV, TSV, PSV. */
public final class CsvFormat implements FormatReader {
  static final List<OptionSpec> OPTIONS = List.of(
      OptionSpec.text("delimiter", "one character; '\\t' for tab (default: detected among , ; tab |)"),
      OptionSpec.text("quote", "one character, '' for none (default \")"),
      OptionSpec.text("escape", "the quote character for doubled quotes, or '\\' (default: detected)"),
      OptionSpec.bool("header", "whether the first line names the columns (default: detected)"),
      OptionSpec.integer("skip", "lines to skip before the header (default 0)"),
      OptionSpec.text("types", "column types, e.g. 'zip:VARCHAR,day:DATE(dd/MM/yyyy)' (default: detected)"),
      OptionSpec.bool("all_varchar", "read every column as VARCHAR (default false)"),
      OptionSpec.text("nullstr", "text that means NULL besides an empty field (default: none)"),
      OptionSpec.integer("sample_size", "rows sampled for type detection, -1 for all (default 20480)"),
      OptionSpec.text("encoding", "character set, e.g. 'windows-1252', 'utf-16' (default: detected)"),
      OptionSpec.text("comment", "character that starts a comment line, '' for none (default: '#' when the file"
          + " starts with it)"),
      OptionSpec.bool("null_padding", "pad rows with too few fields with NULLs instead of rejecting them"
          + " (default false)"));

  @Override
  public String name() {
    return "csv";
  }

  @Override
  public List<String> extensions() {
    return List.of("csv", "tsv", "psv");
  }

  @Override
  public Match probe(FileProbe probe) {
    if (extensions().contains(probe.extension()) || probe.extension().equals("txt")) {
      return Match.EXTENSION;
    }
    for (byte b : probe.head()) {
      if (b == 0) {
        return Match.NONE; // binary
      }
    }
    return probe.head().length > 0 ? Match.CONTENT : Match.NONE;
  }

  @Override
  public TableSource open(Path file, String displayName, String table, FormatOptions options) {
    CsvOptions csv = csvOptions(options);
    return new CsvTableSource(file, displayName, CsvSchemaDetector.detect(file, csv));
  }

  @Override
  public List<OptionSpec> options() {
    return OPTIONS;
  }

  /** The typed CSV options in {@code options}; unknown options are refused. */
  public static CsvOptions csvOptions(FormatOptions o) {
    o.checkKnown("csv", OPTIONS, List.of());
    return new CsvOptions(o.text("delimiter"), o.text("quote"), o.text("escape"), o.bool("header"),
        o.integer("skip"), CsvOptions.parseTypes(o.text("types")), o.bool("all_varchar"), o.text("nullstr"),
        o.integer("sample_size"), o.text("encoding"), o.text("comment"), o.bool("null_padding"));
  }
}
