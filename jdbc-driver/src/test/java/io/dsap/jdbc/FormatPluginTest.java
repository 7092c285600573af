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
 * A format from a separate jar: the example in docs/formats.md is compiled into its own jar, put
 * on the class path of a fresh JVM next to dsap, and found by ServiceLoader: its files become
 * tables, {@code read_kv} exists, and its rejects are visible.
 */
class FormatPluginTest {
  @TempDir
  Path dir;

  @Test
  void aFormatReaderInItsOwnJarIsDiscovered() throws Exception {
    Path jar = buildPluginJar();
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.writeString(data.resolve("settings.kv"), "timeout=30\nretries=3\nnot a pair\nhost=db.local\n");

    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp = System.getProperty("java.class.path") + File.pathSeparator + jar;
    Process p = new ProcessBuilder(java, "-cp", cp, PluginProbe.class.getName(), data.toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), out);
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains("rows=[[host, db.local], [retries, 3], [timeout, 30]]"), out);
    assertTrue(out.contains("read_kv=[[3]]"), out);
    assertTrue(out.contains("rejects=[[3, settings.kv:3: expected key=value]]"), out);
    assertTrue(out.contains("format=kv"), out);
  }

  private Path buildPluginJar() throws IOException {
    Path src = Path.of("src/test/resources/plugin-src/example/kv/KvFormat.java");
    Path classes = Files.createDirectories(dir.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int rc = javac.run(null, null, null, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
        src.toString());
    assertEquals(0, rc, "the example plugin compiles");
    Path jar = dir.resolve("dsap-kv-format.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      Path cls = classes.resolve("example/kv");
      for (Path f : Files.list(cls).toList()) {
        out.putNextEntry(new JarEntry("example/kv/" + f.getFileName()));
        Files.copy(f, out);
        out.closeEntry();
      }
      out.putNextEntry(new JarEntry("META-INF/services/io.dsap.engine.format.FormatReader"));
      ((OutputStream) out).write("example.kv.KvFormat\n".getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    return jar;
  }

}
