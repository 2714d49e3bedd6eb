package io.polymart.recommendations;

import io.polymart.testing.BusTestNode;
import io.polymart.testing.BusTestNode.Caller;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.polymart.recommendations.RecsFixture.forProduct;
import static io.polymart.recommendations.TestEvents.id;
import static org.assertj.core.api.Assertions.assertThat;

class ReplayTest {

  @Test
  void replayingEveryTopicWithAFreshGroupLeavesTheSameAnswersAndWeights() {
    RecsFixture.Deployment first = RecsFixture.deploy(1);
    String category = id();
    List<String> products = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      products.add(TestEvents.product(category, id(), (10 + i) + ".00"));
    }
    RecsFixture.awaitCaughtUp();
    String user = id();
    TestEvents.orderPaid(user, products.subList(0, 3));
    TestEvents.orderPaid(id(), products.subList(1, 4));
    TestEvents.orderPaid(id(), products.subList(2, 5));
    products.forEach(product -> TestEvents.viewed(product, user, null));
    TestEvents.cartAdded(products.get(4), user);
    TestEvents.rating(products.get(1), 3.5, 2);
    TestEvents.stock(products.get(3), id(), 0);
    RecsFixture.awaitCaughtUp();
    Map<String, Object> before = state(products, category, user);
    first.undeploy();

    RecsFixture.deleteGroupOffsets();
    RecsFixture.Deployment replay = RecsFixture.deploy(1);
    try {
      RecsFixture.awaitCaughtUp();
      assertThat(replay.replayed()).as("events found applied before").isGreaterThan(0);
      assertThat(replay.applied()).as("events applied again").isZero();
      assertThat(state(products, category, user)).isEqualTo(before);
    } finally {
      replay.undeploy();
    }
  }

  /** Every answer about the products, and their weights as stored. */
  private static Map<String, Object> state(List<String> products, String category, String user) {
    Map<String, Object> state = new TreeMap<>();
    for (String product : products) {
      for (String type : List.of("bought-together", "viewed-together", "similar")) {
        state.put(product + " " + type, forProduct(product, type, 50).encode());
      }
      for (RecsKeys.Relation relation : RecsKeys.Relation.values()) {
        state.put(product + " " + relation + " neighbours", RedisReplies.scores(BusTestNode.await(RecsFixture.redis()
            .zrange(List.of(RecsKeys.neighbours(relation, product), "0", "-1", "WITHSCORES")))));
        state.put(product + " " + relation + " weight", String.valueOf(BusTestNode.await(RecsFixture.redis()
            .hget(RecsKeys.itemWeights(relation), product))));
      }
    }
    state.put("trending", RecsFixture.trendingReply(new JsonObject().put("category", category)).orThrow().encode());
    state.put("for you", RecsFixture.forYou(Caller.user(user), new JsonObject()).encode());
    return state;
  }
}
