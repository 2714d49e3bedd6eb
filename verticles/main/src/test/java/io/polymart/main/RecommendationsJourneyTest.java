package io.polymart.main;

import io.polymart.testing.HttpTestClient.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two shoppers buy A and B through the gateway; the orders reach the recommendations verticle over polymart.orders
 * (and the products over polymart.catalog), and B shows in A's bought-together, through the gateway, for anyone.
 */
class RecommendationsJourneyTest {
  private static final String API = "/api/v1";
  private final Shop shop = new Shop();

  @Test
  void twoPaidOrdersOfAAndBPutBInAsBoughtTogetherThroughTheGateway() {
    Shop.Sku a = shop.stockedSku("30.00", 10);
    Shop.Sku b = shop.stockedSku("12.00", 10);
    for (int i = 0; i < 2; i++) {
      Shop.Buyer buyer = shop.buyer();
      JsonObject body = new JsonObject().put("items", new JsonArray()
          .add(new JsonObject().put("skuId", a.skuId()).put("quantity", 1))
          .add(new JsonObject().put("skuId", b.skuId()).put("quantity", 1)));
      Reply placed = shop.placeOrder(buyer, UUID.randomUUID().toString(), body);
      assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
      String orderId = placed.json().getString("id");
      assertThat(shop.pay(buyer, orderId, "success", null).status()).isEqualTo(201);
      shop.awaitStatus(buyer, orderId, "PAID");
    }
    String path = API + "/products/" + a.productId() + "/recommendations?type=bought-together&size=5";
    CatalogFixtures.await("B in A's bought-together", Duration.ofSeconds(20), () -> {
      Reply reply = TestPlatform.client().get(path).send();
      return reply.status() == 200 && ids(reply.json()).contains(b.productId());
    });
    JsonObject item = TestPlatform.client().get(path).send().json().getJsonArray("items").getJsonObject(0);
    assertThat(item.getString("id")).isEqualTo(b.productId());
    assertThat(item.getString("reason")).isEqualTo("bought-together");
    assertThat(item.getJsonObject("rating").getLong("count")).isZero();

    Reply trending = TestPlatform.client().get(API + "/recommendations/trending?window=week&size=50").send();
    assertThat(trending.status()).as(trending.toString()).isEqualTo(200);
    Reply forYou = TestPlatform.client().get(API + "/recommendations/for-you")
        .bearer(shop.buyer().token()).send();
    assertThat(forYou.status()).as(forYou.toString()).isEqualTo(200);
    assertThat(TestPlatform.client().get(API + "/products/" + a.productId() + "/recommendations?type=similar&size=51")
        .send().status()).isEqualTo(400);
    assertThat(TestPlatform.client().get(API + "/recommendations/trending?window=month").send().status())
        .isEqualTo(400);
  }

  private static List<String> ids(JsonObject answer) {
    return answer.getJsonArray("items").stream().map(JsonObject.class::cast).map(i -> i.getString("id")).toList();
  }
}
