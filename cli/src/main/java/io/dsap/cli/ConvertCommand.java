package io.dsap.cli;

import io.dsap.engine.api.DataReader;
import io.dsap.engine.api.FileInfo;
import io.dsap.engine.batch.Batch;
import io.dsap.engine.csv.ScanStats;
import io.dsap.engine.rejects.Reject;
import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.write.AtomicFileWriter;
import io.dsap.engine.write.FileWriterFormat;
import io.dsap.engine.write.OutputColumn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code dsap data convert}: reads data files with detection and writes them as CSV, JSON (NDJSON) or Parquet
 * through the engine's writers. Each output appears whole or not at all (a temporary file renamed into place).
 */
@Command(name = "convert", mixinStandardHelpOptions = true,
    description = {
        "Convert data files to CSV, JSON (one object per line) or Parquet, with the detected types.",
        "The output format comes from OUT's extension (.csv, .json/.ndjson/.jsonl, .parquet) or --to.",
        "FILE is relative to the data root; OUT is relative to the current directory. With a glob or a folder,",
        "OUT is a folder and each file keeps its relative path with the new extension.",
        "Each output is written to a temporary file and renamed into place: it is complete or absent.",
        "Rows that do not fit the detected types are not written; their count is printed on stderr."},
    footer = {"", "Examples:",
        "  dsap data convert examples/orders.csv orders.parquet",
        "  dsap data convert examples/customers.csv customers.json",
        "  dsap data convert 'examples/*.csv' parquet-out/ --to parquet",
        "  dsap data convert --force examples/orders.csv orders.csv.out --to csv"})
final class ConvertCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(ConvertCommand.class);
  /** How many rejected rows are shown on stderr. */
  static final int SHOWN_REJECTS = 3;

  @ParentCommand
  DataCommand parent;
  @Mixin
  ConnectionOptions connection;
  @Mixin
  VerboseOption verbose;

  @Parameters(index = "0", paramLabel = "FILE", description = "A data file, glob or folder, relative to the data root.")
  String file;

  @Parameters(index = "1", paramLabel = "OUT", description = "The output file (or folder, for several inputs).")
  Path out;

  @Option(names = "--to", paramLabel = "FORMAT",
      description = "Output format: csv, json or parquet (default: from OUT's extension).")
  String to;

  @Option(names = {"-f", "--force"}, description = "Replace an existing output file.")
  boolean force;

  @Override
  public Integer call() throws IOException {
    Main main = parent.main;
    String url = connection.jdbcUrl();
    if (!url.startsWith(ConnectionOptions.DSAP_URL_PREFIX) || url.startsWith(ConnectionOptions.DSAP_URL_PREFIX + "remote:")) {
      throw new CliException("dsap data convert reads local files: use --root, not --url " + url);
    }
    Path root = connection.dataRoot();
    List<String> inputs = FileArgs.expand(connection, List.of(file));
    boolean many = inputs.size() > 1 || FileArgs.isGlob(file) || Files.isDirectory(root.resolve(file));
    Path target = out.toAbsolutePath().normalize();
    if (many && Files.isRegularFile(target)) {
      throw new CliException("OUT must be a folder when converting several files: " + target + " is a file");
    }
    String extension = extension(target, many);
    List<Path[]> plan = new ArrayList<>();
    for (String input : inputs) {
      Path dest = many ? target.resolve(withExtension(input, extension)) : target;
      if (Files.exists(dest) && !force) {
        throw new CliException(dest + " exists; pass --force to replace it");
      }
      if (dest.equals(root.resolve(input).toAbsolutePath().normalize())) {
        throw new CliException("OUT " + dest + " is the input file itself; choose another name");
      }
      plan.add(new Path[] {Path.of(input), dest});
    }
    DataReader reader = DataReader.of(root);
    for (Path[] step : plan) {
      convert(main, reader, step[0].toString().replace('\\', '/'), step[1], root);
    }
    return ExitCodes.OK;
  }

  private String extension(Path target, boolean many) {
    if (to != null) {
      String t = to.toLowerCase(java.util.Locale.ROOT);
      if (!List.of("csv", "json", "ndjson", "jsonl", "parquet").contains(t)) {
        throw new CliException("--to " + to + " is not a format dsap writes: use csv, json or parquet");
      }
      return t.equals("ndjson") || t.equals("jsonl") ? "json" : t;
    }
    if (many) {
      throw new CliException("give --to csv|json|parquet when converting several files into a folder");
    }
    return FileArgs.extension(target.getFileName().toString());
  }

  private static String withExtension(String input, String extension) {
    String name = input.replaceFirst("\\.(gz|zst|zstd)$", "");
    int dot = name.lastIndexOf('.');
    int slash = name.lastIndexOf('/');
    return (dot > slash ? name.substring(0, dot) : name) + "." + extension;
  }

  private void convert(Main main, DataReader reader, String input, Path dest, Path root) {
    MDC.put("file", input);
    long start = System.nanoTime();
    FileInfo info = reader.getFileInfo(input, Map.of());
    List<ColumnSpec> specs = info.columns();
    List<OutputColumn> columns = new ArrayList<>();
    for (ColumnSpec c : specs) {
      columns.add(new OutputColumn(c.name(), OutputColumn.sqlType(c.type()), c.precision(), c.scale()));
    }
    // the engine picks the writer by the file name: with --to and another extension, write a hidden file named for
    // the format next to OUT and rename it into place once it is complete
    String ext = to == null ? FileArgs.extension(dest.getFileName().toString()) : to.toLowerCase(java.util.Locale.ROOT);
    boolean renamed = !FileArgs.extension(dest.getFileName().toString()).equals(ext);
    Path written = renamed ? dest.resolveSibling(".dsap-convert-" + java.util.UUID.randomUUID() + "." + ext) : dest;
    FileWriterFormat format = AtomicFileWriter.formatFor(written);
    List<Reject> rejects = new ArrayList<>();
    long[] rejected = {0};
    long size = sizeOf(root.resolve(input));
    ScanStats stats;
    try (AtomicFileWriter w = AtomicFileWriter.open(written, columns);
        Progress progress = Progress.start(main.showProgress(), "convert " + input, size, "MB", 1 << 20,
            main.io().err())) {
      Object[] row = new Object[specs.size()];
      stats = reader.readChunked(input, Map.of(), (Batch batch) -> {
        for (int r = 0; r < batch.rowCount(); r++) {
          for (int c = 0; c < row.length; c++) {
            row[c] = jdbcValue(specs.get(c), batch.column(c).get(r));
          }
          w.write(row);
        }
      }, reject -> {
        if (rejects.size() < SHOWN_REJECTS) {
          rejects.add(reject);
        }
        rejected[0]++;
      }, progress);
      w.commit();
      if (renamed) {
        moveIntoPlace(written, dest);
      }
    } finally {
      if (renamed) {
        deleteQuietly(written);
      }
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    MDC.put("duration_ms", Long.toString(ms));
    LOG.info("converted {} to {} ({}): {} rows", input, dest, format.name(), stats.rowsReturned());
    MDC.remove("duration_ms");
    MDC.remove("file");
    if (!main.quiet()) {
      main.io().err().println(input + " -> " + dest + ": " + ValidateCommand.plural(stats.rowsReturned(), "row")
          + " written as " + format.name()
          + (stats.rowsRejected() > 0 ? ", " + ValidateCommand.plural(stats.rowsRejected(), "row")
              + " rejected (not written; dsap validate " + input + " lists them)" : ""));
      for (Reject r : rejects) {
        main.io().err().println("  line " + r.line() + (r.column() == null ? "" : ", column " + r.column())
            + ": " + r.reason());
      }
    }
  }

  private static void moveIntoPlace(Path from, Path to) {
    try {
      try {
        Files.move(from, to, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      } catch (java.nio.file.AtomicMoveNotSupportedException e) {
        Files.move(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new CliException("cannot move the converted file into place at " + to + ": " + e.getMessage(), e);
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // a hidden, uniquely named leftover; nothing more to do
    }
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return -1;
    }
  }

  /**
   * The engine's batch value as the JDBC value the writers take: dates are days since 1970-01-01, timestamps and
   * times milliseconds (wall clock, no time zone), as in Calcite.
   */
  static Object jdbcValue(ColumnSpec c, Object v) {
    if (v == null) {
      return null;
    }
    return switch (c.type()) {
      case DATE -> Date.valueOf(LocalDate.ofEpochDay(((Number) v).longValue()));
      case TIMESTAMP -> {
        long ms = ((Number) v).longValue();
        yield Timestamp.valueOf(LocalDateTime.ofEpochSecond(Math.floorDiv(ms, 1000L),
            (int) Math.floorMod(ms, 1000L) * 1_000_000, ZoneOffset.UTC));
      }
      case TIME -> Time.valueOf(LocalTime.ofNanoOfDay(((Number) v).longValue() * 1_000_000L));
      default -> v;
    };
  }
}
