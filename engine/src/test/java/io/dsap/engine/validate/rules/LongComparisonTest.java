package io.dsap.engine.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.dsap.engine.batch.ColumnVector;
import io.dsap.engine.batch.LongVector;
import io.dsap.engine.schema.TableRule;
import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.types.ColumnType;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Rules run on vectors give the compiled code's result on every row, NULLs included. */
class LongComparisonTest {
  static final List<ColumnSpec> COLUMNS = List.of(
      new ColumnSpec("a", ColumnType.INTEGER, 0, null, "test"),
      new ColumnSpec("b", ColumnType.BIGINT, 0, null, "test"),
      new ColumnSpec("d1", ColumnType.DATE, 0, io.dsap.engine.types.TemporalFormat.ISO, "test"),
      new ColumnSpec("d2", ColumnType.DATE, 0, io.dsap.engine.types.TemporalFormat.ISO, "test"),
      new ColumnSpec("p", ColumnType.DECIMAL, 2, null, "test"),
      new ColumnSpec("q", ColumnType.DECIMAL, 2, null, "test"));

  @Test
  void vectorisedRulesAgreeWithTheCompiledOnes() {
    List<String> vectorised = List.of("a > 0", "0 < a", "b <= a", "a <> b", "d1 >= d2", "d1 = d2", "p > 10",
        "p < q", "a = 3000000000", "b >= -5", "p <= 12.34");
    List<String> compiledOnly = List.of("a + 1 > 0", "p >= 0.005", "a > 0.5", "d1 > CURRENT_DATE", "p > a");
    Random random = new Random(3);
    int n = 2_000;
    ColumnVector[] v = new ColumnVector[COLUMNS.size()];
    for (int c = 0; c < v.length; c++) {
      v[c] = ColumnVector.of(COLUMNS.get(c), n);
      for (int r = 0; r < n; r++) {
        if (random.nextInt(8) == 0) {
          v[c].setNull(r);
        } else {
          ((LongVector) v[c]).set(r, random.nextInt(41) - 20 + (c >= 4 ? random.nextInt(3) * 500 : 0));
        }
      }
    }
    for (String rule : vectorised) {
      CompiledRules compiled = RuleCompiler.compile(COLUMNS, List.of(TableRule.of(rule)));
      LongComparison fast = LongComparison.of(compiled.expressions().get(0), COLUMNS);
      assertNotNull(fast, rule + " runs on vectors");
      for (int r = 0; r < n; r++) {
        Object[] row = new Object[v.length];
        for (int c = 0; c < v.length; c++) {
          row[c] = v[c].get(r);
        }
        Object expected = compiled.evaluate(row)[0];
        int want = expected == null ? LongComparison.NULL : (Boolean) expected ? LongComparison.TRUE
            : LongComparison.FALSE;
        assertEquals(want, fast.test(v, r), rule + " on row " + r);
      }
    }
    for (String rule : compiledOnly) {
      CompiledRules compiled = RuleCompiler.compile(COLUMNS, List.of(TableRule.of(rule)));
      assertNull(LongComparison.of(compiled.expressions().get(0), COLUMNS), rule + " runs compiled");
    }
  }
}
