package io.dsap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsap.engine.config.SettingKey;
import io.dsap.engine.config.SettingKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md documents every key of the catalogue with its default, environment variable and an example:
 * the Keys section must equal what the catalogue renders. Run with {@code -Ddsap.docs.write=true} to rewrite it.
 */
class ConfigurationDocTest {
  static final Path DOC = Path.of("..", "docs", "configuration.md");
  static final String START = "<!-- keys:start -->\n";
  static final String END = "<!-- keys:end -->";

  @Test
  void everyKeyIsDocumentedWithDefaultEnvironmentAndExample() throws IOException {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    int start = doc.indexOf(START);
    int end = doc.indexOf(END);
    assertTrue(start >= 0 && end > start, "markers in " + DOC);
    String rendered = render();
    if (Boolean.getBoolean("dsap.docs.write")) {
      Files.writeString(DOC, doc.substring(0, start + START.length()) + rendered + doc.substring(end),
          StandardCharsets.UTF_8);
      return;
    }
    assertEquals(rendered, doc.substring(start + START.length(), end),
        "docs/configuration.md is out of date with SettingKeys; rerun this test with -Ddsap.docs.write=true");
    for (SettingKey k : SettingKeys.all()) {
      assertTrue(doc.contains("### `" + k.name() + "`"), k.name());
      assertTrue(doc.contains("| environment | `" + k.envName() + "` |"), k.name());
    }
  }

  static String render() {
    StringBuilder b = new StringBuilder();
    b.append("| key | default | environment |\n|---|---|---|\n");
    for (SettingKey k : SettingKeys.all()) {
      b.append("| [`").append(k.name()).append("`](#").append(k.name().replace(".", "")).append(") | ")
          .append(k.defaultValue().isEmpty() ? "(not set)" : "`" + k.defaultValue() + "`").append(" | `")
          .append(k.envName()).append("` |\n");
    }
    for (SettingKey k : SettingKeys.all()) {
      b.append("\n### `").append(k.name()).append("`\n\n").append(k.description()).append("\n\n")
          .append("| | |\n|---|---|\n")
          .append("| type | ").append(k.expected()).append(" |\n")
          .append("| default | ").append(k.defaultValue().isEmpty() ? "(not set)" : "`" + k.defaultValue() + "`")
          .append(" |\n")
          .append("| environment | `").append(k.envName()).append("` |\n");
      if (k.secret()) {
        b.append("| secret | yes: shown as `****` |\n");
      }
      b.append("\n```yaml\n").append(yaml(k.name(), k.example())).append("```\n");
    }
    return b.toString();
  }

  /** {@code server.limits.max_rows} and {@code 50000} as nested YAML. */
  static String yaml(String key, String value) {
    String[] parts = key.split("\\.");
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      b.append("  ".repeat(i)).append(parts[i]).append(':');
      b.append(i == parts.length - 1 ? " " + value + "\n" : "\n");
    }
    return b.toString();
  }
}
