package io.dsap.server.remote;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** A data root for the remote tests: the bundled examples plus a generated numbers file. */
public final class TestFiles {
  private TestFiles() {}

  public static Path examples() {
    return Path.of(System.getProperty("dsap.examples", "../examples")).toAbsolutePath().normalize();
  }

  /** Copies the examples into {@code dir} and writes {@code big.csv} with {@code rows} rows. */
  public static Path root(Path dir, int rows) throws IOException {
    for (String f : new String[] {"orders.csv", "customers.csv", "products.parquet"}) {
      Files.copy(examples().resolve(f), dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
    }
    writeNumbers(dir.resolve("big.csv"), rows);
    return dir;
  }

  /**
   * {@code id,v,label}: id 0..rows-1, v = id mod 1000, label = one of eight words by id mod 8.
   * Sums and counts are therefore known in closed form.
   */
  public static void writeNumbers(Path file, int rows) throws IOException {
    String[] labels = {"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"};
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("id,v,label\n");
      StringBuilder line = new StringBuilder(32);
      for (int i = 0; i < rows; i++) {
        line.setLength(0);
        line.append(i).append(',').append(i % 1000).append(',').append(labels[i % 8]).append('\n');
        w.write(line.toString());
      }
    }
  }

  /** Sum of v over the first {@code rows} ids. */
  static long sumOfV(int rows) {
    long full = rows / 1000;
    long rest = rows % 1000;
    return full * (999L * 1000 / 2) + (rest - 1) * rest / 2;
  }
}
