package io.polymart.reviews;

import io.polymart.core.bus.Addresses;
import io.polymart.core.error.ServiceException;
import io.polymart.testing.BusTestNode;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for the catalog verticle at {@code catalog.product.get} (the reviews module must not depend on the
 * catalog's), answering as its product read does for a caller who is nobody: an {@code ACTIVE} product with its
 * {@code sellerId} and SKUs, anything else {@code 404 NOT_FOUND}. Products are what tests set up, plus every product an
 * order line of {@link TestOrder} names (a product someone bought is one the catalog sells). The real catalog answers
 * the reviews verticle in the journeys of {@code verticles/main}.
 */
final class CatalogDouble {
  private final Vertx vertx;
  private final Map<String, JsonObject> products = new ConcurrentHashMap<>();
  private MessageConsumer<JsonObject> consumer;

  CatalogDouble(Vertx vertx) {
    this.vertx = vertx;
    online();
  }

  /** A new active product of {@code sellerId} without SKUs; its id. */
  UUID product(UUID sellerId) {
    UUID id = UUID.randomUUID();
    products.put(id.toString(), new JsonObject().put("id", id.toString()).put("name", "Product " + id)
        .put("status", "ACTIVE").put("sellerId", sellerId.toString()).put("skus", new JsonArray()));
    return id;
  }

  /** A new SKU of the product with these attributes; its id. */
  UUID sku(UUID productId, JsonObject attributes) {
    UUID skuId = UUID.randomUUID();
    addSku(productId.toString(), skuId.toString(), attributes);
    return skuId;
  }

  /** The product is sold with this SKU: added (active, of a new seller) when unknown, the SKU added when missing. */
  void sells(UUID productId, UUID skuId) {
    products.computeIfAbsent(productId.toString(), id -> new JsonObject().put("id", id).put("name", "Product " + id)
        .put("status", "ACTIVE").put("sellerId", UUID.randomUUID().toString()).put("skus", new JsonArray()));
    JsonObject product = products.get(productId.toString());
    synchronized (product) {
      boolean known = product.getJsonArray("skus").stream().map(JsonObject.class::cast)
          .anyMatch(sku -> sku.getString("id").equals(skuId.toString()));
      if (!known) {
        addSku(productId.toString(), skuId.toString(), new JsonObject().put("color", "red")
            .put("code", "SKU-" + skuId.toString().substring(0, 8)));
      }
    }
  }

  /** The catalog no longer lists the SKU under the product. */
  void forgetSku(UUID productId, UUID skuId) {
    JsonObject product = products.get(productId.toString());
    synchronized (product) {
      product.getJsonArray("skus").getList()
          .removeIf(sku -> ((JsonObject) sku).getString("id").equals(skuId.toString()));
    }
  }

  String sellerOf(UUID productId) {
    return products.get(productId.toString()).getString("sellerId");
  }

  /** The SKU's attributes as the catalog has them now. */
  JsonObject attributes(UUID productId, UUID skuId) {
    return products.get(productId.toString()).getJsonArray("skus").stream().map(JsonObject.class::cast)
        .filter(sku -> sku.getString("id").equals(skuId.toString())).findFirst().orElseThrow()
        .getJsonObject("attributes").copy();
  }

  /** The seller changes the SKU's attributes. */
  void changeAttributes(UUID productId, UUID skuId, JsonObject attributes) {
    JsonObject product = products.get(productId.toString());
    synchronized (product) {
      product.getJsonArray("skus").stream().map(JsonObject.class::cast)
          .filter(sku -> sku.getString("id").equals(skuId.toString()))
          .forEach(sku -> sku.put("attributes", attributes));
    }
  }

  /** {@code DRAFT}, {@code INACTIVE} (withdrawn) or {@code DELETED}: no longer answered to anyone but its seller. */
  void status(UUID productId, String status) {
    products.get(productId.toString()).put("status", status);
  }

  /** The catalog is not deployed: requests to it fail with NO_HANDLERS. */
  void offline() {
    BusTestNode.await(consumer.unregister());
  }

  void online() {
    consumer = vertx.eventBus().consumer(Addresses.CATALOG_PRODUCT_GET, this::answer);
    BusTestNode.await(consumer.completion());
  }

  private void answer(Message<JsonObject> message) {
    String id = message.body().getJsonObject("params").getString("id");
    JsonObject product = products.get(id);
    if (product == null || !"ACTIVE".equals(product.getString("status"))) {
      ServiceException missing = ServiceException.notFound("Product not found");
      message.fail(missing.status(), missing.toJson().encode());
      return;
    }
    synchronized (product) {
      message.reply(product.copy());
    }
  }

  private void addSku(String productId, String skuId, JsonObject attributes) {
    JsonObject product = products.get(productId);
    synchronized (product) {
      product.getJsonArray("skus").add(new JsonObject().put("id", skuId).put("code", "SKU-" + skuId.substring(0, 8))
          .put("attributes", attributes).put("status", "ACTIVE"));
    }
  }
}
