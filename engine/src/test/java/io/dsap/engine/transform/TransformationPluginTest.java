package io.dsap.engine.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsap.engine.error.DsapException;
import io.dsap.engine.format.FormatRegistry;
import io.dsap.engine.registry.SchemaRegistry;
import io.dsap.engine.source.DataRoot;
import io.dsap.engine.validate.DataFiles;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@link Transformation} from its own jar: the docs/cleaning.md example (copied verbatim to
 * src/test/resources/transform-plugin-src) is compiled, jarred with its service file, found by
 * ServiceLoader through the jar's class loader and used by a spec; without it the spec fails
 * naming the missing plugin.
 */
class TransformationPluginTest {
  @TempDir
  Path dir;

  @Test
  void aPluginInItsOwnJarIsFoundAndUsed() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.writeString(data.resolve("people.csv"), "name,phone\nAda,+33 6 12 34 56 78\nBob,\n");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {pluginJar().toUri().toURL()},
        getClass().getClassLoader())) {
      Transformations plugins = Transformations.load(loader);
      assertEquals(List.of("mask_digits"), List.copyOf(plugins.all().keySet()));
      DataRoot root = DataRoot.of(data);
      DataTransformer t = DataTransformer.of(DataFiles.of(root, FormatRegistry.defaults()),
          SchemaRegistry.forRoot(root.path()), plugins);
      TransformSpec spec = TransformSpec.fromYaml("custom:\n  - use: mask_digits\n    column: phone\n"
          + "    with: {keep: 2}\n");
      List<Object> phones = new ArrayList<>();
      try (TransformResult r = t.transform("people.csv", spec)) {
        r.forEachRemaining(row -> phones.add(row[1]));
        TransformationReport.Entry e = DataTransformerTest.entry(r.report(), "phone", "custom");
        assertEquals("mask_digits: masks all digits but the last few", e.detail());
        assertEquals(1, e.valuesChanged());
      }
      assertEquals(java.util.Arrays.asList("+## # ## ## ## 78", null), phones);
      // the text form of named arguments reaches the same plugin (default options)
      try (TransformResult r = t.transform("people.csv", TransformSpec.of(java.util.Map.of("custom",
          "phone:mask_digits")))) {
        assertEquals("+## # ## ## 56 78", r.next()[1]);
      }
      DsapException bad = assertThrows(DsapException.class, () -> t.plan("people.csv",
          TransformSpec.of(java.util.Map.of("custom", "name:mask_digits, phone:nope"))));
      assertTrue(bad.getMessage().contains("custom transformation 'nope' is not installed (installed: mask_digits)"),
          bad.getMessage());
    }
  }

  @Test
  void withoutThePluginTheSpecFailsNamingIt() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.writeString(data.resolve("people.csv"), "name,phone\nAda,+33 6 12 34 56 78\n");
    DsapException e = assertThrows(DsapException.class, () -> DataTransformer.of(data).plan("people.csv",
        TransformSpec.of(java.util.Map.of("custom", "phone:mask_digits"))));
    assertTrue(e.getMessage().contains("custom transformation 'mask_digits' is not installed (none installed)."
        + " Put the plugin's jar on the class path next to dsap"), e.getMessage());
  }

  private Path pluginJar() throws Exception {
    Path src = Path.of("src/test/resources/transform-plugin-src/example/masking/MaskDigits.java");
    Path classes = Files.createDirectories(dir.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int rc = javac.run(null, null, null, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
        src.toString());
    assertEquals(0, rc, "the docs/cleaning.md example plugin compiles");
    Path jar = dir.resolve("mask-digits.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (Path f : Files.list(classes.resolve("example/masking")).toList()) {
        out.putNextEntry(new JarEntry("example/masking/" + f.getFileName()));
        Files.copy(f, out);
        out.closeEntry();
      }
      out.putNextEntry(new JarEntry("META-INF/services/io.dsap.engine.transform.Transformation"));
      ((OutputStream) out).write("example.masking.MaskDigits\n".getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    return jar;
  }
}
