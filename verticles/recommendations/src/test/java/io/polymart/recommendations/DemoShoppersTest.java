package io.polymart.recommendations;

import io.polymart.core.events.ActivityPublisher;
import io.polymart.recommendations.DemoShopperPlan.Product;
import io.polymart.testing.Await;
import io.polymart.testing.BusTestNode;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.polymart.recommendations.RecsFixture.TIMEOUT;
import static io.polymart.recommendations.RecsFixture.forProduct;
import static io.polymart.recommendations.TestEvents.id;
import static org.assertj.core.api.Assertions.assertThat;

class DemoShoppersTest {
  private static RecsFixture.Deployment deployment;

  @BeforeAll
  static void deploy() {
    JsonObject config = RecsFixture.node().config().copy();
    config.getJsonObject("recommendations").getJsonObject("demo").put("enabled", true);
    deployment = RecsFixture.deploy(1, config);
  }

  @AfterAll
  static void undeploy() {
    deployment.undeploy();
  }

  @Test
  void demoShoppersBuyThePlantedBundlesTogetherOnceAcrossRuns() {
    String category = id();
    String tag = id().substring(0, 8);
    List<Product> products = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      String productId = id();
      String name = "Demo " + tag + " " + i;
      TestEvents.productEvent("ProductCreated", productId, TestEvents.snapshot(name, "ACTIVE", category, null, "10.00"));
      products.add(new Product(productId, name.toLowerCase().replace(' ', '-'), category));
    }
    String notDemo = TestEvents.product(category);
    List<List<Product>> bundles = DemoShopperPlan.bundles(products);
    assertThat(bundles).hasSizeBetween(2, 3);

    // the verticle's own demo shoppers, once its passes see the products settle
    for (List<Product> bundle : bundles) {
      for (Product product : bundle) {
        List<String> partners = bundle.stream().filter(p -> p != product).map(Product::id).toList();
        Await.until("the planted bundle in bought-together", TIMEOUT,
            () -> forProduct(product.id(), "bought-together").size() == partners.size());
        assertThat(forProduct(product.id(), "bought-together")).containsExactlyInAnyOrderElementsOf(partners);
        Await.until("the bundle's views in viewed-together", TIMEOUT,
            () -> forProduct(product.id(), "viewed-together").containsAll(partners));
      }
    }
    assertThat(forProduct(notDemo, "bought-together")).isEmpty();

    // a second run (a restart) changes nothing
    Map<String, Double> weights = boughtWeights(products);
    ActivityPublisher activity = ActivityPublisher.acquire(RecsFixture.node().vertx(),
        RecsFixture.node().config().getJsonObject("kafka").getString("bootstrapServers"));
    try {
      DemoShoppers again = new DemoShoppers(RecsFixture.node().vertx(), RecsFixture.redis(), activity,
          RecommendationsSettings.from(RecsFixture.node().config()), Clock.systemUTC());
      assertThat(BusTestNode.await(again.demoProducts())).containsAll(products).doesNotContain(
          new Product(notDemo, "product-" + notDemo.substring(0, 8), category));
      // this category's visits only: other tests' demo products may still be being simulated by the verticle
      assertThat(BusTestNode.await(again.simulate(products))).as("visits simulated again").isZero();
    } finally {
      BusTestNode.await(activity.release());
    }
    assertThat(boughtWeights(products)).isEqualTo(weights);
  }

  private static Map<String, Double> boughtWeights(List<Product> products) {
    Map<String, Double> weights = new TreeMap<>();
    for (Product product : products) {
      String key = RecsKeys.neighbours(RecsKeys.Relation.BOUGHT, product.id());
      RedisReplies.scores(BusTestNode.await(RecsFixture.redis().zrange(List.of(key, "0", "-1", "WITHSCORES"))))
          .forEach((neighbour, weight) -> weights.put(product.id() + ">" + neighbour, weight));
    }
    List<String> itemWeights = new ArrayList<>(List.of(RecsKeys.itemWeights(RecsKeys.Relation.BOUGHT)));
    products.forEach(product -> itemWeights.add(product.id()));
    List<String> items = BusTestNode.await(RecsFixture.redis().hmget(itemWeights)).stream()
        .map(Object::toString).toList();
    for (int i = 0; i < products.size(); i++) {
      weights.put(products.get(i).id(), Double.parseDouble(items.get(i)));
    }
    return weights;
  }
}
