package io.dsap.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code ValidationRule} from a separate jar: the IBAN example of docs/schemas.md (copied
 * verbatim to src/test/resources/plugin-src) is compiled into its own jar, put on the class path
 * of a fresh JVM next to dsap, found by ServiceLoader and used by a schema's {@code checks:}.
 * Without the jar the same schema fails the statement with a message naming the missing plugin.
 */
class ValidationPluginTest {
  private static final String CSV = "id,account\n"
      + "1,DE89370400440532013000\n"        // valid
      + "2,DE89370400440532013001\n"        // check sum wrong
      + "3,GB82WEST12345698765432\n"        // valid, but not DE
      + "4,\n"                              // null: not tested
      + "5,DE89 3704 0044 0532 0130 00\n";  // valid, with spaces

  private static final String SCHEMA = "columns:\n"
      + "  - {name: id, type: INTEGER, nullable: false}\n"
      + "  - {name: account, type: VARCHAR}\n"
      + "checks:\n"
      + "  - {use: iban, column: account, with: {country: DE}, severity: warning}\n";

  @TempDir
  Path dir;

  @Test
  void aValidationRuleInItsOwnJarIsDiscoveredAndUsed() throws Exception {
    String out = probe(buildPluginJar());
    assertTrue(out.contains("issues=["
        + "[3, account, iban, warning, DE89370400440532013001, an IBAN of DE,"
        + " account 'DE89370400440532013001': the check sum is wrong], "
        + "[4, account, iban, warning, GB82WEST12345698765432, an IBAN of DE,"
        + " account 'GB82WEST12345698765432': not a DE IBAN]]"), out);
    assertTrue(out.contains("summary=[[iban, 4, 2, warn]]"), out);
  }

  @Test
  void withoutTheJarTheSchemaFailsNamingTheMissingPlugin() throws Exception {
    String out = probe(null);
    assertTrue(out.contains("error="), out);
    assertTrue(out.contains("check 'use: iban' names no installed rule plugin (none installed)."
        + " Put the plugin's jar on the class path next to dsap"), out);
  }

  private String probe(Path jar) throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.writeString(data.resolve("accounts.csv"), CSV);
    Files.writeString(data.resolve("accounts.schema.yaml"), SCHEMA);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp = System.getProperty("java.class.path") + (jar == null ? "" : File.pathSeparator + jar);
    Process p = new ProcessBuilder(java, "-cp", cp, ValidationPluginProbe.class.getName(), data.toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), out);
    assertEquals(0, p.exitValue(), out);
    return out;
  }

  private Path buildPluginJar() throws IOException {
    Path src = Path.of("src/test/resources/plugin-src/example/iban/IbanRule.java");
    Path classes = Files.createDirectories(dir.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int rc = javac.run(null, null, null, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
        src.toString());
    assertEquals(0, rc, "the docs/schemas.md example plugin compiles");
    Path jar = dir.resolve("dsap-iban-rule.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      Path cls = classes.resolve("example/iban");
      for (Path f : Files.list(cls).toList()) {
        out.putNextEntry(new JarEntry("example/iban/" + f.getFileName()));
        Files.copy(f, out);
        out.closeEntry();
      }
      out.putNextEntry(new JarEntry("META-INF/services/io.dsap.engine.validate.ValidationRule"));
      ((OutputStream) out).write("example.iban.IbanRule\n".getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    return jar;
  }
}
