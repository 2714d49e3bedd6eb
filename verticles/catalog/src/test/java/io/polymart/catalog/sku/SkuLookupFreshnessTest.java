package io.polymart.catalog.sku;

import io.polymart.testing.BusTestNode.Caller;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static io.polymart.catalog.CatalogFixture.activeProduct;
import static io.polymart.catalog.CatalogFixture.id;
import static io.polymart.catalog.CatalogFixture.ok;
import static io.polymart.catalog.CatalogFixture.sku;
import static io.polymart.catalog.CatalogFixture.skuId;
import static io.polymart.core.bus.Addresses.CATALOG_PRODUCT_UNPUBLISH;
import static io.polymart.core.bus.Addresses.CATALOG_SKUS_LOOKUP;
import static io.polymart.core.bus.Addresses.CATALOG_SKU_PRICE;
import static io.polymart.core.bus.Addresses.CATALOG_SKU_STOCK;
import static io.polymart.core.bus.Addresses.CATALOG_STOCK_RESERVE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * catalog.skus.lookup serves SKU facts its instances keep (SkuFactsCache): each change is seen by the very next lookup,
 * however often the SKUs were looked up before.
 */
class SkuLookupFreshnessTest {
  private static final Caller ORDERS = Caller.service();

  private static Map<String, JsonObject> lookup(String... skuIds) {
    Map<String, JsonObject> items = new TreeMap<>();
    ok(CATALOG_SKUS_LOOKUP, new JsonObject(), new JsonObject().put("skuIds", new JsonArray(List.of(skuIds))), ORDERS)
        .getJsonArray("items").forEach(item -> items.put(((JsonObject) item).getString("skuId"), (JsonObject) item));
    return items;
  }

  /** Enough lookups for every instance to keep the SKUs (the bus spreads them over the instances). */
  private static void lookUpOften(String... skuIds) {
    for (int i = 0; i < 8; i++) {
      lookup(skuIds);
    }
  }

  @Test
  void pricesStockReservationsAndUnpublishingAreSeenByTheNextLookup() {
    Caller seller = Caller.seller();
    JsonObject lampSku = sku("10.00", 5);
    JsonObject bulbSku = sku("2.00", 8);
    JsonObject lampProduct = activeProduct(seller, lampSku, bulbSku);
    String lamp = skuId(lampProduct, lampSku.getString("code"));
    String bulb = skuId(lampProduct, bulbSku.getString("code"));
    JsonObject mugSku = sku("3.00", 4);
    String mug = skuId(activeProduct(seller, mugSku), mugSku.getString("code"));
    lookUpOften(lamp, bulb, mug);

    ok(CATALOG_SKU_PRICE, id(lamp), new JsonObject().put("price", "11.00"), seller);
    Map<String, JsonObject> repriced = lookup(lamp, bulb, mug);
    assertThat(repriced.get(lamp).getString("unitPrice")).isEqualTo("11.00");
    assertThat(repriced.get(bulb).getString("unitPrice")).isEqualTo("2.00");
    assertThat(repriced.get(mug).getString("unitPrice")).isEqualTo("3.00");

    lookUpOften(lamp, bulb, mug);
    ok(CATALOG_STOCK_RESERVE, new JsonObject(), new JsonObject().put("reservationId", UUID.randomUUID().toString())
        .put("items", new JsonArray().add(new JsonObject().put("skuId", bulb).put("quantity", 3))), ORDERS);
    assertThat(lookup(bulb, lamp).get(bulb).getInteger("available")).isEqualTo(5);
    lookUpOften(lamp, bulb, mug);
    ok(CATALOG_SKU_STOCK, id(mug), new JsonObject().put("delta", 6).put("reason", "delivery"), seller);
    assertThat(lookup(mug).get(mug).getInteger("available")).isEqualTo(10);

    lookUpOften(lamp, bulb, mug);
    ok(CATALOG_PRODUCT_UNPUBLISH, id(lampProduct.getString("id")), new JsonObject(), seller);
    Map<String, JsonObject> unpublished = lookup(lamp, bulb, mug);
    assertThat(unpublished.get(lamp).getBoolean("forSale")).isFalse();
    assertThat(unpublished.get(bulb).getBoolean("forSale")).isFalse();
    assertThat(unpublished.get(mug).getBoolean("forSale")).isTrue();
  }

  @Test
  void eachSkuOfALookupHasItsOwnFacts() {
    Caller seller = Caller.seller();
    JsonObject red = sku("5.00", 1);
    JsonObject blue = sku("6.00", 2);
    JsonObject product = activeProduct(seller, red, blue);
    String redId = skuId(product, red.getString("code"));
    String blueId = skuId(product, blue.getString("code"));
    lookUpOften(redId);
    lookUpOften(blueId);

    Map<String, JsonObject> both = lookup(blueId, UUID.randomUUID().toString(), redId);
    assertThat(both.keySet()).containsExactlyInAnyOrder(redId, blueId);
    assertThat(both.get(redId).getString("unitPrice")).isEqualTo("5.00");
    assertThat(both.get(redId).getInteger("available")).isEqualTo(1);
    assertThat(both.get(blueId).getString("unitPrice")).isEqualTo("6.00");
    assertThat(both.get(blueId).getInteger("available")).isEqualTo(2);
  }
}
