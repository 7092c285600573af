package io.dsap.engine.format.excel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** examples/targets.xlsx is exactly what {@link ExampleWorkbook} writes, and reads as the docs say. */
class ExampleWorkbookTest {
  @TempDir
  Path dir;

  @Test
  void theGeneratorIsDeterministicAndTheCommittedFileIsItsOutput() throws IOException {
    byte[] once = ExampleWorkbook.bytes();
    assertArrayEquals(once, ExampleWorkbook.bytes());
    Path fresh = Files.write(dir.resolve("targets.xlsx"), once);
    // compare what dsap reads rather than bytes: another JDK may compress differently
    ExcelTables committed = ExcelTables.read(ExampleWorkbook.FILE, "Targets");
    assertEquals(ExcelTables.read(fresh, "Targets").rows, committed.rows);
    assertEquals(ExcelTables.read(fresh, "Countries").rows, ExcelTables.read(ExampleWorkbook.FILE, "Countries").rows);
    assertEquals(List.of("VARCHAR", "VARCHAR", "INTEGER", "DATE"), committed.types());
    assertEquals(20, committed.rows.size());
  }
}
