package io.dsap.engine.registry;

import io.dsap.engine.error.DsapException;
import io.dsap.engine.error.ErrorCode;
import io.dsap.engine.error.Errors;
import io.dsap.engine.schema.SchemaDocument;
import io.dsap.engine.schema.SchemaParser;
import io.dsap.engine.schema.SchemaWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Versioned schemas in a folder ({@code <root>/.dsap/registry} by default): one subfolder per
 * name, one YAML file per version ({@code orders/v3.yaml}) that is a valid schema document
 * itself. A version is never rewritten: registering always adds the next one. Writes hold a lock
 * (threads and processes) and go through a temporary file renamed into place, so concurrent
 * writers never lose a version and readers never see half a file. Deleting is soft: a
 * {@code deleted} marker hides the name from the list and from "latest"; its versions stay
 * readable as {@code name@n}, and registering again restores it.
 */
public final class SchemaRegistry {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}");
  private static final Pattern VERSION_FILE = Pattern.compile("v(\\d+)\\.yaml");
  private static final Pattern REF = Pattern.compile("(.+?)(?:@v?(\\d+))?");
  private static final String DELETED = "deleted";

  private final Path dir;
  private final Clock clock;

  public SchemaRegistry(Path dir, Clock clock) {
    this.dir = dir;
    this.clock = clock;
  }

  /** The registry of a data root: {@code <root>/.dsap/registry}. */
  public static SchemaRegistry forRoot(Path root) {
    return new SchemaRegistry(root.resolve(".dsap").resolve("registry"), Clock.systemUTC());
  }

  public Path dir() {
    return dir;
  }

  /** Stores {@code doc} as the next version of {@code name}; {@code source} says where it came from. */
  public SchemaVersion register(String name, SchemaDocument doc, String source) {
    checkName(name);
    Path folder = dir.resolve(name);
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw Errors.io(folder, e);
    }
    try (RegistryLock lock = RegistryLock.acquire(dir)) {
      int next = versionNumbers(folder).stream().max(Integer::compare).orElse(0) + 1;
      String at = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString();
      SchemaDocument stored = doc.withRegistration(name, next, at, source);
      Path target = folder.resolve("v" + next + ".yaml");
      writeAtomically(target, "# dsap schema registry: " + name + " version " + next
          + ". Never edited in place: register a new version instead.\n" + SchemaWriter.yaml(stored));
      Files.deleteIfExists(folder.resolve(DELETED));
      return new SchemaVersion(name, next, at, source, stored, target);
    } catch (IOException e) {
      throw Errors.io(folder, e);
    }
  }

  /** {@code name} (latest, unless deleted) or {@code name@3} (that version, deleted or not). */
  public SchemaVersion get(String ref) {
    Matcher m = REF.matcher(ref.trim());
    if (!m.matches()) {
      throw notFound(ref, "");
    }
    String name = m.group(1);
    if (!NAME.matcher(name).matches()) {
      throw notFound(ref, "");
    }
    Path folder = dir.resolve(name);
    List<Integer> versions = versionNumbers(folder);
    if (versions.isEmpty()) {
      throw notFound(ref, "");
    }
    if (m.group(2) == null) {
      if (Files.exists(folder.resolve(DELETED))) {
        throw notFound(ref, " (it was deleted; its versions are kept: use " + name + "@"
            + versions.get(versions.size() - 1) + ", or register it again)");
      }
      return read(name, versions.get(versions.size() - 1));
    }
    int v = Integer.parseInt(m.group(2));
    if (!versions.contains(v)) {
      throw notFound(ref, " (versions of " + name + ": " + versions + ")");
    }
    return read(name, v);
  }

  /** Every version of {@code name}, oldest first. */
  public List<SchemaVersion> history(String name) {
    checkName(name);
    List<SchemaVersion> out = new ArrayList<>();
    for (int v : versionNumbers(dir.resolve(name))) {
      out.add(read(name, v));
    }
    return out;
  }

  /** The registered schemas, by name; deleted ones included (flagged). */
  public List<SchemaEntry> list() {
    List<SchemaEntry> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> s = Files.list(dir)) {
      for (Path folder : s.filter(Files::isDirectory).sorted().toList()) {
        String name = folder.getFileName().toString();
        List<Integer> versions = versionNumbers(folder);
        if (versions.isEmpty() || !NAME.matcher(name).matches()) {
          continue;
        }
        SchemaVersion latest = read(name, versions.get(versions.size() - 1));
        out.add(new SchemaEntry(name, latest.version(), versions.size(), latest.registeredAt(),
            Files.exists(folder.resolve(DELETED))));
      }
    } catch (IOException e) {
      throw Errors.io(dir, e);
    }
    return out;
  }

  /** Soft delete: hides {@code name} from "latest"; its versions stay. */
  public void delete(String name) {
    checkName(name);
    Path folder = dir.resolve(name);
    if (versionNumbers(folder).isEmpty()) {
      throw notFound(name, "");
    }
    try (RegistryLock lock = RegistryLock.acquire(dir)) {
      writeAtomically(folder.resolve(DELETED), "deleted_at: " + Instant.now(clock) + "\n");
    }
  }

  private SchemaVersion read(String name, int v) {
    Path file = dir.resolve(name).resolve("v" + v + ".yaml");
    SchemaDocument doc = SchemaParser.read(file, ".dsap/registry/" + name + "/v" + v + ".yaml");
    return new SchemaVersion(name, v, doc.registeredAt(), doc.source(), doc, file);
  }

  private static List<Integer> versionNumbers(Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> VERSION_FILE.matcher(p.getFileName().toString()))
          .filter(Matcher::matches)
          .map(m -> Integer.parseInt(m.group(1)))
          .sorted(Comparator.naturalOrder())
          .toList();
    } catch (IOException e) {
      throw Errors.io(folder, e);
    }
  }

  private static void writeAtomically(Path target, String text) {
    Path temp = target.resolveSibling(".tmp-" + UUID.randomUUID() + "-" + target.getFileName());
    try {
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target);
      }
    } catch (IOException e) {
      throw Errors.io(target, e);
    } finally {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException ignored) {
        // hidden and unique; harmless if left
      }
    }
  }

  private static void checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new DsapException(ErrorCode.INVALID_OPTION, "schema name '" + name + "' is not valid: use letters,"
          + " digits, '_', '-' and '.', starting with a letter, digit or '_' (at most 100 characters), e.g. orders.");
    }
  }

  private DsapException notFound(String ref, String detail) {
    List<String> names = list().stream().filter(e -> !e.deleted()).map(SchemaEntry::name).toList();
    return new DsapException(ErrorCode.SCHEMA_NOT_FOUND, "schema '" + ref + "' is not registered" + detail
        + ". Registered: " + (names.isEmpty() ? "none" : String.join(", ", names)) + ". Register one with SELECT *"
        + " FROM register_schema('name', 'file.csv'), or name a schema file (orders.schema.yaml).");
  }
}
