package io.polymart.core.client;

import io.polymart.core.bus.Addresses;
import io.vertx.core.Future;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A product as anyone may see it ({@link Addresses#CATALOG_PRODUCT_GET} asked on nobody's behalf, so only an
 * {@code ACTIVE} product answers). A failure other than the catalog's 404 comes as the bus reports it: no catalog
 * deployed or no answer in time is a 503 once read with {@code ServiceException.fromFailure}.
 */
public final class CatalogProductClient {
  private static final int NOT_FOUND = 404;
  private final BusClient bus;

  /** The facts of an active product other verticles keep: its seller and each SKU's attributes, by SKU id. */
  public record ActiveProduct(String id, String sellerId, Map<String, JsonObject> skuAttributes) {
    public ActiveProduct {
      skuAttributes = Map.copyOf(skuAttributes);
    }

    static ActiveProduct fromJson(JsonObject product) {
      Map<String, JsonObject> skus = new LinkedHashMap<>();
      product.getJsonArray("skus").forEach(item -> {
        JsonObject sku = (JsonObject) item;
        JsonObject attributes = sku.getJsonObject("attributes");
        skus.put(sku.getString("id"), attributes == null ? new JsonObject() : attributes);
      });
      return new ActiveProduct(product.getString("id"), product.getString("sellerId"), skus);
    }

    /** A copy of the SKU's attributes; null when the SKU is not one of this product's. */
    public JsonObject attributesOf(UUID skuId) {
      JsonObject attributes = skuAttributes.get(skuId.toString());
      return attributes == null ? null : attributes.copy();
    }
  }

  public CatalogProductClient(BusClient bus) {
    this.bus = bus;
  }

  /** The product when it exists and is active; empty when it is unknown, a draft, withdrawn or deleted. */
  public Future<Optional<ActiveProduct>> activeProduct(UUID productId) {
    return activePage(productId.toString(), BusCaller.NONE).map(page -> page.map(ActiveProduct::fromJson));
  }

  /**
   * The product's page ({@code getProduct}'s body) when it exists and is active; empty when it is unknown, a draft,
   * withdrawn or deleted. Asked for a shopper ({@link BusCaller#visitor}), the catalog publishes their view.
   */
  public Future<Optional<JsonObject>> activePage(String productId, BusCaller shopper) {
    return page(productId, shopper).map(page -> page.filter(product -> "ACTIVE".equals(product.getString("status"))));
  }

  /**
   * The product's page as {@code caller} may see it (a seller also their drafts and withdrawn products, an admin
   * every product); empty when there is none they may see.
   */
  public Future<Optional<JsonObject>> page(String productId, BusCaller caller) {
    return bus.send(Addresses.CATALOG_PRODUCT_GET, new JsonObject().put("id", productId), new JsonObject(),
            new JsonObject(), caller)
        .map(reply -> Optional.of(reply.body()))
        .recover(failure -> failure instanceof ReplyException reply && reply.failureCode() == NOT_FOUND
            ? Future.succeededFuture(Optional.empty())
            : Future.failedFuture(failure));
  }

  /** {@code listSellerProducts}: the seller's products (an admin's, every product), newest first. */
  public Future<JsonObject> sellerProducts(BusCaller seller, int size) {
    return bus.send(Addresses.CATALOG_SELLER_PRODUCTS, new JsonObject(),
        new JsonObject().put("size", Integer.toString(size)), new JsonObject(), seller).map(reply -> reply.body());
  }
}
