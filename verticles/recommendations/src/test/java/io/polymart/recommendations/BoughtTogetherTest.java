package io.polymart.recommendations;

import io.polymart.testing.Await;
import io.polymart.testing.BusTestNode.Caller;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.polymart.recommendations.RecsFixture.TIMEOUT;
import static io.polymart.recommendations.RecsFixture.forProduct;
import static io.polymart.recommendations.TestEvents.id;
import static org.assertj.core.api.Assertions.assertThat;

class BoughtTogetherTest {
  private static RecsFixture.Deployment deployment;

  @BeforeAll
  static void deploy() {
    deployment = RecsFixture.deploy(1);
  }

  @AfterAll
  static void undeploy() {
    deployment.undeploy();
  }

  @Test
  void twoUsersBuyingAAndBPutBInAsBoughtTogetherWithinMoments() {
    List<Long> delaysMillis = new ArrayList<>();
    for (int round = 0; round < 9; round++) {
      String category = id();
      String a = TestEvents.product(category);
      String b = TestEvents.product(category);
      String lonely = TestEvents.product(category);
      TestEvents.rating(b, 4.5, 2);
      RecsFixture.awaitCaughtUp();
      assertThat(forProduct(a, "bought-together")).isEmpty();

      long sent = System.nanoTime();
      TestEvents.orderPaid(id(), List.of(a, b));
      TestEvents.orderPaid(id(), List.of(b, a));
      long[] seen = new long[1];
      Await.until("B in A's bought-together", TIMEOUT, () -> {
        boolean there = forProduct(a, "bought-together").contains(b);
        seen[0] = System.nanoTime();
        return there;
      });
      delaysMillis.add((seen[0] - sent) / 1_000_000);
      assertThat(forProduct(b, "bought-together")).containsExactly(a);
      assertThat(forProduct(lonely, "bought-together")).isEmpty();
    }
    delaysMillis.sort(null);
    System.out.println("[recs] bought-together event-to-answer delays (ms, sorted): " + delaysMillis
        + "; median " + delaysMillis.get(delaysMillis.size() / 2) + " ms");
  }

  @Test
  void anItemCarriesTheProductSummaryAndItsReason() {
    String category = id();
    String brand = id();
    String a = TestEvents.product(category, brand, "20.00");
    String b = TestEvents.product(category, brand, "12.50");
    TestEvents.rating(b, 4.25, 8);
    TestEvents.orderPaid(id(), List.of(a, b));
    RecsFixture.awaitCaughtUp();
    JsonObject item = forProduct(a, "bought-together", 5).getJsonArray("items").getJsonObject(0);
    assertThat(item.getString("id")).isEqualTo(b);
    assertThat(item.getString("name")).isEqualTo("Product " + b.substring(0, 8));
    assertThat(item.getString("slug")).isEqualTo("product-" + b.substring(0, 8));
    assertThat(item.getString("price")).isEqualTo("12.50");
    assertThat(item.getString("image")).isEqualTo("/media/products/Product " + b.substring(0, 8) + ".webp");
    assertThat(item.getJsonObject("rating")).isEqualTo(new JsonObject().put("average", 4.25).put("count", 8L));
    assertThat(item.getString("reason")).isEqualTo("bought-together");
  }

  @Test
  void aBestSellerDoesNotTopEveryListAndSizeCutsTheList() {
    String category = id();
    String phone = TestEvents.product(category);
    String phoneCase = TestEvents.product(category);
    String bestSeller = TestEvents.product(category);
    for (int i = 0; i < 3; i++) {
      TestEvents.orderPaid(id(), List.of(phone, phoneCase));
    }
    for (int i = 0; i < 4; i++) {
      TestEvents.orderPaid(id(), List.of(phone, bestSeller));
    }
    for (int i = 0; i < 12; i++) {
      TestEvents.orderPaid(id(), List.of(bestSeller, TestEvents.product(category)));
    }
    RecsFixture.awaitCaughtUp();
    assertThat(forProduct(phone, "bought-together")).containsExactly(phoneCase, bestSeller);
    assertThat(RecsFixture.ids(forProduct(phone, "bought-together", 1))).containsExactly(phoneCase);
  }

  @Test
  void viewsOfOneSessionAreViewedTogetherAndSimilarCoversANewProduct() {
    String category = id();
    String brand = id();
    String tent = TestEvents.product(category, brand, "100.00");
    String stove = TestEvents.product(category, null, "30.00");
    String newTent = TestEvents.product(category, brand, "110.00");
    String elsewhere = TestEvents.product(id(), brand, "500.00");
    String shopper = id();
    TestEvents.viewed(tent, shopper, null);
    TestEvents.viewed(stove, shopper, null);
    RecsFixture.awaitCaughtUp();
    assertThat(forProduct(tent, "viewed-together")).containsExactly(stove);
    assertThat(forProduct(stove, "viewed-together")).containsExactly(tent);
    assertThat(forProduct(tent, "bought-together")).isEmpty();
    // same category, brand and price band first; same brand only last
    assertThat(forProduct(newTent, "similar")).containsExactly(tent, stove, elsewhere);
    JsonObject first = forProduct(newTent, "similar", 1).getJsonArray("items").getJsonObject(0);
    assertThat(first.getString("reason")).isEqualTo("similar");
  }

  @Test
  void aNewcomerGetsTrendingAndTrendingCountsByCategoryAndWindow() {
    String category = id();
    String hot = TestEvents.product(category);
    String warm = TestEvents.product(category);
    String other = TestEvents.product(id());
    // a view counts for its category once the product's snapshot is known
    RecsFixture.awaitCaughtUp();
    for (int i = 0; i < 3; i++) {
      TestEvents.viewed(hot, id(), null);
    }
    TestEvents.viewed(warm, id(), null);
    TestEvents.viewed(other, id(), null);
    RecsFixture.awaitCaughtUp();
    for (String window : List.of("day", "week")) {
      JsonObject answer = RecsFixture.trendingReply(new JsonObject().put("category", category).put("window", window))
          .orThrow();
      assertThat(RecsFixture.ids(answer)).containsExactly(hot, warm);
      assertThat(answer.getJsonArray("items").getJsonObject(0).getString("reason")).isEqualTo("trending");
    }
    JsonObject newcomer = RecsFixture.forYou(Caller.user(), new JsonObject().put("size", "50"));
    assertThat(newcomer.getJsonArray("items")).isNotEmpty();
    assertThat(newcomer.getJsonArray("items").stream().map(JsonObject.class::cast)
        .map(item -> item.getString("reason"))).containsOnly("trending");
  }

  @Test
  void sizeTypeWindowAndIdsAreChecked() {
    String product = TestEvents.product(id());
    for (String size : List.of("0", "51", "ten", "2.5", "-1", "+5", "\u0665", "0010")) {
      assertThat(RecsFixture.productReply(product, new JsonObject().put("type", "similar").put("size", size))
          .failure().status()).as("size %s", size).isEqualTo(400);
      assertThat(RecsFixture.trendingReply(new JsonObject().put("size", size)).failure().status()).isEqualTo(400);
    }
    assertThat(RecsFixture.productReply(product, new JsonObject().put("type", "liked-together")).failure().status())
        .isEqualTo(400);
    assertThat(RecsFixture.productReply(product, new JsonObject()).failure().status()).isEqualTo(400);
    assertThat(RecsFixture.productReply("not-a-uuid", new JsonObject().put("type", "similar")).failure().status())
        .isEqualTo(404);
    assertThat(RecsFixture.trendingReply(new JsonObject().put("window", "month")).failure().status()).isEqualTo(400);
    assertThat(RecsFixture.trendingReply(new JsonObject().put("category", "shoes")).failure().status())
        .isEqualTo(400);
    assertThat(RecsFixture.trendingReply(new JsonObject().put("size", "50")).ok()).isTrue();
    assertThat(RecsFixture.productReply(product, new JsonObject().put("type", "similar").put("size", "1")).ok())
        .isTrue();
    assertThat(io.polymart.testing.BusTestNode.await(RecsFixture.node().send(
        io.polymart.core.bus.Addresses.RECS_FOR_YOU, new JsonObject(), new JsonObject(), new JsonObject(),
        Caller.anonymous().withHeader("x-visitor-id", "no spaces allowed"))).failure().status()).isEqualTo(400);
  }
}
