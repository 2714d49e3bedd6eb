package io.polymart.catalog.change;

import io.polymart.catalog.CatalogFixture;
import io.polymart.core.bus.BusHeaders;
import io.polymart.testing.BusTestNode.Caller;
import io.polymart.testing.KafkaEvents;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.polymart.catalog.CatalogFixture.createProduct;
import static io.polymart.catalog.CatalogFixture.fails;
import static io.polymart.catalog.CatalogFixture.id;
import static io.polymart.catalog.CatalogFixture.ok;
import static io.polymart.catalog.CatalogFixture.sku;
import static io.polymart.catalog.CatalogFixture.unique;
import static io.polymart.core.bus.Addresses.CATALOG_BRAND_CREATE;
import static io.polymart.core.bus.Addresses.CATALOG_BRAND_DELETE;
import static io.polymart.core.bus.Addresses.CATALOG_CATEGORY_CREATE;
import static io.polymart.core.bus.Addresses.CATALOG_CATEGORY_DELETE;
import static io.polymart.core.bus.Addresses.CATALOG_CATEGORY_UPDATE;
import static io.polymart.core.bus.Addresses.CATALOG_PRODUCT_DELETE;
import static io.polymart.core.bus.Addresses.CATALOG_PRODUCT_UPDATE;
import static io.polymart.core.bus.Addresses.CATALOG_SKU_UPDATE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog's audit entries on {@code polymart.audit}: who, from where, in which request; an update carries only
 * the fields it changed, before and after; a creation has no old value, a deletion no new one; a refused change
 * records nothing.
 */
class CatalogAuditTest {

  private static List<JsonObject> entries(String target, int count) {
    return KafkaEvents.count(CatalogFixture.config().getJsonObject("kafka").getString("bootstrapServers"),
        "polymart.audit", target, count, CatalogFixture.TIMEOUT).stream().map(e -> e.getJsonObject("data")).toList();
  }

  private static Caller admin(String requestId) {
    return Caller.admin().withHeader(BusHeaders.CLIENT_IP, "203.0.113.5").withHeader(BusHeaders.REQUEST_ID, requestId);
  }

  @Test
  void aCategorysLifeIsAuditedFieldByField() {
    Caller admin = admin(unique("req"));
    String slug = unique("audited");
    String id = ok(CATALOG_CATEGORY_CREATE, new JsonObject(), new JsonObject().put("name", "Lamps").put("slug", slug)
        .put("sortOrder", 4), admin).getString("id");
    // the same sort order again: only the name changed
    ok(CATALOG_CATEGORY_UPDATE, id(id), new JsonObject().put("name", "Lights").put("sortOrder", 4), admin);
    assertThat(fails(CATALOG_CATEGORY_UPDATE, id(id), new JsonObject().put("parentId", UUID.randomUUID().toString()),
        admin).status()).isEqualTo(400);
    // nothing changes, nothing is recorded
    ok(CATALOG_CATEGORY_UPDATE, id(id), new JsonObject().put("name", "Lights"), admin);
    ok(CATALOG_CATEGORY_DELETE, id(id), new JsonObject(), admin);

    List<JsonObject> entries = entries("category:" + id, 3);
    assertThat(entries).extracting(e -> e.getString("action"))
        .containsExactly("category.create", "category.update", "category.delete");
    for (JsonObject entry : entries) {
      assertThat(entry.getString("actorId")).isEqualTo(admin.userId());
      assertThat(entry.getString("clientIp")).isEqualTo("203.0.113.5");
      assertThat(entry.getString("requestId")).isEqualTo(admin.headers().get(BusHeaders.REQUEST_ID));
    }
    assertThat(entries.get(0).getValue("oldValue")).isNull();
    assertThat(entries.get(0).getJsonObject("newValue").getString("slug")).isEqualTo(slug);
    assertThat(entries.get(1).getJsonObject("oldValue")).isEqualTo(new JsonObject().put("name", "Lamps"));
    assertThat(entries.get(1).getJsonObject("newValue")).isEqualTo(new JsonObject().put("name", "Lights"));
    assertThat(entries.get(2).getJsonObject("oldValue").getString("name")).isEqualTo("Lights");
    assertThat(entries.get(2).getValue("newValue")).isNull();
  }

  @Test
  void aBrandsDeletionKeepsWhatItWas() {
    Caller admin = admin(unique("req"));
    String slug = unique("brand");
    String id = ok(CATALOG_BRAND_CREATE, new JsonObject(), new JsonObject().put("name", "Acme").put("slug", slug),
        admin).getString("id");
    ok(CATALOG_BRAND_DELETE, id(id), new JsonObject(), admin);

    List<JsonObject> entries = entries("brand:" + id, 2);
    assertThat(entries).extracting(e -> e.getString("action")).containsExactly("brand.create", "brand.delete");
    assertThat(entries.get(1).getJsonObject("oldValue"))
        .isEqualTo(new JsonObject().put("name", "Acme").put("slug", slug).putNull("logoUrl"));
  }

  @Test
  void aSellersProductAndSkuEditsCarryTheirOldAndNewValues() {
    Caller seller = Caller.seller().withHeader(BusHeaders.CLIENT_IP, "198.51.100.20");
    JsonObject product = createProduct(seller, sku("5.00", 2).put("code", unique("AUD")));
    String productId = product.getString("id");
    String skuId = product.getJsonArray("skus").getJsonObject(0).getString("id");
    String name = product.getString("name");
    ok(CATALOG_PRODUCT_UPDATE, id(productId), new JsonObject().put("name", "Renamed"), seller);
    ok(CATALOG_SKU_UPDATE, id(skuId), new JsonObject().put("weight", "1.5"), seller);
    // the same weight written otherwise is no change: only the threshold is recorded
    ok(CATALOG_SKU_UPDATE, id(skuId), new JsonObject().put("weight", "1.500").put("lowStockThreshold", 9), seller);
    // refused: not their product
    assertThat(fails(CATALOG_PRODUCT_DELETE, id(productId), new JsonObject(), Caller.seller()).status())
        .isIn(403, 404);
    ok(CATALOG_PRODUCT_DELETE, id(productId), new JsonObject(), seller);

    List<JsonObject> entries = entries("product:" + productId, 3);
    assertThat(entries).extracting(e -> e.getString("action"))
        .containsExactly("product.create", "product.update", "product.delete");
    assertThat(entries).allSatisfy(e -> assertThat(e.getString("actorId")).isEqualTo(seller.userId()));
    assertThat(entries.get(1).getJsonObject("oldValue")).isEqualTo(new JsonObject().put("name", name));
    assertThat(entries.get(1).getJsonObject("newValue")).isEqualTo(new JsonObject().put("name", "Renamed"));
    assertThat(entries.get(2).getJsonObject("oldValue")).isEqualTo(new JsonObject().put("status", "DRAFT"));
    List<JsonObject> skuUpdates = entries("sku:" + skuId, 2);
    assertThat(skuUpdates.get(0).getJsonObject("oldValue")).isEqualTo(new JsonObject().putNull("weight"));
    assertThat(skuUpdates.get(0).getJsonObject("newValue")).isEqualTo(new JsonObject().put("weight", "1.500"));
    JsonObject skuUpdate = skuUpdates.get(1);
    assertThat(skuUpdate.getString("action")).isEqualTo("sku.update");
    assertThat(skuUpdate.getJsonObject("oldValue").getInteger("lowStockThreshold")).isNotEqualTo(9);
    assertThat(skuUpdate.getJsonObject("newValue")).isEqualTo(new JsonObject().put("lowStockThreshold", 9));
  }
}
