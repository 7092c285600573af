package io.dsap.engine.format.parquet;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Renders a nested or repeated Parquet field as JSON text: LIST as an array, MAP as an object
 * (keys as text), a struct (plain group) as an object, a repeated field without annotation as an
 * array. Follows the spec's backward-compatibility rules for old two-level lists. Leaf values are
 * written by their {@link ParquetLeaf}, so a DECIMAL is a number and a DATE is ISO text.
 *
 * <p>One instance per scan (it caches leaves, which may hold buffers).
 */
final class NestedJson {
  private static final JsonFactory JSON = new JsonFactory();

  private final boolean binaryAsString;
  private final Map<PrimitiveType, ParquetLeaf> leaves = new HashMap<>();

  NestedJson(boolean binaryAsString) {
    this.binaryAsString = binaryAsString;
  }

  /** The field at {@code index} of {@code record} (a top-level row), or null when absent. */
  String render(Group record, int index) {
    Type field = record.getType().getType(index);
    int n = record.getFieldRepetitionCount(index);
    if (n == 0 && !field.isRepetition(Type.Repetition.REPEATED)) {
      return null;
    }
    StringWriter w = new StringWriter();
    try (JsonGenerator out = JSON.createGenerator(w)) {
      if (field.isRepetition(Type.Repetition.REPEATED)) {
        out.writeStartArray();
        for (int i = 0; i < n; i++) {
          value(record, index, i, field, out);
        }
        out.writeEndArray();
      } else {
        value(record, index, 0, field, out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return w.toString();
  }

  /** Writes occurrence {@code i} of field {@code f} of {@code g}, whose type is {@code t}. */
  private void value(Group g, int f, int i, Type t, JsonGenerator out) throws IOException {
    if (t.isPrimitive()) {
      PrimitiveType p = t.asPrimitiveType();
      leaf(p).json(raw(g, f, i, p), out);
      return;
    }
    Group child = g.getGroup(f, i);
    GroupType gt = t.asGroupType();
    LogicalTypeAnnotation a = gt.getLogicalTypeAnnotation();
    if (a instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation && gt.getFieldCount() == 1
        && gt.getType(0).isRepetition(Type.Repetition.REPEATED)) {
      list(child, gt, out);
    } else if ((a instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation
        || a instanceof LogicalTypeAnnotation.MapKeyValueTypeAnnotation) && gt.getFieldCount() == 1
        && !gt.getType(0).isPrimitive() && gt.getType(0).asGroupType().getFieldCount() == 2) {
      map(child, gt.getType(0).asGroupType(), out);
    } else {
      struct(child, gt, out);
    }
  }

  private void list(Group list, GroupType listType, JsonGenerator out) throws IOException {
    Type repeated = listType.getType(0);
    int n = list.getFieldRepetitionCount(0);
    out.writeStartArray();
    if (isElement(repeated, listType.getName())) {
      for (int i = 0; i < n; i++) {
        value(list, 0, i, repeated, out);
      }
    } else {
      Type element = repeated.asGroupType().getType(0);
      for (int i = 0; i < n; i++) {
        Group wrapper = list.getGroup(0, i);
        if (wrapper.getFieldRepetitionCount(0) == 0) {
          out.writeNull();
        } else {
          value(wrapper, 0, 0, element, out);
        }
      }
    }
    out.writeEndArray();
  }

  /**
   * Whether the repeated field of a LIST is itself the element (old two-level lists): a primitive,
   * a group of several fields, or a group named {@code array} or {@code <list>_tuple}.
   */
  private static boolean isElement(Type repeated, String listName) {
    return repeated.isPrimitive() || repeated.asGroupType().getFieldCount() > 1
        || repeated.getName().equals("array") || repeated.getName().equals(listName + "_tuple");
  }

  private void map(Group map, GroupType keyValue, JsonGenerator out) throws IOException {
    int n = map.getFieldRepetitionCount(0);
    Type keyType = keyValue.getType(0);
    Type valueType = keyValue.getType(1);
    out.writeStartObject();
    for (int i = 0; i < n; i++) {
      Group kv = map.getGroup(0, i);
      out.writeFieldName(keyText(kv, keyType));
      if (kv.getFieldRepetitionCount(1) == 0) {
        out.writeNull();
      } else {
        value(kv, 1, 0, valueType, out);
      }
    }
    out.writeEndObject();
  }

  /** A map key as text: JSON object keys are strings, so a key 7 becomes "7". */
  private String keyText(Group kv, Type keyType) throws IOException {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(w)) {
      value(kv, 0, 0, keyType, g);
    }
    String s = w.toString();
    return s.startsWith("\"") ? unquote(s) : s;
  }

  private static String unquote(String jsonString) throws IOException {
    try (com.fasterxml.jackson.core.JsonParser p = JSON.createParser(jsonString)) {
      p.nextToken();
      return p.getText();
    }
  }

  private void struct(Group s, GroupType t, JsonGenerator out) throws IOException {
    out.writeStartObject();
    for (int f = 0; f < t.getFieldCount(); f++) {
      Type ft = t.getType(f);
      out.writeFieldName(ft.getName());
      int n = s.getFieldRepetitionCount(f);
      if (ft.isRepetition(Type.Repetition.REPEATED)) {
        out.writeStartArray();
        for (int i = 0; i < n; i++) {
          value(s, f, i, ft, out);
        }
        out.writeEndArray();
      } else if (n == 0) {
        out.writeNull();
      } else {
        value(s, f, 0, ft, out);
      }
    }
    out.writeEndObject();
  }

  private ParquetLeaf leaf(PrimitiveType p) {
    return leaves.computeIfAbsent(p, k -> ParquetLeaves.of(k, binaryAsString));
  }

  private static Object raw(Group g, int f, int i, PrimitiveType p) {
    switch (p.getPrimitiveTypeName()) {
      case INT32: return g.getInteger(f, i);
      case INT64: return g.getLong(f, i);
      case FLOAT: return g.getFloat(f, i);
      case DOUBLE: return g.getDouble(f, i);
      case BOOLEAN: return g.getBoolean(f, i);
      case INT96: return g.getInt96(f, i);
      default: return g.getBinary(f, i);
    }
  }
}
