package io.polymart.reviews;

import io.polymart.core.events.DomainEvent;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * What one {@code polymart.orders} event says about a purchase: the order, its buyer, the status it is in after the
 * event, and the SKUs it holds of each product. {@code version} orders the events of one order.
 */
record OrderChange(UUID orderId, UUID userId, String status, EventVersion version,
    Map<UUID, List<UUID>> skusByProduct) {

  static final String PLACED_TYPE = "OrderPlaced";

  /**
   * Reads an event of any type: OrderPlaced makes a new order; every other event names its new status in
   * {@code data.to} (OrderRefundRejected, for one, goes back to DELIVERED).
   *
   * @throws IllegalArgumentException when the event lacks what the schema promises
   */
  static OrderChange from(DomainEvent event) {
    JsonObject data = event.data();
    String status = PLACED_TYPE.equals(event.type()) ? OrderStatus.PLACED : data.getString("to");
    if (status == null || status.isBlank()) {
      throw new IllegalArgumentException(event.type() + " " + event.id() + " has no data.to");
    }
    if (event.occurredAt() == null) {
      throw new IllegalArgumentException(event.type() + " " + event.id() + " has no occurredAt");
    }
    UUID orderId = uuid(data.getValue("orderId"), "data.orderId", event);
    UUID userId = uuid(data.getValue("userId"), "data.userId", event);
    return new OrderChange(orderId, userId, status, new EventVersion(event.id(), event.occurredAt(), event.offset()),
        skusByProduct(data.getValue("items"), event));
  }

  private static Map<UUID, List<UUID>> skusByProduct(Object items, DomainEvent event) {
    if (!(items instanceof JsonArray lines) || lines.isEmpty()) {
      throw new IllegalArgumentException(event.type() + " " + event.id() + " has no data.items");
    }
    Map<UUID, TreeSet<UUID>> skus = new TreeMap<>();
    for (Object line : lines) {
      if (!(line instanceof JsonObject item)) {
        throw new IllegalArgumentException(event.type() + " " + event.id() + " has an item that is no object");
      }
      skus.computeIfAbsent(uuid(item.getValue("productId"), "items[].productId", event),
              p -> new TreeSet<>(Comparator.comparing(UUID::toString)))
          .add(uuid(item.getValue("skuId"), "items[].skuId", event));
    }
    Map<UUID, List<UUID>> result = new TreeMap<>();
    skus.forEach((product, ids) -> result.put(product, List.copyOf(ids)));
    return result;
  }

  private static UUID uuid(Object value, String field, DomainEvent event) {
    try {
      return UUID.fromString((String) value);
    } catch (ClassCastException | IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException(event.type() + " " + event.id() + " has no UUID " + field + ": " + value);
    }
  }

  /**
   * The event, when it happened, then where it sits in its partition: all events of one order share a partition (the
   * record key is the order id), so the offset breaks a tie of two changes within one millisecond. {@code eventId} is
   * null for a change no event carried (a legacy document's entry, a demo order).
   */
  record EventVersion(String eventId, Instant occurredAt, long offset) {
  }
}
