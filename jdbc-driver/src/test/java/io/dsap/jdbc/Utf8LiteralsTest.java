package io.dsap.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQL string literals are Unicode: text outside Latin-1 works in SELECT and WHERE. */
class Utf8LiteralsTest {
  @TempDir
  Path dir;

  Connection c;

  @BeforeEach
  void open() throws IOException, SQLException {
    Files.writeString(dir.resolve("cities.csv"), "id,city,price\n"
        + "1,Kraków,€ 10\n"
        + "2,Łódź,€ 20\n"
        + "3,Malmö,😀\n"
        + "4,Berlin,10\n", StandardCharsets.UTF_8);
    c = DriverManager.getConnection("jdbc:dsap:" + dir);
  }

  @AfterEach
  void close() throws SQLException {
    c.close();
  }

  @Test
  void selectsLiteralsOutsideLatin1() throws SQLException {
    assertEquals(List.of(List.of("Kraków", "Łódź", "€", "😀", "ä ł € 😀")),
        Sql.rows(c, "SELECT 'Kraków', 'Łódź', '€', '😀', 'ä ł € 😀'"));
  }

  @Test
  void filtersOnLiteralsOutsideLatin1() throws SQLException {
    assertEquals(List.of(List.of("1")), Sql.rows(c, "SELECT id FROM cities WHERE city = 'Kraków'"));
    assertEquals(List.of(List.of("2")), Sql.rows(c, "SELECT id FROM cities WHERE city = 'Łódź'"));
    assertEquals(List.of(List.of("1"), List.of("2")),
        Sql.rows(c, "SELECT id FROM cities WHERE price LIKE '€%' ORDER BY id"));
    assertEquals(List.of(List.of("3")), Sql.rows(c, "SELECT id FROM cities WHERE price = '😀'"));
    assertEquals(List.of(List.of("Malmö")), Sql.rows(c, "SELECT city FROM cities WHERE city LIKE '%ö'"));
  }
}
