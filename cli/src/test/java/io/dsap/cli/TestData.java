package io.dsap.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small data folders for the tests, written into a temporary directory. */
final class TestData {
  /**
   * {@code orders.csv}: three orders with an integer id, text with a comma, doubled quotes and a line break, an
   * empty field, decimals with trailing zeros, a date, a boolean and a timestamp.
   */
  static final String ORDERS_CSV = String.join("\n",
      "id,name,note,amount,ordered_on,paid,shipped_at",
      "1,plain,,9.50,2024-01-05,true,2024-01-06 10:11:12",
      "22,\"a,b\",x,10.00,2024-02-29,false,",
      "333,\"say \"\"hi\"\"\nbye\",NA,-0.25,2024-12-31,true,2024-12-31 23:59:59",
      "");

  private TestData() {
  }

  /** Writes orders.csv into {@code root} and returns {@code root}. */
  static Path orders(Path root) {
    try {
      Files.writeString(root.resolve("orders.csv"), ORDERS_CSV);
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
