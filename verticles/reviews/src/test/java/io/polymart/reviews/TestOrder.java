package io.polymart.reviews;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An order whose {@code polymart.orders} events a test writes, in the shape of {@code schemas/events/
 * polymart.orders.json}: OrderPlaced, then status changes each a second after the one before, all carrying the buyer
 * and the lines.
 */
final class TestOrder {
  final UUID orderId;
  final UUID userId;
  private final JsonArray items = new JsonArray();
  private Instant clock = Instant.parse("2026-01-01T00:00:00Z").plusSeconds((long) (Math.random() * 1_000_000));
  private String status = "PENDING_PAYMENT";

  TestOrder(UUID userId) {
    this(userId, UUID.randomUUID());
  }

  /** More events of an order the projection already holds. */
  TestOrder(UUID userId, UUID orderId) {
    this.userId = userId;
    this.orderId = orderId;
  }

  /** A line of the order; the catalog double sells the product and SKU from now on. */
  TestOrder line(UUID productId, UUID skuId, int quantity) {
    ReviewsFixture.catalog().sells(productId, skuId);
    items.add(new JsonObject().put("skuId", skuId.toString()).put("productId", productId.toString())
        .put("sellerId", ReviewsFixture.catalog().sellerOf(productId)).put("quantity", quantity)
        .put("unitPrice", "19.90"));
    return this;
  }

  JsonObject placed() {
    return envelope("OrderPlaced", new JsonObject().put("orderId", orderId.toString()).put("number", number())
        .put("userId", userId.toString()).put("items", items.copy()).put("subtotal", "19.90")
        .put("discount", "0.00").put("shippingFee", "10.00").put("total", "29.90").put("currency", "USD")
        .put("couponCode", null));
  }

  /** The next status change, {@code to} from the status the order is in now. */
  JsonObject moved(String type, String to) {
    JsonObject event = envelope(type, new JsonObject().put("orderId", orderId.toString()).put("number", number())
        .put("userId", userId.toString()).put("from", status).put("to", to).put("actor", "seller")
        .put("reason", null).put("total", "29.90").put("currency", "USD").put("items", items.copy()));
    status = to;
    return event;
  }

  /** Placed, paid, shipped and delivered. */
  List<JsonObject> deliveredEvents() {
    List<JsonObject> events = new ArrayList<>();
    events.add(placed());
    events.add(moved("OrderPaid", "PAID"));
    events.add(moved("OrderShipped", "SHIPPED"));
    events.add(moved("OrderDelivered", "DELIVERED"));
    return events;
  }

  /** The same event at another time, under a new event id: a late copy of an older change. */
  static JsonObject at(JsonObject event, Instant occurredAt) {
    return event.copy().put("id", UUID.randomUUID().toString()).put("occurredAt", occurredAt.toString());
  }

  private JsonObject envelope(String type, JsonObject data) {
    clock = clock.plusSeconds(1);
    return new JsonObject().put("type", type).put("id", UUID.randomUUID().toString())
        .put("occurredAt", clock.toString()).put("aggregateId", orderId.toString()).put("data", data);
  }

  private String number() {
    return "PM" + orderId.toString().substring(0, 8).toUpperCase();
  }
}
