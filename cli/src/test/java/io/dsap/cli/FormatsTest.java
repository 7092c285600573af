package io.dsap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Small pieces: the error paragraph and the statement clean-up. */
class FormatsTest {
  @Test
  void errorParagraphNamesEachCauseOnce() {
    SQLException error = new SQLException("Error while executing SQL \"x\": Object 'T' not found",
        new RuntimeException("Object 'T' not found", new IllegalStateException("disk on fire")));

    assertEquals(List.of("Error while executing SQL \"x\": Object 'T' not found", "disk on fire"),
        ErrorReporter.messageChain(error));
    assertEquals("dsap: SQL error: Error while executing SQL \"x\": Object 'T' not found"
        + System.lineSeparator() + "  caused by: disk on fire", ErrorReporter.describe(error, false));
  }

  @Test
  void longMessagesAreCutUnlessVerbose() {
    String longMessage = "first\n" + "line\n".repeat(40);
    String cut = ErrorReporter.describe(new SQLException(longMessage), false);
    String full = ErrorReporter.describe(new SQLException(longMessage), true);

    assertTrue(cut.contains("... 29 more lines (--verbose shows them)"), cut);
    assertTrue(cut.lines().count() <= ErrorReporter.MAX_LINES_PER_MESSAGE + 1, cut);
    assertEquals(41, full.lines().count());
  }

  @Test
  void statementLosesBlanksAndTrailingSemicolons() {
    assertEquals("SELECT 1", SqlCommand.statement("  SELECT 1 ; ;\n"));
    assertEquals("SELECT ';'", SqlCommand.statement("SELECT ';'"));
  }
}
