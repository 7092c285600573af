package io.dsap.engine.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsap.engine.detect.RelationshipDetector.KeyColumn;
import io.dsap.engine.detect.RelationshipDetector.Relationship;
import io.dsap.engine.error.DsapException;
import io.dsap.engine.format.FormatOptions;
import io.dsap.engine.format.FormatRegistry;
import io.dsap.engine.format.TableSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Foreign-key candidates between generated files whose relationships are known. */
class RelationshipDetectorTest {
  /**
   * customers: id 1..100 and code C001..C100 both unique, region repeats. orders (400 rows):
   * customer_id cycles through all 100 ids; customer_code hits 95 codes and 5 orphans X001..X005;
   * qty 1..5; then 8 rows with a NULL customer_id.
   */
  static Map<String, TableSource> shop(Path dir) throws Exception {
    StringBuilder customers = new StringBuilder("id,code,region\n");
    for (int i = 1; i <= 100; i++) {
      customers.append(i).append(",C").append(String.format("%03d", i)).append(",r").append(i % 7).append('\n');
    }
    StringBuilder orders = new StringBuilder("order_id,customer_id,customer_code,qty\n");
    for (int i = 0; i < 408; i++) {
      String code = i % 100 < 95 ? "C" + String.format("%03d", i % 100 + 1) : "X" + String.format("%03d", i % 100 - 94);
      orders.append(5000 + i).append(',').append(i >= 400 ? "" : Integer.toString(i % 100 + 1))
          .append(',').append(code).append(',').append(i % 5 + 1).append('\n');
    }
    Map<String, TableSource> tables = new LinkedHashMap<>();
    tables.put("customers", open(dir, "customers.csv", customers));
    tables.put("orders", open(dir, "orders.csv", orders));
    return tables;
  }

  static TableSource open(Path dir, String name, CharSequence text) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, text);
    return FormatRegistry.defaults().detect(f).open(f, name, "", FormatOptions.NONE);
  }

  static Relationship find(List<Relationship> all, String fk, String pk) {
    return all.stream().filter(r -> (r.fkTable() + "." + r.fkColumn()).equals(fk)
        && (r.pkTable() + "." + r.pkColumn()).equals(pk)).findFirst().orElse(null);
  }

  @Test
  void findsTheForeignKeysWithExactCoverage(@TempDir Path dir) throws Exception {
    List<Relationship> all = RelationshipDetector.detect(shop(dir));

    Relationship byId = find(all, "orders.customer_id", "customers.id");
    assertEquals(100.0, byId.coveragePct());
    assertEquals(100, byId.fkDistinct()); // NULLs are not values
    assertEquals(100, byId.matched());
    assertEquals(100L, byId.pkDistinct());
    assertTrue(byId.nameMatch()); // customer_id = singular(customers) + id
    assertTrue(byId.remarks().contains("8 NULLs"), byId.remarks());

    Relationship byCode = find(all, "orders.customer_code", "customers.code");
    assertEquals(95.0, byCode.coveragePct()); // 95 of 100 distinct codes exist
    assertEquals(100, byCode.fkDistinct());
    assertEquals(95, byCode.matched());
    assertTrue(byCode.remarks().startsWith("5 of 100 distinct values are not keys"), byCode.remarks());

    Relationship qty = find(all, "orders.qty", "customers.id");
    assertEquals(100.0, qty.coveragePct()); // 1..5 are ids too: listed, but the names say no
    assertFalse(qty.nameMatch());

    // text never matches integers; the key side is never a non-key (region repeats)
    assertNull(find(all, "orders.customer_code", "customers.id"));
    assertTrue(all.stream().noneMatch(r -> "region".equals(r.pkColumn())));
    // no relationship inside one table, none pointing at orders (order_id 5000.. is nobody's value)
    assertTrue(all.stream().noneMatch(r -> r.fkTable().equals(r.pkTable()) || "orders".equals(r.pkTable())));
    assertEquals(3, all.size(), all.toString());
  }

  @Test
  void aHigherMinimumCoverageDropsThePartialOne(@TempDir Path dir) throws Exception {
    List<Relationship> all = RelationshipDetector.detect(shop(dir), 96, RelationshipDetector.DEFAULT_MAX_DISTINCT);
    assertNull(find(all, "orders.customer_code", "customers.code"));
    assertTrue(find(all, "orders.customer_id", "customers.id") != null);
    assertThrows(DsapException.class, () -> RelationshipDetector.detect(shop(dir), 101, 10));
  }

  @Test
  void columnsBeyondTheDistinctCapAreSkippedAndSaidSo(@TempDir Path dir) throws Exception {
    List<Relationship> all = RelationshipDetector.detect(shop(dir), 90, 50);
    Relationship skipped = all.stream().filter(r -> r.fkColumn().equals("id")).findFirst().orElseThrow();
    assertNull(skipped.pkTable());
    assertNull(skipped.coveragePct());
    assertEquals("not compared: more than 50 distinct values (the cap of relationship detection)", skipped.remarks());
    // each key-like column past 50 distinct values is reported once, and nothing is compared
    assertEquals(List.of("customers.id", "customers.code", "orders.order_id", "orders.customer_id",
        "orders.customer_code"),
        all.stream().map(r -> r.fkTable() + "." + r.fkColumn()).toList());
  }

  @Test
  void thePrimaryKeyIsTheKeyColumnWhoseNameSaysSo(@TempDir Path dir) throws Exception {
    TableSource t = open(dir, "t.csv", "label,product_code,n\na,P1,1\nb,P2,2\nc,P3,2\n");
    Optional<KeyColumn> k = RelationshipDetector.primaryKey("t", t, RelationshipDetector.DEFAULT_MAX_DISTINCT);
    assertEquals("product_code", k.orElseThrow().column()); // label is unique too, but comes second
    assertTrue(k.get().nameLike());
    TableSource none = open(dir, "u.csv", "a,b\n1,x\n1,y\n2,\n");
    assertTrue(RelationshipDetector.primaryKey("u", none, 100).isEmpty());
  }

  @Test
  void namesMatchTheWayPeopleNameForeignKeys() {
    assertTrue(RelationshipDetector.namesMatch("customer_id", "customers", "id"));
    assertTrue(RelationshipDetector.namesMatch("customer_id", "sales/customers", "customer_id"));
    assertTrue(RelationshipDetector.namesMatch("CustomerId", "customers", "customer_id"));
    assertTrue(RelationshipDetector.namesMatch("billing_customer_id", "customers", "customer_id"));
    assertTrue(RelationshipDetector.namesMatch("category", "book$Categories", "code"));
    assertTrue(RelationshipDetector.namesMatch("country", "countries", "code"));
    assertFalse(RelationshipDetector.namesMatch("id", "customers", "id")); // too generic alone
    assertFalse(RelationshipDetector.namesMatch("event_id", "customers", "customer_id"));
    assertFalse(RelationshipDetector.namesMatch("qty", "customers", "id"));
  }
}
