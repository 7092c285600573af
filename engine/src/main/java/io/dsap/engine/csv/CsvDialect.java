package io.dsap.engine.csv;

import java.util.Objects;

/**
 * How a delimited text file is written.
 *
 * @param delimiter field separator byte
 * @param quote quote byte, or {@link #NONE}
 * @param escape byte that escapes a quote inside a quoted field: the quote itself (doubled
 *     quotes, RFC 4180), a backslash, or {@link #NONE}
 * @param header whether the first record names the columns
 * @param skip lines to skip before the header (or the first record)
 * @param lineEnding {@code "\n"} or {@code "\r\n"} as found in the file (informational: both are read)
 * @param comment byte that starts a comment line, or {@link #NONE}
 * @param trailingDelimiter whether every line ends with a delimiter (its empty last field is no column)
 */
public record CsvDialect(byte delimiter, int quote, int escape, boolean header, int skip, String lineEnding,
    int comment, boolean trailingDelimiter) {
  public static final int NONE = -1;

  public static final CsvDialect RFC4180 = new CsvDialect((byte) ',', '"', '"', true, 0, "\n");

  /** A dialect without comments or trailing delimiters. */
  public CsvDialect(byte delimiter, int quote, int escape, boolean header, int skip, String lineEnding) {
    this(delimiter, quote, escape, header, skip, lineEnding, NONE, false);
  }

  public CsvDialect {
    Objects.requireNonNull(lineEnding, "lineEnding is null");
    if (quote == delimiter) {
      throw new IllegalArgumentException("the delimiter and the quote cannot be the same character");
    }
    if (skip < 0) {
      throw new IllegalArgumentException("skip must be >= 0");
    }
  }

  public CsvDialect withHeader(boolean h) {
    return new CsvDialect(delimiter, quote, escape, h, skip, lineEnding, comment, trailingDelimiter);
  }

  public CsvDialect withSkip(int s) {
    return new CsvDialect(delimiter, quote, escape, header, s, lineEnding, comment, trailingDelimiter);
  }

  public CsvDialect withComment(int c) {
    return new CsvDialect(delimiter, quote, escape, header, skip, lineEnding, c, trailingDelimiter);
  }

  public CsvDialect withTrailingDelimiter(boolean t) {
    return new CsvDialect(delimiter, quote, escape, header, skip, lineEnding, comment, t);
  }

  /** The delimiter as users write it in options: {@code ,}, {@code ;}, {@code \t}, {@code |}. */
  public String delimiterText() {
    return delimiter == '\t' ? "\\t" : String.valueOf((char) (delimiter & 0xff));
  }

  public String quoteText() {
    return quote == NONE ? "" : String.valueOf((char) quote);
  }

  public String escapeText() {
    return escape == NONE ? "" : escape == '\\' ? "\\" : String.valueOf((char) escape);
  }

  public String commentText() {
    return comment == NONE ? "" : String.valueOf((char) comment);
  }
}
