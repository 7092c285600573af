package io.dsap.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every example of docs/sql-reference.md against examples/ and checks the result table
 * printed under it, so the reference cannot drift from what dsap does. An example is a
 * {@code ```sql} block followed by a Markdown table; NULL prints as {@code NULL}.
 */
class SqlReferenceDocTest {
  static final Path DOC = Path.of("../docs/sql-reference.md");
  static final Path EXAMPLES = Path.of("../examples").toAbsolutePath().normalize();

  record Example(int line, String sql, List<List<String>> expected) {}

  @TestFactory
  Stream<DynamicTest> examplesReturnWhatTheDocSays() throws IOException {
    List<Example> examples = parse(Files.readAllLines(DOC));
    assertTrue(examples.size() >= 4, "the reference has examples");
    return examples.stream().map(e -> DynamicTest.dynamicTest("sql-reference.md:" + e.line(), () -> {
      try (Connection c = DriverManager.getConnection("jdbc:dsap:" + EXAMPLES)) {
        assertEquals(e.expected(), table(c, e.sql()), "docs/sql-reference.md line " + e.line() + ":\n" + e.sql());
      }
    }));
  }

  @Test
  void everyFunctionIsDocumented() throws Exception {
    String doc = Files.readString(DOC);
    try (Connection c = DriverManager.getConnection("jdbc:dsap:" + EXAMPLES);
        ResultSet rs = c.getMetaData().getFunctions(null, "files", "%")) {
      int n = 0;
      while (rs.next()) {
        String name = rs.getString("FUNCTION_NAME");
        assertTrue(doc.contains("## `" + name + "("), "docs/sql-reference.md has a section for " + name);
        n++;
      }
      assertTrue(n >= 2, "functions listed: " + n);
    }
  }

  /** Header row plus data rows, as strings. */
  static List<List<String>> table(Connection c, String sql) throws SQLException {
    List<List<String>> out = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      List<String> header = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        header.add(md.getColumnLabel(i));
      }
      out.add(header);
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          Object o = rs.getObject(i);
          row.add(o == null ? "NULL" : o.toString());
        }
        out.add(row);
      }
    }
    return out;
  }

  static List<Example> parse(List<String> lines) {
    List<Example> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).trim().toLowerCase(Locale.ROOT).equals("```sql")) {
        continue;
      }
      int start = i + 1;
      StringBuilder sql = new StringBuilder();
      for (i = start; i < lines.size() && !lines.get(i).trim().equals("```"); i++) {
        sql.append(lines.get(i)).append('\n');
      }
      int j = i + 1;
      while (j < lines.size() && lines.get(j).isBlank()) {
        j++;
      }
      if (j >= lines.size() || !lines.get(j).trim().startsWith("|")) {
        continue; // a statement shown without a result (e.g. syntax) is not checked
      }
      List<List<String>> rows = new ArrayList<>();
      for (; j < lines.size() && lines.get(j).trim().startsWith("|"); j++) {
        String l = lines.get(j).trim();
        if (l.matches("\\|[-|: ]+\\|")) {
          continue;
        }
        List<String> cells = new ArrayList<>();
        for (String cell : l.substring(1, l.length() - 1).split("(?<!\\\\)\\|", -1)) {
          cells.add(cell.trim().replace("\\|", "|").replaceAll("^`(.*)`$", "$1"));
        }
        rows.add(cells);
      }
      String text = sql.toString().trim();
      out.add(new Example(start, text.endsWith(";") ? text.substring(0, text.length() - 1) : text, rows));
    }
    return out;
  }

  /** Prints a query's result as a Markdown table, for writing the reference. */
  public static void main(String[] args) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:dsap:" + EXAMPLES)) {
      for (String sql : args) {
        List<List<String>> t = table(c, sql);
        System.out.println("```sql\n" + sql + ";\n```\n");
        for (int r = 0; r < t.size(); r++) {
          System.out.println("| " + String.join(" | ", t.get(r).stream().map(x -> x.replace("|", "\\|")).toList()) + " |");
          if (r == 0) {
            System.out.println("|" + "---|".repeat(t.get(0).size()));
          }
        }
        System.out.println();
      }
    }
  }
}
