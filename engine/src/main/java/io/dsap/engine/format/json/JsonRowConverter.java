package io.dsap.engine.format.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.dsap.engine.batch.RowAppender;
import io.dsap.engine.batch.TextValues;
import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.types.ColumnType;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Puts the fields of one record into the current row of a {@link RowAppender}, following the
 * column tree. A field that is not a column is skipped and noted; a value that does not fit its
 * column makes the record a reject, with the column, the value and the reason kept.
 */
final class JsonRowConverter {
  private final JsonColumnTree tree;
  private final boolean valueRecords;
  private final RowAppender out;
  private final Set<String> unknownFields;
  private final int maxUnknown;
  private String column;
  private String value;

  /**
   * @param unknownFields receives the paths of fields that are not columns, up to {@code maxUnknown}
   */
  JsonRowConverter(JsonFileSchema schema, RowAppender out, Set<String> unknownFields, int maxUnknown) {
    this.tree = schema.tree();
    this.valueRecords = schema.valueRecords();
    this.out = out;
    this.unknownFields = unknownFields;
    this.maxUnknown = maxUnknown;
  }

  /** The column of the last problem, or null when the whole record was wrong. */
  String column() {
    return column;
  }

  /** The offending value of the last problem, or null. */
  String value() {
    return value;
  }

  /** Reads the record {@code p} is before; null if it fits, else why not. */
  String read(JsonParser p) throws IOException {
    column = null;
    value = null;
    JsonToken t = p.nextToken();
    String problem;
    if (valueRecords) {
      problem = value(p, 0);
    } else if (t != JsonToken.START_OBJECT) {
      return "the record is a JSON " + kind(t) + ", expected an object {...}: its fields are the columns";
    } else {
      problem = object(p, tree, "");
    }
    if (problem == null && p.nextToken() != null) {
      return "more JSON follows the record (at character " + p.currentTokenLocation().getColumnNr() + "): two"
          + " records on one line, or a missing comma between array elements? Put one record per line";
    }
    return problem;
  }

  private String object(JsonParser p, JsonColumnTree node, String prefix) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      JsonColumnTree f = node.field(name);
      String problem = null;
      if (f == null) {
        if (unknownFields.size() < maxUnknown) {
          unknownFields.add(prefix + name);
        }
        p.skipChildren();
      } else if (f.isLeaf()) {
        problem = value(p, f.column());
      } else if (v == JsonToken.START_OBJECT) {
        problem = object(p, f, prefix + name + ".");
      } else if (v != JsonToken.VALUE_NULL) {
        column = prefix + name;
        value = text(p);
        problem = "field " + column + " is a JSON " + kind(v) + " here but an object in the sampled records,"
            + " whose fields are the columns " + f.columns().stream().map(c -> out.column(c).name())
                .collect(Collectors.joining(", ")) + ". Read the file with max_depth => " + depthOf(prefix)
            + " to keep " + column + " as JSON text in one column";
      }
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }

  /** The depth of a field under {@code prefix} ("" is the record itself, so depth 1). */
  private static int depthOf(String prefix) {
    return prefix.isEmpty() ? 1 : prefix.split("\\.").length + 1;
  }

  private String value(JsonParser p, int c) throws IOException {
    ColumnSpec spec = out.column(c);
    JsonToken t = p.currentToken();
    String problem = switch (t) {
      case VALUE_NULL -> {
        out.nul(c);
        yield null;
      }
      case VALUE_STRING -> {
        String s = p.getText();
        if (s.isEmpty() && spec.type() != ColumnType.VARCHAR) {
          out.nul(c); // "" says "no value" for a typed column, as an empty CSV field does
          yield null;
        }
        yield out.text(c, s);
      }
      case VALUE_TRUE, VALUE_FALSE -> spec.type() == ColumnType.VARCHAR ? out.text(c, p.getText())
          : spec.type() == ColumnType.BOOLEAN ? out.value(c, t == JsonToken.VALUE_TRUE)
          : mismatch(spec, p.getText(), "boolean");
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> number(p, c, spec, t);
      case START_OBJECT, START_ARRAY -> spec.type() == ColumnType.VARCHAR ? out.text(c, json(p))
          : mismatch(spec, json(p), t == JsonToken.START_OBJECT ? "object" : "array");
      default -> throw new IllegalStateException("unexpected " + t);
    };
    if (problem != null) {
      column = spec.name();
      value = value != null ? value : text(p);
    }
    return problem;
  }

  private String number(JsonParser p, int c, ColumnSpec spec, JsonToken t) throws IOException {
    switch (spec.type()) {
      case VARCHAR:
        return out.text(c, p.getText());
      case INTEGER:
      case BIGINT:
        return out.value(c, p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? p.getBigIntegerValue()
            : t == JsonToken.VALUE_NUMBER_INT ? (Object) p.getLongValue() : p.getDecimalValue());
      case DECIMAL:
        return out.value(c, p.getDecimalValue());
      case DOUBLE:
        return out.value(c, p.getDoubleValue());
      default:
        return mismatch(spec, p.getText(), "number");
    }
  }

  private String mismatch(ColumnSpec spec, String text, String kind) {
    value = text;
    return TextValues.reason(spec, text, "is a JSON " + kind + ", not " + spec.typeText());
  }

  /** The value at the parser as written in a column: strings as is, the rest as JSON text. */
  private static String text(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
      return json(p);
    }
    return p.getText();
  }

  /** The object or array at the parser as compact JSON text; leaves the parser at its end. */
  static String json(JsonParser p) throws IOException {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = JsonParsing.FACTORY.createGenerator(w)) {
      g.copyCurrentStructure(p);
    }
    return w.toString();
  }

  private static String kind(JsonToken t) {
    if (t == null) {
      return "nothing";
    }
    return switch (t) {
      case START_ARRAY -> "array";
      case START_OBJECT -> "object";
      case VALUE_STRING -> "string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
      case VALUE_TRUE, VALUE_FALSE -> "boolean";
      case VALUE_NULL -> "null";
      default -> t.name();
    };
  }
}
