package io.dsap.jdbc;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;

class RelationshipsTest {
  static final Path EXAMPLES = Path.of("../examples").toAbsolutePath().normalize();

  @Test
  void scratch() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:dsap:" + EXAMPLES)) {
      for (var r : Sql.rows(c, "SELECT * FROM detect_relationships('.')")) {
        System.out.println(r);
      }
    }
  }
}
