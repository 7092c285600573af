package io.dsap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dsap schema detect|register|list|show|history|diff against a real registry folder. */
class SchemaCommandTest {
  @TempDir
  Path dir;

  private Cli.Result dsap(String... args) {
    return Cli.runWithEnv(Map.of(), ConfigCommandTest.concat(new String[] {"--root", dir.toString()}, args));
  }

  @Test
  void detectPrintsColumnsAndASchemaDocument() {
    TestData.orders(dir);
    Cli.Result table = dsap("schema", "detect", "orders.csv", "--format", "csv");
    assertEquals(0, table.exitCode(), table::toString);
    assertTrue(table.out().startsWith("column_index,column_name,sql_type,nullable"), table::toString);
    assertTrue(table.out().contains("\n1,id,INTEGER,false,"), table::toString);
    assertTrue(table.out().contains("\n5,ordered_on,DATE,false,"), table::toString);
    Cli.Result aligned = dsap("schema", "detect", "orders.csv");
    assertTrue(aligned.out().startsWith("column_name | sql_type"), aligned::toString);

    Cli.Result yaml = dsap("schema", "detect", "orders.csv", "--format", "yaml");
    assertEquals(0, yaml.exitCode(), yaml::toString);
    assertTrue(yaml.out().contains("columns:") && yaml.out().contains("name: ordered_on"), yaml::toString);
  }

  @Test
  void registerListShowHistoryAndDiffAcrossTwoVersions() throws IOException {
    TestData.orders(dir);
    Cli.Result v1 = dsap("schema", "register", "orders", "orders.csv", "--format", "csv");
    assertEquals(0, v1.exitCode(), v1::toString);
    assertTrue(v1.out().contains("\norders,1,"), v1::toString);

    // version 2 from an edited document outside the root: the required 'amount' removed, not backward compatible
    String doc = dsap("schema", "show", "orders").out();
    assertTrue(doc.contains("name: amount"), doc);
    Path edited = Files.createTempFile("orders", ".schema.yaml");
    try {
      Files.writeString(edited, doc.replaceAll("(?m)^  - name: amount\\n(    .*\\n)*", ""));
      Cli.Result v2 = dsap("schema", "register", "orders", edited.toString(), "--format", "csv");
      assertEquals(0, v2.exitCode(), v2::toString);
      assertTrue(v2.out().contains("\norders,2,"), v2::toString);
    } finally {
      Files.delete(edited);
    }

    Cli.Result list = dsap("schema", "list", "--format", "csv");
    assertTrue(list.out().contains("\norders,2,2,"), list::toString);

    Cli.Result history = dsap("schema", "history", "orders", "--format", "csv");
    assertEquals(3, history.out().lines().count(), history::toString);

    Cli.Result v1Json = dsap("schema", "show", "orders@1", "--format", "json");
    assertEquals(0, v1Json.exitCode(), v1Json::toString);
    assertTrue(v1Json.out().contains("\"amount\""), v1Json::toString);
    assertFalse(dsap("schema", "show", "orders@2").out().contains("name: amount"));

    Cli.Result diff = dsap("schema", "diff", "orders@1", "orders@2", "--format", "csv");
    assertEquals(0, diff.exitCode(), diff::toString);
    assertTrue(diff.out().contains("removed,amount,column"), diff::toString);
    Cli.Result breaking = dsap("schema", "diff", "orders@1", "orders@2", "--fail-on-breaking");
    assertEquals(1, breaking.exitCode(), breaking::toString);
    assertTrue(breaking.err().contains("not backward compatible"), breaking::toString);
  }

  @Test
  void unknownSchemaAndVersionAreNamed() {
    TestData.orders(dir);
    Cli.Result none = dsap("schema", "show", "nope");
    assertEquals(2, none.exitCode());
    assertTrue(none.err().contains("schema 'nope' is not registered"), none::toString);
    dsap("schema", "register", "orders", "orders.csv");
    Cli.Result v9 = dsap("schema", "show", "orders@9");
    assertEquals(2, v9.exitCode());
    assertTrue(v9.err().contains("has no version 9; its versions are 1 to 1"), v9::toString);
    Cli.Result group = dsap("schema");
    assertEquals(2, group.exitCode());
    assertTrue(group.err().contains("missing subcommand"), group::toString);
  }
}
