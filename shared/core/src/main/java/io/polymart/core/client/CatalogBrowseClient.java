package io.polymart.core.client;

import io.polymart.core.bus.Addresses;
import io.vertx.core.Future;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;

/**
 * What a shopper browses in the catalog (searches, the category tree), asked as the gateway would ask it: the replies
 * are the HTTP contract's bodies. A product's page is {@link CatalogProductClient#activePage}.
 */
public final class CatalogBrowseClient {
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
}
