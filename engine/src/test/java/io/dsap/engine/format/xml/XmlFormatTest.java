package io.dsap.engine.format.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsap.engine.batch.Batch;
import io.dsap.engine.csv.ScanStats;
import io.dsap.engine.error.DsapException;
import io.dsap.engine.error.ErrorCode;
import io.dsap.engine.format.BatchReader;
import io.dsap.engine.format.FormatOptions;
import io.dsap.engine.format.FormatRegistry;
import io.dsap.engine.format.Match;
import io.dsap.engine.format.ProgressListener;
import io.dsap.engine.format.TableSource;
import io.dsap.engine.rejects.Reject;
import io.dsap.engine.rejects.RejectLog;
import io.dsap.engine.types.ColumnSpec;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** XML files as tables: the row element, attributes, namespaces, nesting, rejects and XXE safety. */
class XmlFormatTest {
  @TempDir
  Path dir;

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  private static TableSource open(Path f, Map<String, ?> options) {
    return new XmlFormat().open(f, f.getFileName().toString(), "", FormatOptions.of(options));
  }

  private static Map<String, String> types(TableSource t) {
    Map<String, String> m = new LinkedHashMap<>();
    for (ColumnSpec c : t.columns()) {
      m.put(c.name(), c.typeText());
    }
    return m;
  }

  record Read(List<Map<String, Object>> rows, List<Long> lines, ScanStats stats) {}

  private static Read read(TableSource t, RejectLog rejects) {
    int n = t.columns().size();
    int[] all = java.util.stream.IntStream.range(0, n).toArray();
    List<Map<String, Object>> rows = new ArrayList<>();
    List<Long> lines = new ArrayList<>();
    try (BatchReader r = t.open(all, rejects, ProgressListener.NONE)) {
      Batch b;
      while ((b = r.next()) != null) {
        for (int row = 0; row < b.rowCount(); row++) {
          Map<String, Object> m = new LinkedHashMap<>();
          for (int c = 0; c < n; c++) {
            m.put(t.columns().get(c).name(), b.column(c).get(row));
          }
          rows.add(m);
          lines.add(b.line(row));
        }
      }
      return new Read(rows, lines, r.stats());
    }
  }

  static final String CATALOG = """
      <?xml version="1.0" encoding="UTF-8"?>
      <cat:catalog xmlns:cat="urn:example:catalog" xmlns="urn:example:books"
                   xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
        <cat:book id="b1" lang="en">
          <title>Dune</title>
          <price currency="USD">9.99</price>
          <published>1965-08-01</published>
          <isbn>0441013597</isbn>
          <author><name>Frank Herbert</name><born>1920</born></author>
        </cat:book>
        <cat:book id="b2" lang="fr">
          <title><![CDATA[L'Étranger & co]]></title>
          <price currency="EUR">7.50</price>
          <published xsi:nil="true"/>
          <isbn>2070360024</isbn>
          <author><name>Albert Camus</name><born>1913</born></author>
        </cat:book>
        <cat:book id="b3" lang="en">
          <title>Empty price</title>
          <price currency="USD"></price>
          <published>2001-01-01</published>
          <isbn>0000000001</isbn>
          <author><name>Anon</name><born/></author>
        </cat:book>
      </cat:catalog>
      """;

  @Test
  void attributesChildrenAndNamespacesBecomeColumns() throws IOException {
    TableSource t = open(write("catalog.xml", CATALOG), Map.of());
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("id", "VARCHAR");
    expected.put("lang", "VARCHAR");
    expected.put("title", "VARCHAR");
    expected.put("price.currency", "VARCHAR");
    expected.put("price", "DECIMAL(18,2)");
    expected.put("published", "DATE");
    expected.put("isbn", "VARCHAR");
    expected.put("author.name", "VARCHAR");
    expected.put("author.born", "INTEGER");
    assertEquals(expected, types(t));
    assertEquals("book", t.describe().get("row_tag"), "namespace prefixes are dropped");
    assertEquals("catalog", t.describe().get("root"));
    assertEquals("UTF-8", t.describe().get("encoding"));
    assertTrue(t.flags().contains("leading_zeros"), t.flags().toString());

    Read r = read(t, new RejectLog(10));
    assertEquals(3, r.rows().size());
    Map<String, Object> b2 = r.rows().get(1);
    assertEquals("b2", b2.get("id"));
    assertEquals("L'Étranger & co", b2.get("title"));
    assertEquals(new BigDecimal("7.50"), b2.get("price"));
    assertEquals("EUR", b2.get("price.currency"));
    assertNull(b2.get("published"), "xsi:nil is NULL");
    assertEquals("Albert Camus", b2.get("author.name"));
    assertNull(r.rows().get(2).get("price"), "an empty element is NULL");
    assertNull(r.rows().get(2).get("author.born"));
    assertEquals("0000000001", r.rows().get(2).get("isbn"));
    assertEquals(List.of(4L, 11L, 18L), r.lines());
  }

  @Test
  void theRowElementIsTheRepeatedOneNearestTheRoot() throws IOException {
    Path f = write("api.xml", """
        <response>
          <meta><page>1</page><note>a</note><note>b</note><note>c</note></meta>
          <items>
            <item sku="A"><qty>1</qty></item>
            <item sku="B"><qty>2</qty></item>
          </items>
        </response>
        """);
    TableSource t = open(f, Map.of());
    assertEquals("note", t.describe().get("row_tag"), "note repeats 3 times at the same depth as item's 2");
    TableSource items = open(f, Map.of("row_tag", "item"));
    assertEquals(Map.of("sku", "VARCHAR", "qty", "INTEGER"), Map.copyOf(types(items)));
    assertEquals(2, read(items, new RejectLog(1)).rows().size());
    DsapException e = assertThrows(DsapException.class, () -> open(f, Map.of("row_tag", "product")));
    assertTrue(e.getMessage().contains("option row_tag => 'product' is not valid: expected the local name of an"
        + " element of api.xml, but no element is called that (its root is <response>)"), e.getMessage());

    Path one = write("config.xml", "<config><host>db</host><port>5432</port></config>");
    TableSource c = open(one, Map.of());
    assertEquals("config", c.describe().get("row_tag"));
    assertEquals(List.of(Map.of("host", "db", "port", 5432)), read(c, new RejectLog(1)).rows());
  }

  @Test
  void repeatedChildrenBecomeJsonArraysAndDeeperElementsStayXml() throws IOException {
    Path f = write("books.xml", """
        <books>
          <book><title>A</title><tag>x</tag><tag>y</tag><extra><note lang="en">hi</note><deep><z>1</z></deep></extra></book>
          <book><title>B</title><tag>z</tag></book>
        </books>
        """);
    TableSource t = open(f, Map.of());
    Read r = read(t, new RejectLog(1));
    assertEquals("[\"x\",\"y\"]", r.rows().get(0).get("tag"));
    assertEquals("[\"z\"]", r.rows().get(1).get("tag"));
    assertEquals("<note lang=\"en\">hi</note>", r.rows().get(0).get("extra.note"));
    assertEquals("<deep><z>1</z></deep>", r.rows().get(0).get("extra.deep"));
  }

  @Test
  void rowsThatDoNotFitAreRejectedWithTheirLine() throws IOException {
    Path f = write("orders.xml", """
        <orders>
          <order id="1"><qty>1</qty></order>
          <order id="2"><qty>2</qty></order>
          <order id="3"><qty>three</qty></order>
          <order id="4"><qty>4</qty><qty>5</qty></order>
          <order id="5"><qty>5</qty><gift>yes</gift></order>
        </orders>
        """);
    TableSource t = open(f, Map.of("sample_size", 2));
    RejectLog rejects = new RejectLog(10);
    Read r = read(t, rejects);
    assertEquals(new ScanStats(5, 3, 2), r.stats());
    Reject three = rejects.rejects().get(0);
    assertEquals(4, three.line());
    assertEquals("qty", three.column());
    assertEquals("three", three.value());
    assertEquals("<order id=\"3\"><qty>three</qty></order>", three.rawRecord());
    assertTrue(three.reason().startsWith("orders.xml:4: value 'three' in column qty (INTEGER) is not a whole number"),
        three.reason());
    Reject twice = rejects.rejects().get(1);
    assertTrue(twice.reason().contains("element qty appears 2 times in this row"), twice.reason());
    assertTrue(t.describe().get("skipped_fields").toString().startsWith("[gift]"), t.describe().toString());
  }

  @Test
  void aMalformedDocumentFailsWithLineAndColumn() throws IOException {
    Path f = write("bad.xml", "<rows>\n  <row><a>1</a></row>\n  <row><a>2</b></row>\n</rows>\n");
    DsapException e = assertThrows(DsapException.class, () -> read(open(f, Map.of("row_tag", "row")),
        new RejectLog(1)));
    assertEquals(ErrorCode.MALFORMED_DATA, e.code());
    assertTrue(e.getMessage().startsWith("DSAP-1008: bad.xml:3:"), e.getMessage());
    assertTrue(e.getMessage().contains("not well-formed: Unexpected close tag </b>; expected </a>"), e.getMessage());
  }

  @Test
  void externalEntitiesAreNeverRead() throws IOException {
    Path secret = write("secret.txt", "TOP-SECRET-CONTENT");
    Path xxe = write("xxe.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE rows [ <!ENTITY xxe SYSTEM \"" + secret.toUri()
        + "\"> ]>\n<rows><row><a>&xxe;</a></row><row><a>2</a></row></rows>\n");
    DsapException e = assertThrows(DsapException.class, () -> read(open(xxe, Map.of()), new RejectLog(1)));
    assertTrue(e.getMessage().contains("xxe.xml:3:") && e.getMessage().contains("entity '&xxe;' is not defined")
        && e.getMessage().contains("(XXE)"), e.getMessage());
    assertFalse(e.getMessage().contains("TOP-SECRET"), e.getMessage());

    Path passwd = write("passwd.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE rows SYSTEM \"file:///etc/passwd\">\n"
        + "<rows><row><a>&xxe;</a></row></rows>\n");
    DsapException p = assertThrows(DsapException.class, () -> read(open(passwd, Map.of()), new RejectLog(1)));
    assertFalse(p.getMessage().contains("root:"), p.getMessage());
  }

  @Test
  void internalEntitiesAreNotExpandedEither() throws IOException {
    StringBuilder doc = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE rows [\n <!ENTITY lol \"lol\">\n");
    for (int i = 1; i <= 9; i++) {
      doc.append(" <!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
          .append("\">\n");
    }
    doc.append("]>\n<rows><row><a>&lol9;</a></row><row><a>&#65;&amp;B</a></row></rows>\n");
    Path bomb = write("lol.xml", doc.toString());
    DsapException e = assertThrows(DsapException.class, () -> read(open(bomb, Map.of()), new RejectLog(1)));
    assertTrue(e.getMessage().contains("lol.xml:14:") && e.getMessage().contains("entity '&lol9;' is not defined"),
        e.getMessage());
    Path plain = write("refs.xml", "<rows><row><a>&#65;&amp;B</a></row><row><a>x</a></row></rows>");
    assertEquals("A&B", read(open(plain, Map.of()), new RejectLog(1)).rows().get(0).get("a"),
        "character references and the built-in entities still work");
  }

  @Test
  void anExternalDtdIsNotLoaded() throws IOException {
    Path dtd = write("rows.dtd", "<!ATTLIST row injected CDATA \"from-the-dtd\">");
    Path f = write("withdtd.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE rows SYSTEM \"" + dtd.toUri() + "\">\n"
        + "<rows><row><a>1</a></row><row><a>2</a></row></rows>\n");
    TableSource t = open(f, Map.of());
    assertEquals(Map.of("a", "INTEGER"), types(t), "no attribute default came from the DTD");
    assertEquals(2, read(t, new RejectLog(1)).rows().size());
  }

  @Test
  void probeAndDetection() throws IOException {
    XmlFormat x = new XmlFormat();
    assertEquals(Match.MAGIC, x.probe(FormatRegistry.probe(write("a.txt", "<?xml version=\"1.0\"?><r/>"))));
    assertEquals(Match.MAGIC, x.probe(FormatRegistry.probe(write("b", "\n<rows><row a='1'/></rows>"))));
    assertEquals(Match.NONE, x.probe(FormatRegistry.probe(write("c.html", "<html><body>hi</body></html>"))));
    assertEquals(Match.NONE, x.probe(FormatRegistry.probe(write("d", "<3 is less,than\n"))));
    assertEquals("xml", FormatRegistry.defaults().detect(write("e.txt", "<rows><row/></rows>")).name());
  }

  @Test
  void readStatementReproducesTheDetection() throws IOException {
    Path f = write("catalog.xml", CATALOG);
    TableSource t = open(f, Map.of());
    String s = t.readStatement("catalog.xml");
    assertTrue(s.startsWith("SELECT * FROM read_xml(path => 'catalog.xml', row_tag => 'book', types => 'id:VARCHAR,"),
        s);
    String types = s.substring(s.indexOf("types => '") + 10, s.length() - 2);
    assertEquals(types(t), types(open(f, Map.of("row_tag", "book", "types", types))));
    assertEquals(Map.of("a", "VARCHAR"), types(open(write("v.xml", "<r><x><a>1</a></x><x><a>2</a></x></r>"),
        Map.of("all_varchar", true))));
  }
}
