package io.dsap.engine.format.parquet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/products.parquet is generated here, byte for byte: the test fails when the committed
 * file differs. {@code mvn -pl engine test -Dtest=ExampleParquetTest -Ddsap.writeExamples=true}
 * writes it again.
 */
class ExampleParquetTest {
  static final Path FILE = Path.of("../examples/products.parquet");

  static final String SCHEMA = """
      message products {
        required int32 product_id;
        required binary name (STRING);
        required binary category (STRING);
        optional int32 price (DECIMAL(9,2));
        optional int32 launched (DATE);
        required boolean in_stock;
        optional double weight_kg;
        optional group tags (LIST) {
          repeated group list {
            optional binary element (STRING);
          }
        }
      }
      """;

  /** product_id, name, category, price in cents, launched (yyyy-mm-dd), in stock, weight (kg), tags. */
  static final Object[][] ROWS = {
      {1, "Espresso machine", "kitchen", 24900, "2023-03-01", true, 7.5, new String[] {"coffee", "gift"}},
      {2, "Burr grinder", "kitchen", 12900, "2023-05-15", true, 3.2, new String[] {"coffee"}},
      {3, "E-book: Home Barista", "books", 1299, "2024-01-10", true, null, new String[] {}},
      {4, "Milk frother", "kitchen", 3450, "2022-11-20", false, 0.4, null},
      {5, "Travel mug", "outdoor", 1999, "2024-02-01", true, 0.35, new String[] {"gift", "travel"}},
      {6, "Cold brew kit", "kitchen", 4500, null, true, 1.1, new String[] {"coffee", "summer"}},
      {7, "Gift card", "gifts", null, "2021-06-01", true, null, new String[] {"gift"}},
      {8, "Camping stove", "outdoor", 8900, "2023-08-30", false, 2.7, new String[] {"travel"}}};

  static void write(Path file) {
    ParquetFixtures.write(file, SCHEMA, ROWS.length, 1 << 20, CompressionCodecName.SNAPPY, ExampleParquetTest::row);
  }

  private static void row(int i, Group g) {
    Object[] r = ROWS[i];
    g.append("product_id", (Integer) r[0]).append("name", (String) r[1]).append("category", (String) r[2]);
    if (r[3] != null) {
      g.append("price", (Integer) r[3]);
    }
    if (r[4] != null) {
      g.append("launched", (int) java.time.LocalDate.parse((String) r[4]).toEpochDay());
    }
    g.append("in_stock", (Boolean) r[5]);
    if (r[6] != null) {
      g.append("weight_kg", (Double) r[6]);
    }
    if (r[7] != null) {
      Group tags = g.addGroup("tags");
      for (String t : (String[]) r[7]) {
        tags.addGroup("list").append("element", t);
      }
    }
  }

  @Test
  void theExampleFileIsWhatTheGeneratorWrites(@TempDir Path dir) throws IOException {
    if (Boolean.getBoolean("dsap.writeExamples")) {
      Files.deleteIfExists(FILE);
      write(FILE);
    }
    Path fresh = dir.resolve("products.parquet");
    write(fresh);
    assertArrayEquals(Files.readAllBytes(fresh), Files.readAllBytes(FILE),
        "examples/products.parquet is out of date: run this test with -Ddsap.writeExamples=true");
  }
}
