package io.polymart.orders;

import io.polymart.testing.Await;
import io.polymart.testing.BusTestNode.Caller;
import io.polymart.testing.KafkaEvents;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.polymart.core.bus.Addresses.ORDERS_ADMIN_DELIVER;
import static io.polymart.core.bus.Addresses.ORDERS_ADMIN_REFUND_APPROVE;
import static io.polymart.core.bus.Addresses.ORDERS_ADMIN_SHIP;
import static io.polymart.core.bus.Addresses.ORDERS_CONFIRM_RECEIPT;
import static io.polymart.core.bus.Addresses.ORDERS_REFUND_REQUEST;
import static io.polymart.orders.OrdersFixture.act;
import static io.polymart.orders.OrdersFixture.addresses;
import static io.polymart.orders.OrdersFixture.checkout;
import static io.polymart.orders.OrdersFixture.get;
import static io.polymart.orders.OrdersFixture.line;
import static io.polymart.orders.OrdersFixture.node;
import static io.polymart.orders.OrdersFixture.order;
import static io.polymart.orders.OrdersFixture.pay;
import static io.polymart.orders.OrdersFixture.sql;
import static io.polymart.orders.OrdersFixture.startPayment;
import static io.polymart.orders.OrdersFixture.stock;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every status change on {@code polymart.orders} carries the buyer and all the order's lines, so a consumer (the
 * reviews' projection of who bought what) can act on OrderDelivered, OrderCompleted or OrderRefunded alone.
 */
class StatusChangeEventsTest {
  private static final Duration PUBLISHED_WITHIN = Duration.ofSeconds(30);
  private static final JsonObject SHIPMENT = new JsonObject().put("carrier", "UPS").put("trackingNo", "1Z999AA2");

  @Test
  void aDeliveredAndCompletedOrderTellsWhoBoughtWhichLines() {
    Caller buyer = Caller.user();
    Caller seller = Caller.seller();
    String shirt = stock().sku("40.00", 5, seller.userId());
    String mug = stock().sku("12.50", 5, Caller.seller().userId());
    JsonObject placed = order(buyer, checkout(addresses().address(buyer), line(shirt, 2), line(mug, 1)));
    String id = placed.getString("id");
    pay(buyer, id);
    act(ORDERS_ADMIN_SHIP, id, SHIPMENT, seller).orThrow();
    act(ORDERS_ADMIN_DELIVER, id, new JsonObject(), seller).orThrow();
    act(ORDERS_CONFIRM_RECEIPT, id, new JsonObject(), buyer).orThrow();

    List<JsonObject> events = eventsOf(id, "OrderCompleted");
    assertThat(events).extracting(event -> event.getString("type")).containsExactly("OrderPlaced", "OrderPaid",
        "OrderShipped", "OrderDelivered", "OrderCompleted");
    List<JsonObject> lines = List.of(expectedLine(shirt, 2), expectedLine(mug, 1));
    for (JsonObject event : events) {
      assertEnvelope(event, id);
      assertBoughtBy(event, buyer, lines);
    }
    assertThat(events.get(0).getJsonObject("data").getString("number")).isEqualTo(placed.getString("number"));
    JsonObject delivered = events.get(3).getJsonObject("data");
    assertThat(delivered.getString("from")).isEqualTo("SHIPPED");
    assertThat(delivered.getString("to")).isEqualTo("DELIVERED");
  }

  @Test
  void aRefundedOrderListsTheLinesItRefunded() {
    Caller buyer = Caller.user();
    Caller seller = Caller.seller();
    String skuId = stock().sku("25.00", 5, seller.userId());
    String id = order(buyer, skuId, 3).getString("id");
    pay(buyer, id);
    act(ORDERS_ADMIN_SHIP, id, SHIPMENT, seller).orThrow();
    act(ORDERS_ADMIN_DELIVER, id, new JsonObject(), seller).orThrow();
    act(ORDERS_REFUND_REQUEST, id, new JsonObject().put("reason", "wrong size"), buyer).orThrow();
    act(ORDERS_ADMIN_REFUND_APPROVE, id, new JsonObject(), seller).orThrow();

    List<JsonObject> events = eventsOf(id, "OrderRefunded");
    JsonObject refunded = events.get(events.size() - 1);
    assertThat(refunded.getString("type")).isEqualTo("OrderRefunded");
    assertEnvelope(refunded, id);
    assertBoughtBy(refunded, buyer, List.of(expectedLine(skuId, 3)));
    assertThat(refunded.getJsonObject("data").getString("to")).isEqualTo("REFUNDED");
  }

  @Test
  void anOrderCancelledByThePaymentTimeoutListsItsLinesToo() {
    Caller buyer = Caller.user();
    String skuId = stock().sku("9.99", 5, Caller.seller().userId());
    String id = order(buyer, skuId, 4).getString("id");
    startPayment(buyer, id, new JsonObject().put("outcome", "delay").put("delaySeconds", 600));

    sql("UPDATE orders.orders SET expires_at = now() - interval '1 second' WHERE id = $1", UUID.fromString(id));
    Await.until("the expired order to be cancelled", PUBLISHED_WITHIN,
        () -> "CANCELLED".equals(get(buyer, id).getString("status")));

    List<JsonObject> events = eventsOf(id, "OrderCancelled");
    JsonObject cancelled = events.get(events.size() - 1);
    assertEnvelope(cancelled, id);
    assertThat(cancelled.getJsonObject("data").getString("actor")).isEqualTo("system");
    assertBoughtBy(cancelled, buyer, List.of(expectedLine(skuId, 4)));
  }

  private static List<JsonObject> eventsOf(String orderId, String last) {
    return KafkaEvents.until(node().config().getJsonObject("kafka").getString("bootstrapServers"), "polymart.orders",
        orderId, last, PUBLISHED_WITHIN);
  }

  /** A line as the events list it: the SKU's product, seller and price from the catalog, and the quantity bought. */
  private static JsonObject expectedLine(String skuId, int quantity) {
    JsonObject sku = stock().facts(skuId);
    return new JsonObject().put("skuId", skuId).put("productId", sku.getString("productId"))
        .put("sellerId", sku.getString("sellerId")).put("quantity", quantity)
        .put("unitPrice", sku.getString("unitPrice"));
  }

  private static void assertEnvelope(JsonObject event, String orderId) {
    assertThat(event.fieldNames()).containsExactlyInAnyOrder("type", "id", "occurredAt", "aggregateId", "data");
    assertThat(UUID.fromString(event.getString("id"))).isNotNull();
    assertThat(Instant.parse(event.getString("occurredAt"))).isBefore(Instant.now().plusSeconds(1));
    assertThat(event.getString("aggregateId")).isEqualTo(orderId);
    assertThat(event.getJsonObject("data").getString("orderId")).isEqualTo(orderId);
  }

  private static void assertBoughtBy(JsonObject event, Caller buyer, List<JsonObject> lines) {
    JsonObject data = event.getJsonObject("data");
    assertThat(data.getString("userId")).as(event.encode()).isEqualTo(buyer.userId());
    assertThat(data.getJsonArray("items")).as(event.encode()).isNotNull();
    assertThat(data.getJsonArray("items").stream().map(JsonObject.class::cast).toList()).as(event.encode())
        .containsExactlyInAnyOrderElementsOf(lines);
  }
}
