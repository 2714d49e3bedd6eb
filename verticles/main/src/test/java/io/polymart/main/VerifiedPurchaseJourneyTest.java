package io.polymart.main;

import io.polymart.core.client.BusClient;
import io.polymart.core.client.BusSettings;
import io.polymart.testing.Await;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.polymart.core.bus.Addresses.REVIEWS_PURCHASES_LIST;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real order through the gateway, bought, paid, shipped and delivered, reaches the reviews verticle over
 * polymart.orders (outbox, relay, topic, consumer group polymart.reviews) and makes its buyer eligible to review the
 * product. Prints the median time from the deliver answer to eligibility (issue 11 asks for it).
 */
class VerifiedPurchaseJourneyTest {
  private static final int ORDERS = 5;
  private static final Duration ELIGIBLE_WITHIN = Duration.ofSeconds(10);
  private final Shop shop = new Shop();

  @Test
  void aDeliveredOrderMakesItsBuyerEligibleToReviewWithinSeconds() {
    BusClient bus = new BusClient(TestPlatform.vertx(), new BusSettings(Duration.ofSeconds(15)));
    Shop.Buyer buyer = shop.buyer();
    List<Long> latencies = new ArrayList<>();
    for (int i = 0; i < ORDERS; i++) {
      Shop.Sku sku = shop.stockedSku("25.00", 3);
      String orderId = shop.paidOrder(buyer, sku, 1).getString("id");
      assertThat(shop.staff(shop.seller(), orderId, "ship", new JsonObject().put("carrier", "SF")
          .put("trackingNo", "SF" + i)).status()).isEqualTo(200);
      JsonObject shipped = purchase(bus, buyer, sku);
      assertThat(shipped == null || !shipped.getBoolean("eligible")).as("not eligible before delivery").isTrue();

      assertThat(shop.staff(shop.seller(), orderId, "deliver", null).json().getString("status"))
          .isEqualTo("DELIVERED");
      long delivered = System.nanoTime();
      Await.until("the buyer to be eligible for " + sku.productId(), ELIGIBLE_WITHIN, () -> {
        JsonObject purchase = purchase(bus, buyer, sku);
        return purchase != null && purchase.getBoolean("eligible");
      });
      latencies.add((System.nanoTime() - delivered) / 1_000_000);

      JsonObject purchase = purchase(bus, buyer, sku);
      assertThat(purchase).isEqualTo(new JsonObject().put("productId", sku.productId())
          .put("skuIds", new JsonArray().add(sku.skuId())).put("eligible", true));
    }
    List<Long> sorted = latencies.stream().sorted().toList();
    System.out.printf("OrderDelivered to review eligibility: median %d ms over %d orders (all: %s ms)%n",
        sorted.get(sorted.size() / 2), sorted.size(), latencies);
  }

  private static JsonObject purchase(BusClient bus, Shop.Buyer buyer, Shop.Sku sku) {
    JsonObject reply = Await.result(bus.request(REVIEWS_PURCHASES_LIST,
        new JsonObject().put("userId", buyer.session().userId())), Duration.ofSeconds(15));
    return reply.getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(item -> item.getString("productId").equals(sku.productId())).findFirst().orElse(null);
  }
}
