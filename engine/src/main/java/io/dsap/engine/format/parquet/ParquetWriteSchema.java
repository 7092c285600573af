package io.dsap.engine.format.parquet;

import io.dsap.engine.types.ColumnSpec;
import java.util.List;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * The Parquet schema dsap writes for its column types: every column optional, logical types that
 * every mainstream reader understands, and the smallest decimal encoding the spec allows.
 */
final class ParquetWriteSchema {
  private ParquetWriteSchema() {}

  static MessageType of(List<ColumnSpec> columns) {
    Types.MessageTypeBuilder b = Types.buildMessage();
    for (ColumnSpec c : columns) {
      b.addField(field(c));
    }
    return b.named("dsap");
  }

  static Type field(ColumnSpec c) {
    Type.Repetition opt = Type.Repetition.OPTIONAL;
    switch (c.type()) {
      case BOOLEAN:
        return Types.primitive(PrimitiveTypeName.BOOLEAN, opt).named(c.name());
      case INTEGER:
        return Types.primitive(PrimitiveTypeName.INT32, opt).as(LogicalTypeAnnotation.intType(32, true)).named(c.name());
      case BIGINT:
        return Types.primitive(PrimitiveTypeName.INT64, opt).as(LogicalTypeAnnotation.intType(64, true)).named(c.name());
      case DOUBLE:
        return Types.primitive(PrimitiveTypeName.DOUBLE, opt).named(c.name());
      case DECIMAL: {
        LogicalTypeAnnotation d = LogicalTypeAnnotation.decimalType(c.scale(), c.precision());
        if (c.precision() <= 9) {
          return Types.primitive(PrimitiveTypeName.INT32, opt).as(d).named(c.name());
        }
        if (c.precision() <= 18) {
          return Types.primitive(PrimitiveTypeName.INT64, opt).as(d).named(c.name());
        }
        return Types.primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, opt).length(decimalBytes(c.precision()))
            .as(d).named(c.name());
      }
      case DATE:
        return Types.primitive(PrimitiveTypeName.INT32, opt).as(LogicalTypeAnnotation.dateType()).named(c.name());
      case TIMESTAMP:
        // SQL TIMESTAMP has no zone: a local (not UTC-adjusted) timestamp, as DuckDB and Spark read it back
        return Types.primitive(PrimitiveTypeName.INT64, opt)
            .as(LogicalTypeAnnotation.timestampType(false, TimeUnit.MILLIS)).named(c.name());
      case TIME:
        return Types.primitive(PrimitiveTypeName.INT32, opt)
            .as(LogicalTypeAnnotation.timeType(false, TimeUnit.MILLIS)).named(c.name());
      case VARBINARY:
        return Types.primitive(PrimitiveTypeName.BINARY, opt).named(c.name());
      case VARCHAR:
      default:
        return Types.primitive(PrimitiveTypeName.BINARY, opt).as(LogicalTypeAnnotation.stringType()).named(c.name());
    }
  }

  /** Bytes of a two's complement integer that holds every value of {@code precision} digits. */
  static int decimalBytes(int precision) {
    int bits = (int) Math.ceil(precision * Math.log(10) / Math.log(2)) + 1;
    return (bits + 7) / 8;
  }
}
