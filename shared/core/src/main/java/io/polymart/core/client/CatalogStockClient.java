package io.polymart.core.client;

import io.polymart.core.bus.Addresses;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The catalog's inventory contract (see {@link Addresses#CATALOG_STOCK_RESERVE}); every step is idempotent. */
public final class CatalogStockClient {
  private final BusClient bus;

  public CatalogStockClient(BusClient bus) {
    this.bus = bus;
  }

  /** All lines ({@code [{skuId, quantity}]}) or none; the reply prices each line. */
  public Future<JsonObject> reserve(String reservationId, JsonArray items, int ttlSeconds) {
    return bus.request(Addresses.CATALOG_STOCK_RESERVE, reservation(reservationId).put("items", items)
        .put("ttlSeconds", ttlSeconds));
  }

  /** Reserved units become sold. */
  public Future<JsonObject> confirm(String reservationId) {
    return bus.request(Addresses.CATALOG_STOCK_CONFIRM, reservation(reservationId));
  }

  /** Reserved units go back to available. */
  public Future<JsonObject> release(String reservationId) {
    return bus.request(Addresses.CATALOG_STOCK_RELEASE, reservation(reservationId));
  }

  /** Sold units come back on hand. */
  public Future<JsonObject> restore(String reservationId) {
    return bus.request(Addresses.CATALOG_STOCK_RESTORE, reservation(reservationId));
  }

  private static JsonObject reservation(String reservationId) {
    return new JsonObject().put("reservationId", reservationId);
  }
}
