package io.dsap.udfs.functions;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.AggAddContext;
import org.apache.calcite.adapter.enumerable.AggContext;
import org.apache.calcite.adapter.enumerable.AggImplementor;
import org.apache.calcite.adapter.enumerable.AggResetContext;
import org.apache.calcite.adapter.enumerable.AggResultContext;
import org.apache.calcite.adapter.enumerable.EnumUtils;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.AggregateFunction;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.ImplementableAggFunction;
import org.apache.calcite.schema.impl.AggregateFunctionImpl;

/**
 * A user-defined aggregate from a class with static {@code init}, {@code add}, {@code result},
 * generated differently from Calcite's {@link AggregateFunctionImpl} in two ways: arguments are
 * converted to the types {@code add} declares (Calcite passes an INTEGER or DECIMAL column to a
 * {@code Double} parameter as it is, and the generated code does not compile), and {@code add} is
 * called for NULL arguments too (Calcite skips those rows, which leaves {@code completeness}
 * nothing to count). Every {@code add} of this package skips NULLs itself where it should.
 */
final class UserAggregate implements AggregateFunction, ImplementableAggFunction {
  private final AggregateFunctionImpl impl;

  UserAggregate(Class<?> type) {
    this.impl = AggregateFunctionImpl.create(type);
    if (!impl.isStatic) {
      throw new IllegalArgumentException(type + ": init, add and result must be static");
    }
  }

  @Override
  public List<FunctionParameter> getParameters() {
    return impl.getParameters();
  }

  @Override
  public RelDataType getReturnType(RelDataTypeFactory typeFactory) {
    return impl.getReturnType(typeFactory);
  }

  @Override
  public AggImplementor getImplementor(boolean windowContext) {
    return new AggImplementor() {
      @Override
      public List<Type> getStateType(AggContext info) {
        return List.of(impl.accumulatorType);
      }

      @Override
      public void implementReset(AggContext info, AggResetContext reset) {
        Expression acc = reset.accumulator().get(0);
        reset.currentBlock().add(Expressions.statement(Expressions.assign(acc, Expressions.call(impl.initMethod))));
      }

      @Override
      public void implementAdd(AggContext info, AggAddContext add) {
        Expression acc = add.accumulator().get(0);
        List<Expression> args = new ArrayList<>();
        args.add(acc);
        Class<?>[] types = impl.addMethod.getParameterTypes();
        for (int i = 0; i < add.arguments().size(); i++) {
          args.add(EnumUtils.convert(add.arguments().get(i), types[i + 1]));
        }
        add.currentBlock().add(Expressions.statement(Expressions.assign(acc, Expressions.call(impl.addMethod, args))));
      }

      @Override
      public Expression implementResult(AggContext info, AggResultContext result) {
        return Expressions.call(impl.resultMethod, result.accumulator().get(0));
      }
    };
  }
}
