package io.polymart.main;

import io.polymart.testing.KafkaEvents;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What orders tells everyone else on Kafka topic polymart.orders, read by a plain consumer. */
class OrderEventsTest {
  private final Shop shop = new Shop();

  private static List<JsonObject> eventsOf(String orderId, String last) {
    return KafkaEvents.until(TestPlatform.config().getJsonObject("kafka").getString("bootstrapServers"),
        "polymart.orders", orderId, last, Duration.ofSeconds(30));
  }

  private static List<String> types(List<JsonObject> events) {
    return events.stream().map(event -> event.getString("type")).toList();
  }

  @Test
  void everyStepOfAnOrderIsPublishedInOrder() {
    Shop.Sku sku = shop.stockedSku("45.00", 5);
    Shop.Buyer buyer = shop.buyer();
    JsonObject order = shop.paidOrder(buyer, sku, 2);
    String id = order.getString("id");
    shop.staff(shop.seller(), id, "ship", new JsonObject().put("carrier", "SF").put("trackingNo", "SF1"));
    shop.staff(shop.seller(), id, "deliver", null);
    shop.buyerAction(buyer, id, "refund", new JsonObject().put("reason", "broken"));
    shop.staff(shop.seller(), id, "refund/approve", null);

    List<JsonObject> events = eventsOf(id, "OrderRefunded");
    assertThat(types(events)).containsExactly("OrderPlaced", "OrderPaid", "OrderShipped", "OrderDelivered",
        "OrderRefundRequested", "OrderRefunded");
    JsonObject placed = events.get(0);
    assertThat(placed.getString("aggregateId")).isEqualTo(id);
    assertThat(placed.getJsonObject("data").getString("number")).isEqualTo(order.getString("number"));
    assertThat(placed.getJsonObject("data").getString("total")).isEqualTo("100.00");
    JsonObject item = placed.getJsonObject("data").getJsonArray("items").getJsonObject(0);
    assertThat(item.getString("skuId")).isEqualTo(sku.skuId());
    assertThat(item.getInteger("quantity")).isEqualTo(2);
    assertThat(item.getString("unitPrice")).isEqualTo("45.00");
    assertThat(item.getString("sellerId")).isEqualTo(shop.seller().userId());
    JsonObject refunded = events.get(5).getJsonObject("data");
    assertThat(refunded.getString("from")).isEqualTo("REFUND_REQUESTED");
    assertThat(refunded.getString("to")).isEqualTo("REFUNDED");
    assertThat(refunded.getString("actor")).isEqualTo("seller");
    assertThat(refunded.getString("reason")).isEqualTo("broken");
    assertThat(events.get(1).getJsonObject("data").getString("actor")).isEqualTo("payment");
    // a consumer learns who bought what from a status change alone, OrderPlaced unseen
    JsonObject line = new JsonObject().put("skuId", sku.skuId()).put("productId", sku.productId())
        .put("sellerId", shop.seller().userId()).put("quantity", 2).put("unitPrice", "45.00");
    for (JsonObject event : events.subList(1, events.size())) {
      assertThat(event.getJsonObject("data").getString("userId")).as(event.encode())
          .isEqualTo(buyer.session().userId());
      assertThat(event.getJsonObject("data").getJsonArray("items")).as(event.encode()).containsExactly(line);
    }
  }

  @Test
  void cancelledAndCompletedOrdersSayHowTheyEnded() {
    Shop.Sku sku = shop.stockedSku("12.00", 5);
    Shop.Buyer buyer = shop.buyer();
    String cancelled = shop.order(buyer, sku, 1).getString("id");
    shop.buyerAction(buyer, cancelled, "cancel", null);
    String completed = shop.paidOrder(buyer, sku, 1).getString("id");
    shop.staff(shop.seller(), completed, "ship", new JsonObject().put("carrier", "SF").put("trackingNo", "SF2"));
    shop.staff(shop.seller(), completed, "deliver", null);
    shop.buyerAction(buyer, completed, "confirm-receipt", null);

    List<JsonObject> cancel = eventsOf(cancelled, "OrderCancelled");
    assertThat(types(cancel)).containsExactly("OrderPlaced", "OrderCancelled");
    assertThat(cancel.get(1).getJsonObject("data").getString("actor")).isEqualTo("user");
    List<JsonObject> complete = eventsOf(completed, "OrderCompleted");
    assertThat(types(complete)).containsExactly("OrderPlaced", "OrderPaid",
        "OrderShipped", "OrderDelivered", "OrderCompleted");
    JsonObject done = complete.get(4).getJsonObject("data");
    assertThat(done.getString("userId")).isEqualTo(buyer.session().userId());
    assertThat(done.getJsonArray("items")).containsExactly(new JsonObject().put("skuId", sku.skuId())
        .put("productId", sku.productId()).put("sellerId", shop.seller().userId()).put("quantity", 1)
        .put("unitPrice", "12.00"));
  }
}
