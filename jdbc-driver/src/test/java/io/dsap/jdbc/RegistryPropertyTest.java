package io.dsap.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code registry} connection property: every registry user reads and writes the folder it names. */
class RegistryPropertyTest {
  @Test
  void theRegistryFolderIsTheOneThePropertyNames(@TempDir Path data, @TempDir Path shared) throws Exception {
    Files.writeString(data.resolve("t.csv"), "id,qty\n1,5\n2,-1\n3,7\n");
    Files.writeString(data.resolve("t.schema.yaml"), "columns:\n  - {name: id}\n  - {name: qty, min: 0}\n");
    Properties p = new Properties();
    p.setProperty("registry", shared.toString());
    try (Connection c = DriverManager.getConnection("jdbc:dsap:" + data, p)) {
      assertEquals("1", Sql.scalar(c, "SELECT version FROM register_schema('t', 't.schema.yaml')"));
      assertTrue(Files.exists(shared.resolve("t/v1.yaml")));
      assertFalse(Files.exists(data.resolve(".dsap/registry")), "nothing written to the default registry");
      assertEquals(List.of(List.of("t", "1")), Sql.rows(c, "SELECT name, latest_version FROM dsap.schemas"));
      assertEquals("1", Sql.scalar(c, "SELECT count(*) FROM dsap.schema_versions"));
      assertEquals(List.of(List.of("2", "range")), Sql.rows(c,
          "SELECT \"row_number\", check_name FROM validate('t.csv', 't')"));
      assertEquals(List.of(List.of("none", "full")), Sql.rows(c, "SELECT change, compatibility FROM schema_diff('t@1', 't')"));
      assertEquals("0.6667", Sql.scalar(c, "SELECT score FROM quality_report('t.csv', 't')"
          + " WHERE column_name = 'qty' AND dimension = 'validity'"));
      assertTrue(Files.exists(shared.resolve("quality_history.ndjson")), "the history lives in the registry folder");
      assertEquals("5", Sql.scalar(c, "SELECT count(*) FROM dsap.quality_history"));
    }
    // the same registry from another connection (URL form); the default one is still empty
    try (Connection c = DriverManager.getConnection("jdbc:dsap:root=" + data + ";registry=" + shared)) {
      assertEquals("1", Sql.scalar(c, "SELECT count(*) FROM dsap.schemas"));
    }
    try (Connection c = DriverManager.getConnection("jdbc:dsap:" + data)) {
      assertEquals("0", Sql.scalar(c, "SELECT count(*) FROM dsap.schemas"));
      assertEquals("0", Sql.scalar(c, "SELECT count(*) FROM dsap.quality_history"));
    }
  }

  @Test
  void theDriverListsTheProperties() throws Exception {
    java.sql.Driver d = DriverManager.getDriver("jdbc:dsap:/tmp");
    List<String> names = java.util.Arrays.stream(d.getPropertyInfo("jdbc:dsap:/tmp", new Properties()))
        .map(i -> i.name).toList();
    assertTrue(names.contains("registry"), names.toString());
    assertTrue(names.contains("metadata_keys_max_bytes"), names.toString());
  }
}
