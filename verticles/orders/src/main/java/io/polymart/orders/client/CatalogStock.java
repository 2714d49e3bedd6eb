package io.polymart.orders.client;

import io.polymart.core.bus.Addresses;
import io.polymart.core.bus.BusRequest;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The catalog's inventory contract (see {@link Addresses#CATALOG_STOCK_RESERVE}); every step is idempotent. */
public final class CatalogStock {
  private static final DeliveryOptions OPTIONS = new DeliveryOptions().setSendTimeout(10_000);
  private final EventBus eventBus;

  public CatalogStock(EventBus eventBus) {
    this.eventBus = eventBus;
  }

  /** All lines or none; the reply prices each line. */
  public Future<JsonObject> reserve(String reservationId, JsonArray items, int ttlSeconds) {
    return call(Addresses.CATALOG_STOCK_RESERVE, new JsonObject().put("reservationId", reservationId)
        .put("items", items).put("ttlSeconds", ttlSeconds));
  }

  public Future<JsonObject> confirm(String reservationId) {
    return call(Addresses.CATALOG_STOCK_CONFIRM, new JsonObject().put("reservationId", reservationId));
  }

  public Future<JsonObject> release(String reservationId) {
    return call(Addresses.CATALOG_STOCK_RELEASE, new JsonObject().put("reservationId", reservationId));
  }

  public Future<JsonObject> restore(String reservationId) {
    return call(Addresses.CATALOG_STOCK_RESTORE, new JsonObject().put("reservationId", reservationId));
  }

  private Future<JsonObject> call(String address, JsonObject body) {
    return eventBus.<JsonObject>request(address, BusRequest.envelope(body), OPTIONS)
        .map(Message::body);
  }
}
