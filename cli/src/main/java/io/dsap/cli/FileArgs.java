package io.dsap.cli;

import io.dsap.engine.format.FormatReader;
import io.dsap.engine.format.FormatRegistry;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * FILE arguments of the commands that read data files: a file, a glob ({@code 'data/*.csv'}, {@code '**}{@code
 * /*.csv'}) or a folder (every data file under it), each relative to the data root and turned into paths relative
 * to the root, in path order.
 */
final class FileArgs {
  private FileArgs() {}

  /**
   * Expands {@code args} against the data root. With a non-dsap URL (a remote server) the arguments are passed on
   * as they are: the server resolves its own paths.
   */
  static List<String> expand(ConnectionOptions connection, List<String> args) throws IOException {
    if (!connection.jdbcUrl().startsWith(ConnectionOptions.DSAP_URL_PREFIX)
        || connection.jdbcUrl().startsWith(ConnectionOptions.DSAP_URL_PREFIX + "remote:")) {
      return List.copyOf(args);
    }
    Path root = connection.dataRoot();
    List<String> out = new ArrayList<>();
    for (String arg : args) {
      if (isGlob(arg)) {
        List<String> matches = glob(root, arg);
        if (matches.isEmpty()) {
          throw new CliException("no file under " + root + " matches '" + arg + "'");
        }
        out.addAll(matches);
      } else {
        Path p = inRoot(root, arg);
        if (Files.isDirectory(p)) {
          List<String> files = dataFiles(root, p);
          if (files.isEmpty()) {
            throw new CliException("the folder " + p + " holds no data file (" + String.join(", ", extensions())
                + ")");
          }
          out.addAll(files);
        } else {
          out.add(relative(root, arg));
        }
      }
    }
    return out;
  }

  static boolean isGlob(String arg) {
    return arg.indexOf('*') >= 0 || arg.indexOf('?') >= 0 || arg.indexOf('[') >= 0 || arg.indexOf('{') >= 0;
  }

  static List<String> glob(Path root, String pattern) throws IOException {
    String p = pattern.replace('\\', '/');
    while (p.startsWith("./")) {
      p = p.substring(2);
    }
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + p);
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .map(root::relativize)
          .filter(f -> !f.startsWith(".dsap"))
          .filter(matcher::matches)
          .map(f -> f.toString().replace('\\', '/'))
          .sorted()
          .toList();
    }
  }

  /** Every file under {@code dir} whose extension a format reads (compressed too), outside dsap's own folders. */
  static List<String> dataFiles(Path root, Path dir) throws IOException {
    Set<String> ext = extensions();
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .filter(f -> !root.relativize(f).startsWith(".dsap") && !f.getFileName().toString().startsWith("."))
          .filter(f -> ext.contains(extension(f.getFileName().toString())))
          .map(f -> root.relativize(f).toString().replace('\\', '/'))
          .sorted()
          .toList();
    }
  }

  private static Set<String> extensions() {
    Set<String> ext = new HashSet<>();
    for (FormatReader f : FormatRegistry.defaults().formats()) {
      ext.addAll(f.extensions());
    }
    return ext;
  }

  /** The extension that names the format: {@code orders.csv.gz} is {@code csv}. */
  static String extension(String name) {
    String n = name.toLowerCase(Locale.ROOT).replaceFirst("\\.(gz|zst|zstd)$", "");
    int dot = n.lastIndexOf('.');
    return dot < 0 ? "" : n.substring(dot + 1);
  }

  private static Path inRoot(Path root, String arg) {
    Path file;
    try {
      file = root.resolve(arg).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw new CliException("'" + arg + "' is not a valid path: " + e.getMessage(), e);
    }
    if (!file.startsWith(root)) {
      throw new CliException(arg + " is outside the data root " + root + ". FILE is relative to the data root;"
          + " pass --root " + (file.getParent() == null ? "/" : file.getParent()) + " to read it");
    }
    return file;
  }

  static String relative(Path root, String arg) {
    Path file = inRoot(root, arg);
    if (!Files.isRegularFile(file)) {
      throw new CliException("file not found: " + file + " (FILE is relative to the data root " + root + ")");
    }
    return root.relativize(file).toString().replace('\\', '/');
  }

  /** A SQL string literal. */
  static String literal(String s) {
    return "'" + s.replace("'", "''") + "'";
  }
}
