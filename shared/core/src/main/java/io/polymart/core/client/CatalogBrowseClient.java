package io.polymart.core.client;

import io.polymart.core.bus.Addresses;
import io.polymart.core.bus.BusHeaders;
import io.vertx.core.Future;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;

import java.util.Optional;

/**
 * What a shopper browses in the catalog, asked as the gateway would ask it for {@code GET /api/v1/products...}: the
 * replies are the HTTP contract's bodies. A failure other than the catalog's 404 comes as the bus reports it.
 */
public final class CatalogBrowseClient {
  private static final int NOT_FOUND = 404;
  private final BusClient bus;

  public CatalogBrowseClient(BusClient bus) {
    this.bus = bus;
  }

  /** {@code searchProducts}: {@code query} holds its query parameters (one string value each). */
  public Future<JsonObject> search(JsonObject query) {
    return bus.send(Addresses.CATALOG_PRODUCTS_SEARCH, new JsonObject(), query, new JsonObject(), BusCaller.NONE)
        .map(Message::body);
  }

  /** {@code listCategories}: the active category tree. */
  public Future<JsonObject> categories() {
    return bus.request(Addresses.CATALOG_CATEGORIES_LIST, new JsonObject());
  }

  /**
   * {@code getProduct} for a shopper: the product page, empty when no active product has that id. The catalog
   * publishes the view for the visitor (or the caller's user).
   */
  public Future<Optional<JsonObject>> product(String productId, BusCaller shopper) {
    return bus.send(Addresses.CATALOG_PRODUCT_GET, new JsonObject().put("id", productId), new JsonObject(),
            new JsonObject(), shopper)
        .map(reply -> Optional.of(reply.body()).filter(product -> "ACTIVE".equals(product.getString("status"))))
        .recover(failure -> failure instanceof ReplyException reply && reply.failureCode() == NOT_FOUND
            ? Future.succeededFuture(Optional.empty())
            : Future.failedFuture(failure));
  }

  /** A guest known by a visitor id (null: nobody in particular), as the catalog reads it. */
  public static BusCaller visitor(String visitorId) {
    return BusCaller.NONE.with(BusHeaders.VISITOR_ID, visitorId);
  }
}
