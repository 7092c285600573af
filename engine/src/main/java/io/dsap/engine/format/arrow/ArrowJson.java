package io.dsap.engine.format.arrow;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.complex.BaseListVector;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.complex.LargeListVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;

/**
 * Renders a nested Arrow value as JSON text: lists as arrays, structs as objects, maps as objects
 * (keys as text), leaves by their {@link ArrowLeaf}; dictionary-encoded children are decoded.
 * Anything else (unions, list views) falls back to Arrow's own JSON-like text of the value.
 */
final class ArrowJson {
  private static final JsonFactory JSON = new JsonFactory();

  private final Map<Long, Dictionary> dictionaries;

  ArrowJson(Map<Long, Dictionary> dictionaries) {
    this.dictionaries = dictionaries;
  }

  String render(ValueVector v, int i) {
    StringWriter w = new StringWriter();
    try (JsonGenerator out = JSON.createGenerator(w)) {
      value(v, i, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return w.toString();
  }

  private void value(ValueVector v, int i, JsonGenerator out) throws IOException {
    if (v.isNull(i)) {
      out.writeNull();
      return;
    }
    DictionaryEncoding enc = v instanceof FieldVector f ? f.getField().getDictionary() : null;
    if (enc != null) {
      FieldVector values = dictionaries.get(enc.getId()).getVector();
      value(values, (int) ((BaseIntVector) v).getValueAsLong(i), out);
      return;
    }
    if (v instanceof MapVector m) {
      map(m, i, out);
    } else if (v instanceof ListVector || v instanceof LargeListVector || v instanceof FixedSizeListVector) {
      BaseListVector l = (BaseListVector) v;
      ValueVector child = ((org.apache.arrow.vector.complex.RepeatedValueVector) v).getDataVector();
      out.writeStartArray();
      for (long k = l.getElementStartIndex(i); k < l.getElementEndIndex(i); k++) {
        value(child, (int) k, out);
      }
      out.writeEndArray();
    } else if (v instanceof StructVector s) {
      out.writeStartObject();
      for (String name : s.getChildFieldNames()) {
        out.writeFieldName(name);
        value(s.getChild(name), i, out);
      }
      out.writeEndObject();
    } else {
      ArrowLeaf leaf = v instanceof FieldVector f ? ArrowLeaves.of(f.getField().getType()) : null;
      if (leaf != null) {
        leaf.json(v, i, out);
      } else {
        out.writeString(String.valueOf(v.getObject(i)));
      }
    }
  }

  /** A map row: its entries struct has a key and a value child. */
  private void map(MapVector m, int i, JsonGenerator out) throws IOException {
    StructVector entries = (StructVector) m.getDataVector();
    ValueVector keys = entries.getChildByOrdinal(0);
    ValueVector values = entries.getChildByOrdinal(1);
    out.writeStartObject();
    for (int k = m.getElementStartIndex(i); k < m.getElementEndIndex(i); k++) {
      String key = render(keys, k);
      out.writeFieldName(key.startsWith("\"") ? unquote(key) : key);
      value(values, k, out);
    }
    out.writeEndObject();
  }

  private static String unquote(String jsonString) throws IOException {
    try (JsonParser p = JSON.createParser(jsonString)) {
      p.nextToken();
      return p.getText();
    }
  }
}
