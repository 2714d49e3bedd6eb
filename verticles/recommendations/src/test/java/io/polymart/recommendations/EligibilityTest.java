package io.polymart.recommendations;

import io.polymart.testing.BusTestNode.Caller;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.polymart.recommendations.RecsFixture.forProduct;
import static io.polymart.recommendations.TestEvents.id;
import static org.assertj.core.api.Assertions.assertThat;

class EligibilityTest {
  private static RecsFixture.Deployment deployment;

  @BeforeAll
  static void deploy() {
    deployment = RecsFixture.deploy(1);
  }

  @AfterAll
  static void undeploy() {
    deployment.undeploy();
  }

  /** A shop where A was bought and viewed with B, C and D, all in one category: each list has all three. */
  private record Shop(String category, String a, String b, String c, String d, Caller buyer) {
    static Shop open() {
      String category = id();
      String brand = id();
      List<String> products = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        products.add(TestEvents.product(category, brand, "10.00"));
      }
      RecsFixture.awaitCaughtUp();
      String a = products.get(0);
      String buyer = id();
      for (String other : products.subList(1, 4)) {
        TestEvents.orderPaid(id(), List.of(a, other));
      }
      String viewer = id();
      products.forEach(product -> TestEvents.viewed(product, viewer, null));
      TestEvents.viewed(a, buyer, null);
      TestEvents.cartAdded(a, buyer);
      RecsFixture.awaitCaughtUp();
      return new Shop(category, a, products.get(1), products.get(2), products.get(3), Caller.user(buyer));
    }

    /** Every list B, C or D can be in, each as ids. */
    List<List<String>> lists() {
      return List.of(forProduct(a, "bought-together"), forProduct(a, "viewed-together"), forProduct(a, "similar"),
          RecsFixture.ids(RecsFixture.trendingReply(new JsonObject().put("category", category).put("window", "week"))
              .orThrow()),
          RecsFixture.ids(RecsFixture.forYou(buyer, new JsonObject().put("size", "50"))));
    }

    void assertEveryListHolds(String... products) {
      for (List<String> list : lists()) {
        assertThat(list).containsAll(List.of(products));
      }
    }

    void assertNoListHolds(String product) {
      for (List<String> list : lists()) {
        assertThat(list).doesNotContain(product);
      }
    }
  }

  @Test
  void anUnpublishedProductLeavesEveryListAndComesBackWhenPublishedAgain() {
    Shop shop = Shop.open();
    shop.assertEveryListHolds(shop.b(), shop.c(), shop.d());
    assertThat(forProduct(shop.a(), "bought-together")).doesNotContain(shop.a());

    TestEvents.productEvent("ProductUnpublished", shop.b(),
        TestEvents.snapshot("B", "INACTIVE", shop.category(), null, "10.00"));
    RecsFixture.awaitCaughtUp();
    shop.assertNoListHolds(shop.b());
    shop.assertEveryListHolds(shop.c(), shop.d());

    TestEvents.productEvent("ProductPublished", shop.b(),
        TestEvents.snapshot("B", "ACTIVE", shop.category(), null, "10.00"));
    RecsFixture.awaitCaughtUp();
    shop.assertEveryListHolds(shop.b(), shop.c(), shop.d());
  }

  @Test
  void aDeletedProductLeavesEveryList() {
    Shop shop = Shop.open();
    TestEvents.productEvent("ProductDeleted", shop.c(),
        TestEvents.snapshot("C", "DELETED", shop.category(), null, "10.00"));
    RecsFixture.awaitCaughtUp();
    shop.assertNoListHolds(shop.c());
    shop.assertEveryListHolds(shop.b(), shop.d());
  }

  @Test
  void aProductOutOfStockLeavesEveryListAndComesBackWhenRestocked() {
    Shop shop = Shop.open();
    String small = id();
    String large = id();
    TestEvents.stock(shop.d(), small, 0);
    TestEvents.stock(shop.d(), large, 2);
    RecsFixture.awaitCaughtUp();
    shop.assertEveryListHolds(shop.b(), shop.c(), shop.d());

    TestEvents.stock(shop.d(), large, 0);
    RecsFixture.awaitCaughtUp();
    shop.assertNoListHolds(shop.d());
    shop.assertEveryListHolds(shop.b(), shop.c());

    TestEvents.stock(shop.d(), small, 5);
    RecsFixture.awaitCaughtUp();
    shop.assertEveryListHolds(shop.b(), shop.c(), shop.d());
  }
}
