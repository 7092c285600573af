package io.dsap.cli.format;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A JSON array with one object per row, one row per line; keys are the column labels (a repeated label gets a
 * suffix: {@code id}, {@code id_2}). Numbers are JSON numbers (decimals written plain, never 1E+3; NaN and infinities
 * as strings), booleans are booleans, SQL NULL is null, dates and times are ISO-8601 strings
 * ({@code 2024-01-05}, {@code 10:11:12}, {@code 2024-01-05T10:11:12}), arrays are arrays, everything else a string.
 * Streams: rows are written as they are read.
 */
final class JsonFormat implements ResultFormat {
  private static final int CHECK_OUTPUT_EVERY = 1024;

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .build();

  @Override
  public long write(ResultSet rows, PrintStream out) throws SQLException {
    List<Column> columns = Column.of(rows.getMetaData());
    List<String> keys = uniqueKeys(columns);
    long count = 0;
    try (JsonGenerator json = MAPPER.createGenerator(out)) {
      json.setPrettyPrinter(new RowPerLinePrinter());
      json.writeStartArray();
      while (rows.next()) {
        json.writeStartObject();
        for (int c = 0; c < columns.size(); c++) {
          json.writeFieldName(keys.get(c));
          writeValue(json, rows, c + 1, columns.get(c).jdbcType());
        }
        json.writeEndObject();
        if (++count % CHECK_OUTPUT_EVERY == 0) {
          json.flush();
          if (out.checkError()) {
            break; // the reader went away (e.g. `| head`): stop reading the result
          }
        }
      }
      json.writeEndArray();
      json.writeRaw('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return count;
  }

  private static void writeValue(JsonGenerator json, ResultSet rows, int index, int jdbcType)
      throws SQLException, IOException {
    switch (jdbcType) {
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER -> {
        int value = rows.getInt(index);
        if (rows.wasNull()) {
          json.writeNull();
        } else {
          json.writeNumber(value);
        }
      }
      case Types.BIGINT -> {
        long value = rows.getLong(index);
        if (rows.wasNull()) {
          json.writeNull();
        } else {
          json.writeNumber(value);
        }
      }
      case Types.REAL, Types.FLOAT, Types.DOUBLE -> {
        double value = rows.getDouble(index);
        if (rows.wasNull()) {
          json.writeNull();
        } else if (Double.isFinite(value)) {
          json.writeNumber(value);
        } else {
          json.writeString(Double.toString(value));
        }
      }
      case Types.DECIMAL, Types.NUMERIC -> {
        BigDecimal value = rows.getBigDecimal(index);
        if (value == null) {
          json.writeNull();
        } else {
          json.writeNumber(value);
        }
      }
      case Types.BOOLEAN, Types.BIT -> {
        boolean value = rows.getBoolean(index);
        if (rows.wasNull()) {
          json.writeNull();
        } else {
          json.writeBoolean(value);
        }
      }
      case Types.ARRAY -> {
        Array value = rows.getArray(index);
        if (value == null) {
          json.writeNull();
        } else {
          MAPPER.writeValue(json, value.getArray());
        }
      }
      case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> writeText(json, isoTimestamp(rows.getString(index)));
      default -> writeText(json, rows.getString(index));
    }
  }

  private static void writeText(JsonGenerator json, String value) throws IOException {
    if (value == null) {
      json.writeNull();
    } else {
      json.writeString(value);
    }
  }

  /** Turns the SQL form {@code 2024-01-05 10:11:12} into ISO-8601 {@code 2024-01-05T10:11:12}. */
  static String isoTimestamp(String sqlText) {
    if (sqlText == null || sqlText.length() < 11 || sqlText.charAt(10) != ' ') {
      return sqlText;
    }
    return sqlText.substring(0, 10) + 'T' + sqlText.substring(11);
  }

  static List<String> uniqueKeys(List<Column> columns) {
    Set<String> used = new HashSet<>();
    List<String> keys = new ArrayList<>();
    for (Column column : columns) {
      String key = column.label();
      for (int n = 2; !used.add(key); n++) {
        key = column.label() + "_" + n;
      }
      keys.add(key);
    }
    return keys;
  }

  /** Writes {@code [}, then one compact object per line, then {@code ]}; an empty result is {@code []}. */
  private static final class RowPerLinePrinter extends MinimalPrettyPrinter {
    private static final long serialVersionUID = 1L;

    @Override
    public void beforeArrayValues(JsonGenerator json) throws IOException {
      if (json.getOutputContext().getParent().inRoot()) {
        json.writeRaw('\n');
      }
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator json) throws IOException {
      json.writeRaw(json.getOutputContext().getParent().inRoot() ? ",\n" : ",");
    }

    @Override
    public void writeEndArray(JsonGenerator json, int nrOfValues) throws IOException {
      // still called inside the array's context: its parent is the root for the top-level array
      if (nrOfValues > 0 && json.getOutputContext().getParent().inRoot()) {
        json.writeRaw('\n');
      }
      json.writeRaw(']');
    }
  }
}
