package io.dsap.engine.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsap.engine.aggregate.GroupBy;
import io.dsap.engine.aggregate.GroupBy.Agg;
import io.dsap.engine.aggregate.GroupBy.Kind;
import io.dsap.engine.aggregate.GroupBy.Out;
import io.dsap.engine.aggregate.GroupState;
import io.dsap.engine.rejects.Reject;
import io.dsap.engine.types.ColumnType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GROUP BY states folded per split and merged in file order give the same groups as one state fed
 * the whole file: VARCHAR keys renumbered across split dictionaries, NULL keys, exact DECIMAL sums,
 * MIN/MAX and counts, with split borders a few bytes apart.
 */
class GroupStateSplitTest {
  @TempDir
  Path dir;

  @Test
  void splitStatesMergedInFileOrderEqualOneState() throws IOException {
    Random rnd = new Random(7);
    StringBuilder sb = new StringBuilder("k,n,amt\n");
    String[] keys = {"a", "bb", "ccc", "zürich", "", "x y"};
    for (int i = 0; i < 3000; i++) {
      sb.append(keys[rnd.nextInt(keys.length)]).append(',')
          .append(i == 500 ? "bad" : rnd.nextInt(6) == 0 ? "" : String.valueOf(rnd.nextInt(2001) - 1000)).append(',')
          .append(rnd.nextInt(5) == 0 ? "" : (rnd.nextInt(100_000) - 50_000) / 100.0).append('\n');
    }
    Path file = dir.resolve("g.csv");
    Files.writeString(file, sb);
    CsvFileSchema schema = CsvSchemaDetector.detect(file, new CsvOptions(",", "\"", "\"", true, null,
        CsvOptions.parseTypes("k:VARCHAR,n:INTEGER,amt:DECIMAL(10,2)"), null, null, null));
    // GROUP BY k, n: count(*), count(amt), sum(amt), min(amt), max(n), sum(n)
    GroupBy plan = new GroupBy(new int[] {0, 1, 2}, new int[] {0, 1},
        new ColumnType[] {ColumnType.VARCHAR, ColumnType.INTEGER}, List.of(
            new Agg(Kind.COUNT_STAR, -1, false, Out.LONG, 0),
            new Agg(Kind.COUNT, 2, false, Out.LONG, 0),
            new Agg(Kind.SUM, 2, false, Out.DECIMAL, 2),
            new Agg(Kind.MIN, 2, false, Out.DECIMAL, 2),
            new Agg(Kind.MAX, 1, false, Out.INT, 0),
            new Agg(Kind.SUM0, 1, false, Out.LONG, 0)));
    List<Reject> oneRejects = new ArrayList<>();
    GroupState one = new CsvTableSource(file, "g.csv", schema, 0)
        .fold(plan.projection(), oneRejects::add, () -> plan.newState(true), GroupState::add, GroupState::merge);
    List<String> expected = rows(one);
    assertTrue(expected.size() > 100, "many groups: " + expected.size());
    assertEquals(1, oneRejects.size());
    for (long split : new long[] {13, 97, 1000, 8000}) {
      List<Reject> rejects = new ArrayList<>();
      GroupState merged = new CsvTableSource(file, "g.csv", schema, split)
          .fold(plan.projection(), rejects::add, () -> plan.newState(true), GroupState::add, GroupState::merge);
      assertEquals(expected, rows(merged), "split " + split);
      assertEquals(one.rowsRead(), merged.rowsRead(), "split " + split);
      assertEquals(oneRejects.toString(), rejects.toString(), "split " + split);
    }
  }

  private static List<String> rows(GroupState s) {
    return s.rows().stream().map(Arrays::toString).sorted().toList();
  }
}
