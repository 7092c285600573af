package io.dsap.engine.format.parquet;

import io.dsap.engine.types.ColumnSpec;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * A top-level field of a Parquet file as a dsap column. A flat field (a primitive, not repeated)
 * is decoded column-wise into a typed vector; anything else (struct, list, map, repeated field)
 * becomes JSON text.
 *
 * @param field the Parquet field
 * @param spec the dsap column
 * @param flat whether the field is a single primitive value per row
 */
record ParquetColumn(Type field, ColumnSpec spec, boolean flat) {

  /** The columns of {@code schema}, in file order. */
  static List<ParquetColumn> of(MessageType schema, boolean binaryAsString) {
    List<ParquetColumn> out = new ArrayList<>();
    for (Type f : schema.getFields()) {
      if (f.isPrimitive() && !f.isRepetition(Type.Repetition.REPEATED)) {
        PrimitiveType p = f.asPrimitiveType();
        out.add(new ParquetColumn(f, ParquetLeaves.of(p, binaryAsString).spec(f.getName(), ParquetLeaves.detection(p)),
            true));
      } else {
        out.add(new ParquetColumn(f, ParquetLeaves.nestedSpec(f.getName(), "Parquet " + shape(f) + ", read as JSON text"),
            false));
      }
    }
    return out;
  }

  private static String shape(Type f) {
    if (f.isRepetition(Type.Repetition.REPEATED)) {
      return "repeated field";
    }
    GroupType g = f.asGroupType();
    LogicalTypeAnnotation a = g.getLogicalTypeAnnotation();
    if (a instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) {
      return "LIST";
    }
    if (a instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation) {
      return "MAP";
    }
    return "group (struct)";
  }
}
