package io.dsap.engine.write;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * JSON ({@code .json}: one array of objects) and NDJSON ({@code .ndjson}, {@code .jsonl}: one
 * object per line). Numbers stay numbers (decimals keep their scale), dates and timestamps are ISO
 * strings, NULL is null.
 */
public final class JsonFileWriter implements FileWriterFormat {
  private static final JsonFactory FACTORY = new JsonFactory();

  @Override
  public String name() {
    return "json";
  }

  @Override
  public List<String> extensions() {
    return List.of("json", "ndjson", "jsonl");
  }

  @Override
  public RowWriter open(Path file, OutputStream out, List<OutputColumn> columns) throws IOException {
    boolean lines = !file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8);
    g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, true);
    if (lines) {
      g.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
    } else {
      g.writeStartArray();
    }
    return new RowWriter() {
      @Override
      public void write(Object[] row) throws IOException {
        g.writeStartObject();
        for (int i = 0; i < row.length; i++) {
          g.writeFieldName(columns.get(i).name());
          Object v = row[i];
          if (v == null) {
            g.writeNull();
          } else if (v instanceof BigDecimal d) {
            g.writeNumber(d);
          } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isFinite(d)) {
              g.writeNumber(d);
            } else {
              g.writeString(Double.toString(d));
            }
          } else if (v instanceof Number n) {
            g.writeNumber(n.longValue());
          } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
          } else {
            g.writeString(Values.text(v));
          }
        }
        g.writeEndObject();
      }

      @Override
      public void finish() throws IOException {
        if (lines) {
          g.writeRaw('\n');
        } else {
          g.writeEndArray();
        }
        g.flush();
      }

      @Override
      public void close() throws IOException {
        g.close();
      }
    };
  }
}
