package io.polymart.core.client;

import io.polymart.core.bus.Addresses;
import io.vertx.core.Future;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;

import java.util.Optional;

/** Orders as the storefront shows them: a buyer's ({@code GET /api/v1/orders}, {@code /orders/{id}}) and the console's. */
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

  /** A staff member's orders in {@code status} (newest first): a seller's with their items, an admin's every one. */
  public Future<JsonObject> staffOrders(BusCaller staff, String status, int size) {
    return bus.send(Addresses.ORDERS_ADMIN_LIST, new JsonObject(),
            new JsonObject().put("status", status).put("size", Integer.toString(size)), new JsonObject(), staff)
        .map(reply -> reply.body());
  }

  /** Orders and revenue per day for the last {@code days}, as {@code GET /api/v1/admin/orders/sales} answers. */
  public Future<JsonObject> sales(BusCaller staff, int days) {
    return bus.send(Addresses.ORDERS_ADMIN_SALES, new JsonObject(),
        new JsonObject().put("days", Integer.toString(days)), new JsonObject(), staff).map(reply -> reply.body());
  }
}
