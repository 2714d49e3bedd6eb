package io.polymart.orders.order;

import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** The shapes of what orders tells the world: outbox event data and live updates for the buyer. */
public final class OrderEvents {
  private OrderEvents() {
  }

  /** Now, to the millisecond like the timestamps PostgreSQL writes into orders. */
  public static String now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
  }

  /** A live update: {@code {type: "order.status", orderId, number, from, to, at}}. */
  public static JsonObject statusChange(UUID orderId, String number, OrderStatus from, OrderStatus to) {
    return new JsonObject().put("type", "order.status").put("orderId", orderId.toString()).put("number", number)
        .put("from", from == null ? null : from.name()).put("to", to.name()).put("at", now());
  }

  /**
   * Outbox data for a transition: who, which move, and the order's buyer and lines, so a consumer can act on any
   * status change without having seen OrderPlaced. Refunds are whole-order: the lines of OrderRefunded are all
   * refunded.
   */
  public static JsonObject transition(LockedOrder order, OrderStatus to, Actor actor, String reason) {
    return new JsonObject().put("orderId", order.id().toString()).put("number", order.number())
        .put("userId", order.userId().toString()).put("from", order.status().name()).put("to", to.name())
        .put("actor", actor.kind()).put("reason", reason).put("total", order.total().toPlainString())
        .put("currency", order.currency()).put("items", order.items());
  }
}
