package io.dsap.engine.format.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dsap.engine.format.FileProbe;
import io.dsap.engine.format.FormatRegistry;
import io.dsap.engine.format.Match;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files are JSON: content that parses as JSON wins, whatever the extension. */
class JsonProbeTest {
  @TempDir
  Path dir;

  private Match probe(String name, String content) throws IOException {
    Path f = Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    return new JsonFormat().probe(FormatRegistry.probe(f));
  }

  private String detected(String name, String content) throws IOException {
    Path f = Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    return FormatRegistry.defaults().detect(f).name();
  }

  @Test
  void jsonContentIsMagic() throws IOException {
    assertEquals(Match.MAGIC, probe("a.txt", "  [{\"a\": 1}, {\"a\": 2}]"));
    assertEquals(Match.MAGIC, probe("b", "{\"a\": 1}\n{\"a\": 2}\n"));
    assertEquals(Match.MAGIC, probe("c", "{\"a\": \"" + "x".repeat(FileProbe.HEAD_BYTES) + "\"}"),
        "a first record longer than the probe");
  }

  @Test
  void textThatOnlyStartsLikeJsonIsNot() throws IOException {
    assertEquals(Match.NONE, probe("d", "[a],b\n[c],d\n"));
    assertEquals(Match.NONE, probe("e", "{x} is a set\n"));
    assertEquals(Match.EXTENSION, probe("f.json", "not json at all"));
    assertEquals(Match.NONE, probe("g.csv", "id,name\n1,a\n"));
  }

  @Test
  void csvSniffingDoesNotStealJsonFiles() throws IOException {
    assertEquals("json", detected("events", "{\"id\": 1, \"name\": \"a, b\"}\n{\"id\": 2, \"name\": \"c\"}\n"));
    assertEquals("json", detected("list.txt", "[{\"id\": 1}]"));
    assertEquals("json", detected("x.jsonl", "{\"id\": 1}\n"));
    assertEquals("csv", detected("plain", "id,name\n1,a\n"));
  }
}
