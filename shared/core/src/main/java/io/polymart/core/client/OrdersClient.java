package io.polymart.core.client;

import io.polymart.core.bus.Addresses;
import io.vertx.core.Future;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;

import java.util.Optional;

/** A buyer's orders, as {@code GET /api/v1/orders} and {@code GET /api/v1/orders/{id}} answer them. */
public final class OrdersClient {
  private static final int NOT_FOUND = 404;
  private final BusClient bus;

  public OrdersClient(BusClient bus) {
    this.bus = bus;
  }

  /** A page of the buyer's orders, newest first: {@code {items, ...}}. */
  public Future<JsonObject> orders(BusCaller buyer, int page, int size) {
    return bus.send(Addresses.ORDERS_LIST, new JsonObject(),
            new JsonObject().put("page", Integer.toString(page)).put("size", Integer.toString(size)),
            new JsonObject(), buyer)
        .map(reply -> reply.body());
  }

  /** The buyer's order; empty when there is none of that id or it is someone else's. */
  public Future<Optional<JsonObject>> order(BusCaller buyer, String orderId) {
    return bus.send(Addresses.ORDERS_GET, new JsonObject().put("id", orderId), new JsonObject(), new JsonObject(),
            buyer)
        .map(reply -> Optional.of(reply.body()))
        .recover(failure -> failure instanceof ReplyException reply && reply.failureCode() == NOT_FOUND
            ? Future.succeededFuture(Optional.empty())
            : Future.failedFuture(failure));
  }
}
