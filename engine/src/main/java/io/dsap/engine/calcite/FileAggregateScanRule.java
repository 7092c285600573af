package io.dsap.engine.calcite;

import java.util.List;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.mapping.Mapping;
import org.apache.calcite.util.mapping.MappingType;
import org.apache.calcite.util.mapping.Mappings;

/**
 * Narrows the scan under an aggregate to the columns the aggregate uses, so
 * {@code SELECT count(*)} reads no column at all.
 */
public final class FileAggregateScanRule extends RelRule<FileRuleConfig> {

  FileAggregateScanRule(FileRuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalAggregate agg = call.rel(0);
    LogicalFileScan scan = call.rel(1);
    ImmutableBitSet.Builder usedBuilder = ImmutableBitSet.builder();
    usedBuilder.addAll(agg.getGroupSet());
    for (AggregateCall c : agg.getAggCallList()) {
      usedBuilder.addAll(c.getArgList());
      if (c.filterArg >= 0) {
        usedBuilder.set(c.filterArg);
      }
      usedBuilder.addAll(c.collation.getKeys());
      if (c.distinctKeys != null) {
        usedBuilder.addAll(c.distinctKeys);
      }
    }
    ImmutableBitSet used = usedBuilder.build();
    if (used.cardinality() == scan.fields.length) {
      return;
    }
    List<Integer> usedList = used.asList();
    int[] fields = new int[usedList.size()];
    Mapping mapping = Mappings.create(MappingType.INVERSE_SURJECTION, scan.fields.length,
        usedList.size());
    for (int j = 0; j < usedList.size(); j++) {
      fields[j] = scan.fields[usedList.get(j)];
      mapping.set(usedList.get(j), j);
    }
    LogicalFileScan narrow = scan.withFields(fields);
    ImmutableBitSet groupSet = Mappings.apply(mapping, agg.getGroupSet());
    List<ImmutableBitSet> groupSets = agg.getGroupSets().stream()
        .map(g -> Mappings.apply(mapping, g)).collect(java.util.stream.Collectors.toList());
    List<AggregateCall> calls = agg.getAggCallList().stream().map(c -> c.transform(mapping)).toList();
    call.transformTo(agg.copy(agg.getTraitSet(), narrow, groupSet, groupSets, calls));
  }
}
