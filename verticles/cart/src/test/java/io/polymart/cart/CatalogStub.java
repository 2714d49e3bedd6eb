package io.polymart.cart;

import io.polymart.core.bus.Addresses;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Stands in for the catalog at {@code catalog.skus.lookup}, answering from a map of SKU facts that tests change at
 * will (the cart module must not depend on the catalog's).
 */
final class CatalogStub {
  private final Map<String, JsonObject> skus = new ConcurrentHashMap<>();
  private final AtomicInteger lookups = new AtomicInteger();

  CatalogStub(Vertx vertx) {
    vertx.eventBus().<JsonObject>consumer(Addresses.CATALOG_SKUS_LOOKUP, message -> {
      lookups.incrementAndGet();
      JsonArray items = new JsonArray();
      message.body().getJsonObject("body").getJsonArray("skuIds").forEach(id -> {
        JsonObject sku = skus.get((String) id);
        if (sku != null) {
          items.add(sku.copy());
        }
      });
      message.reply(new JsonObject().put("items", items));
    });
  }

  /** A new SKU for sale at {@code price} with {@code available} units; its id. */
  String sku(String price, int available) {
    String skuId = UUID.randomUUID().toString();
    skus.put(skuId, new JsonObject().put("skuId", skuId).put("productId", UUID.randomUUID().toString())
        .put("sellerId", UUID.randomUUID().toString()).put("code", "SKU-" + skuId.substring(0, 8))
        .put("name", "Product " + skuId.substring(0, 8)).put("attributes", new JsonObject().put("color", "red"))
        .put("image", "/media/thumb-" + skuId + ".jpg").put("unitPrice", price).put("available", available)
        .put("forSale", true));
    return skuId;
  }

  JsonObject facts(String skuId) {
    return skus.get(skuId).copy();
  }

  void change(String skuId, Consumer<JsonObject> change) {
    skus.computeIfPresent(skuId, (id, sku) -> {
      JsonObject changed = sku.copy();
      change.accept(changed);
      return changed;
    });
  }

  /** The SKU no longer exists in the catalog. */
  void forget(String skuId) {
    skus.remove(skuId);
  }

  int lookups() {
    return lookups.get();
  }
}
