package io.dsap.engine.calcite;

import java.util.function.Function;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.tools.RelBuilderFactory;

/**
 * Configuration of a file-scan rule, written out by hand so Calcite's annotation processor is
 * not needed: the operands to match and how to make the rule.
 */
record FileRuleConfig(String description, RelBuilderFactory relBuilderFactory, RelRule.OperandTransform operandSupplier,
    Function<FileRuleConfig, RelOptRule> factory) implements RelRule.Config {

  static FileRuleConfig of(RelRule.OperandTransform operands, Function<FileRuleConfig, RelOptRule> factory) {
    return new FileRuleConfig(null, RelFactories.LOGICAL_BUILDER, operands, factory);
  }

  @Override
  public FileRuleConfig withDescription(String d) {
    return new FileRuleConfig(d, relBuilderFactory, operandSupplier, factory);
  }

  @Override
  public FileRuleConfig withRelBuilderFactory(RelBuilderFactory f) {
    return new FileRuleConfig(description, f, operandSupplier, factory);
  }

  @Override
  public FileRuleConfig withOperandSupplier(RelRule.OperandTransform t) {
    return new FileRuleConfig(description, relBuilderFactory, t, factory);
  }

  @Override
  public RelOptRule toRule() {
    return factory.apply(this);
  }
}
