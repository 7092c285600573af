package io.dsap.engine.format.arrow;

import io.dsap.engine.types.ColumnSpec;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A top-level field of an Arrow schema as a dsap column. Dictionary-encoded fields take their
 * values' type; nested fields (lists, structs, maps, unions) become JSON text.
 *
 * @param field the Arrow field (its type is the value type, also when dictionary-encoded)
 * @param spec the dsap column
 * @param flat whether a leaf copies values directly (else JSON)
 */
record ArrowColumn(Field field, ColumnSpec spec, boolean flat) {

  static List<ArrowColumn> of(Schema schema) {
    List<ArrowColumn> out = new ArrayList<>();
    for (Field f : schema.getFields()) {
      ArrowType t = f.getType();
      ArrowLeaf leaf = ArrowLeaves.of(t);
      String detection = "Arrow " + t + (f.getDictionary() == null ? "" : " (dictionary-encoded)");
      if (leaf != null) {
        out.add(new ArrowColumn(f, leaf.spec(f.getName(), detection), true));
      } else {
        out.add(new ArrowColumn(f, ColumnSpec.varchar(f.getName(), detection + ", read as JSON text"), false));
      }
    }
    return out;
  }
}
