package io.dsap.udfs;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.sql.type.SqlTypeName;

/** Declares the named parameters of a table function or macro. */
final class Params {
  private final List<FunctionParameter> list = new ArrayList<>();

  Params required(String name, SqlTypeName type) {
    return add(name, type, false);
  }

  Params optional(String name, SqlTypeName type) {
    return add(name, type, true);
  }

  private Params add(String name, SqlTypeName type, boolean optional) {
    int ordinal = list.size();
    list.add(new FunctionParameter() {
      @Override
      public int getOrdinal() {
        return ordinal;
      }

      @Override
      public String getName() {
        return name;
      }

      @Override
      public RelDataType getType(RelDataTypeFactory f) {
        // a Java type: Calcite converts literal arguments of macros only for Java-typed parameters
        return f.createTypeWithNullability(f.createJavaType(javaClass(type)), true);
      }

      @Override
      public boolean isOptional() {
        return optional;
      }
    });
    return this;
  }

  private static Class<?> javaClass(SqlTypeName type) {
    switch (type) {
      case BOOLEAN: return Boolean.class;
      case INTEGER: return Integer.class;
      case BIGINT: return Long.class;
      case DOUBLE: return Double.class;
      default: return String.class;
    }
  }

  List<FunctionParameter> build() {
    return List.copyOf(list);
  }

  /** Reads argument {@code i} as text; null when omitted. */
  static String text(List<?> args, int i) {
    Object o = i < args.size() ? args.get(i) : null;
    return o == null ? null : o.toString();
  }

  static Boolean bool(List<?> args, int i, String name) {
    Object o = i < args.size() ? args.get(i) : null;
    if (o == null || o instanceof Boolean) {
      return (Boolean) o;
    }
    String s = o.toString().trim().toLowerCase(java.util.Locale.ROOT);
    if (s.equals("true") || s.equals("false")) {
      return Boolean.valueOf(s);
    }
    throw io.dsap.engine.error.Errors.invalidOption(name, o, "true or false");
  }

  static Integer integer(List<?> args, int i, String name) {
    Object o = i < args.size() ? args.get(i) : null;
    if (o == null) {
      return null;
    }
    if (o instanceof Number n) {
      return n.intValue();
    }
    try {
      return Integer.valueOf(o.toString().trim());
    } catch (NumberFormatException e) {
      throw io.dsap.engine.error.Errors.invalidOption(name, o, "a whole number");
    }
  }
}
