package io.dsap.engine.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dsap.engine.error.DsapException;
import io.dsap.engine.error.ErrorCode;
import io.dsap.engine.error.Errors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/** Reads the setting files, dsap.yaml and .env, into raw key/value entries that know their line. */
final class SettingsFiles {
  /** Variables of the ./dsap launcher, not settings: allowed in the environment and in .env. */
  static final Set<String> LAUNCHER_VARIABLES = Set.of("DSAP_JAVA_OPTS", "DSAP_NO_BUILD");

  private static final YAMLFactory YAML = new YAMLFactory();

  private SettingsFiles() {}

  /** A value as read, before it is checked against the catalogue. */
  record Raw(String key, String text, SettingSource source, Path base) {}

  /**
   * Reads a dsap.yaml: nested maps ({@code server: {port: 8765}}) and dotted keys ({@code server.port: 8765}) both
   * name {@code server.port}; a list of scalars is joined with commas. Relative paths are relative to the file.
   */
  static List<Raw> yaml(Path file) {
    String text = read(file);
    List<Raw> raws = new ArrayList<>();
    Path base = file.toAbsolutePath().getParent();
    try (JsonParser p = YAML.createParser(text)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        return raws; // an empty file sets nothing
      }
      if (first != JsonToken.START_OBJECT) {
        throw bad(file, p.currentTokenLocation().getLineNr(),
            "the file must be a map of settings (key: value), not " + describe(first));
      }
      Deque<String> path = new ArrayDeque<>();
      readObject(p, file, base, path, raws);
    } catch (JsonProcessingException e) {
      throw bad(file, e.getLocation() == null ? -1 : e.getLocation().getLineNr(),
          "not valid YAML: " + oneLine(e.getOriginalMessage()));
    } catch (IOException e) {
      throw Errors.io(file, e);
    }
    return raws;
  }

  private static void readObject(JsonParser p, Path file, Path base, Deque<String> path, List<Raw> raws)
      throws IOException {
    for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
      String name = p.currentName();
      int line = p.currentTokenLocation().getLineNr();
      JsonToken value = p.nextToken();
      path.addLast(name);
      String key = String.join(".", path);
      if (value == JsonToken.START_OBJECT) {
        readObject(p, file, base, path, raws);
      } else if (value == JsonToken.START_ARRAY) {
        List<String> items = new ArrayList<>();
        for (JsonToken i = p.nextToken(); i != JsonToken.END_ARRAY; i = p.nextToken()) {
          if (!i.isScalarValue()) {
            throw bad(file, p.currentTokenLocation().getLineNr(), "'" + key + "' is a list of "
                + describe(i) + "s; a list may only hold plain values (e.g. root: [data, /srv/reference])");
          }
          items.add(p.getText());
        }
        raws.add(new Raw(key, String.join(",", items), where(file, line), base));
      } else {
        raws.add(new Raw(key, value == JsonToken.VALUE_NULL ? "" : p.getText(), where(file, line), base));
      }
      path.removeLast();
    }
  }

  /**
   * Reads a .env file: {@code KEY=value} lines, {@code #} comments, optional {@code export} and quotes. Only
   * {@code DSAP_*} variables are settings; the file may hold other tools' variables too.
   */
  static List<Raw> dotenv(Path file) {
    List<Raw> raws = new ArrayList<>();
    String[] lines = read(file).split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("export ")) {
        line = line.substring("export ".length()).strip();
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        throw bad(file, i + 1, "expected NAME=value, found '" + lines[i].strip() + "'");
      }
      String name = line.substring(0, eq).strip();
      if (!name.startsWith("DSAP_") || LAUNCHER_VARIABLES.contains(name)) {
        continue;
      }
      raws.add(new Raw(name, unquote(line.substring(eq + 1).strip()),
          new SettingSource(SettingSource.Layer.DOTENV, file + ":" + (i + 1)), file.toAbsolutePath().getParent()));
    }
    return raws;
  }

  private static String unquote(String v) {
    if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.charAt(v.length() - 1) == v.charAt(0)) {
      return v.substring(1, v.length() - 1);
    }
    int comment = v.indexOf(" #");
    return comment < 0 ? v : v.substring(0, comment).strip();
  }

  /** SnakeYAML's message without its source excerpts and carets, on one line. */
  private static String oneLine(String message) {
    return String.join(" ", message.lines().map(String::strip)
        .filter(l -> !l.isEmpty() && !l.equals("^") && !l.startsWith("in 'reader'")).distinct().toList());
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw Errors.io(file, e);
    }
  }

  private static SettingSource where(Path file, int line) {
    return new SettingSource(SettingSource.Layer.FILE, file + ":" + line);
  }

  private static String describe(JsonToken t) {
    return switch (t) {
      case START_ARRAY -> "a list";
      case START_OBJECT -> "a map";
      default -> "a plain value";
    };
  }

  private static DsapException bad(Path file, int line, String message) {
    return new DsapException(ErrorCode.INVALID_OPTION, file + (line > 0 ? ":" + line : "") + ": " + message);
  }
}
