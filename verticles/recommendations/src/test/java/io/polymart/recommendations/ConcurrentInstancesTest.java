package io.polymart.recommendations;

import io.polymart.core.events.DomainEvent;
import io.polymart.recommendations.RecsKeys.Relation;
import io.polymart.recommendations.scoring.BasketLearner;
import io.polymart.recommendations.scoring.ForwardDecay;
import io.polymart.recommendations.scoring.MemoryCoOccurrence;
import io.polymart.testing.BusTestNode;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.polymart.recommendations.TestEvents.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ConcurrentInstancesTest {
  private static final RecommendationsSettings SETTINGS = RecommendationsSettings.from(RecsFixture.node().config());
  private static final ForwardDecay DECAY = SETTINGS.pairDecay();

  @Test
  void instancesSharingTheGroupThroughRebalancesCountEachOrderOnce() {
    RecsFixture.Deployment two = RecsFixture.deploy(2);
    RecsFixture.Deployment third = null;
    List<String> products = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      products.add(id());
    }
    MemoryCoOccurrence expected = new MemoryCoOccurrence();
    Random random = new Random(12);
    Instant start = Instant.now().minus(Duration.ofHours(1));
    try {
      for (int order = 0; order < 40; order++) {
        if (order == 10) {
          third = RecsFixture.deploy(1);
        } else if (order == 25) {
          third.undeploy();
          third = null;
        }
        List<String> basket = basket(products, random);
        Instant at = start.plusSeconds(order * 7L);
        TestEvents.orderPaid(id(), basket, at);
        BasketLearner.learn(basket, DECAY.weight(at), expected);
      }
      RecsFixture.awaitCaughtUp();
      assertWeights(products, expected);
    } finally {
      if (third != null) {
        third.undeploy();
      }
      two.undeploy();
    }
  }

  @Test
  void twoHandlersRacingOverTheSameEventsApplyEachOnce() {
    RecsEventHandler one = new RecsEventHandler(RecsFixture.redis(), SETTINGS);
    RecsEventHandler other = new RecsEventHandler(RecsFixture.redis(), SETTINGS);
    List<String> products = List.of(id(), id(), id(), id());
    MemoryCoOccurrence expected = new MemoryCoOccurrence();
    Random random = new Random(34);
    Instant start = Instant.now().minus(Duration.ofHours(2));
    // a partition no real topic has, so the offsets are this test's own
    int partition = 1_000 + random.nextInt(1_000_000);
    List<DomainEvent> events = new ArrayList<>();
    for (int offset = 0; offset < 30; offset++) {
      List<String> basket = basket(products, random);
      Instant at = start.plusSeconds(offset * 11L);
      BasketLearner.learn(basket, DECAY.weight(at), expected);
      events.add(orderPaid(basket, at, partition, offset));
    }
    // each as a consumer handles a partition, one event after the other; the two side by side
    Future<Void> first = Future.succeededFuture();
    Future<Void> second = Future.succeededFuture();
    for (DomainEvent event : events) {
      first = first.compose(v -> one.handle(event));
      second = second.compose(v -> other.handle(event));
    }
    BusTestNode.awaitAll(List.of(first, second));
    assertThat(one.applied() + other.applied()).isEqualTo(30);
    assertThat(one.replayed() + other.replayed()).isEqualTo(30);
    assertWeights(products, expected);
  }

  private static List<String> basket(List<String> products, Random random) {
    List<String> basket = new ArrayList<>();
    for (String product : products) {
      if (random.nextInt(3) == 0) {
        basket.add(product);
      }
    }
    if (basket.size() < 2) {
      basket = List.of(products.get(0), products.get(1 + random.nextInt(products.size() - 1)));
    }
    return basket;
  }

  private static DomainEvent orderPaid(List<String> basket, Instant at, int partition, long offset) {
    JsonArray items = new JsonArray();
    basket.forEach(product -> items.add(new JsonObject().put("productId", product).put("skuId", id())
        .put("quantity", 1).put("unitPrice", "1.00")));
    String orderId = id();
    return new DomainEvent("OrderPaid", id(), at, orderId, new JsonObject().put("orderId", orderId)
        .put("userId", id()).put("items", items), RecsEventHandler.ORDERS, partition, offset);
  }

  private static void assertWeights(List<String> products, MemoryCoOccurrence expected) {
    for (String product : products) {
      String stored = String.valueOf(BusTestNode.await(RecsFixture.redis().hget(RecsKeys.itemWeights(Relation.BOUGHT),
          product)));
      double weight = expected.itemWeight(product);
      assertThat(Double.parseDouble(stored)).as("weight of %s", product).isCloseTo(weight, within(weight * 1e-9));
      Map<String, Double> neighbours = RedisReplies.scores(BusTestNode.await(RecsFixture.redis().zrange(List.of(
          RecsKeys.neighbours(Relation.BOUGHT, product), "0", "-1", "WITHSCORES"))));
      assertThat(neighbours.keySet()).as("neighbours of %s", product)
          .containsExactlyInAnyOrderElementsOf(expected.neighbours(product).keySet());
      expected.neighbours(product).forEach((other, pair) -> assertThat(neighbours.get(other))
          .as("pair %s %s", product, other).isCloseTo(pair, within(pair * 1e-9)));
    }
  }
}
