package io.polymart.recommendations;

import io.polymart.recommendations.RecsKeys.Relation;
import io.polymart.testing.BusTestNode;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.polymart.recommendations.TestEvents.id;
import static org.assertj.core.api.Assertions.assertThat;

/** Memory stays bounded: neighbours and activity are capped, activity expires, a bad record is parked and passed. */
class BoundsTest {
  private static RecsFixture.Deployment deployment;

  @BeforeAll
  static void deploy() {
    JsonObject conf = RecsFixture.node().config();
    conf.getJsonObject("recommendations").put("neighboursPerItem", 2).put("activityPerUser", 3);
    deployment = RecsFixture.deploy(1, conf);
  }

  @AfterAll
  static void undeploy() {
    deployment.undeploy();
  }

  @Test
  void neighboursAndActivityAreCappedAndActivityExpires() {
    String category = id();
    String hub = TestEvents.product(category);
    List<String> others = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      others.add(TestEvents.product(category));
    }
    RecsFixture.awaitCaughtUp();
    // the first two are bought with the hub twice, the rest once
    for (int i = 0; i < 5; i++) {
      TestEvents.orderPaid(id(), List.of(hub, others.get(i)));
    }
    TestEvents.orderPaid(id(), List.of(hub, others.get(0)));
    TestEvents.orderPaid(id(), List.of(hub, others.get(1)));
    String shopper = id();
    others.forEach(product -> TestEvents.viewed(product, shopper, null));
    RecsFixture.awaitCaughtUp();

    String neighbours = RecsKeys.neighbours(Relation.BOUGHT, hub);
    assertThat(BusTestNode.await(RecsFixture.redis().zcard(neighbours)).toInteger()).isEqualTo(2);
    assertThat(RecsFixture.forProduct(hub, "bought-together")).containsExactlyInAnyOrder(others.get(0),
        others.get(1));
    String activity = RecsKeys.activity(Shopper.user(shopper));
    assertThat(BusTestNode.await(RecsFixture.redis().zcard(activity)).toInteger()).isEqualTo(3);
    long ttl = BusTestNode.await(RecsFixture.redis().ttl(activity)).toLong();
    assertThat(ttl).isPositive().isLessThanOrEqualTo(30L * 24 * 3600);
  }

  @Test
  void aRecordThatIsNoEventIsParkedAndTheNextOnesStillCount() {
    String category = id();
    String a = TestEvents.product(category);
    String b = TestEvents.product(category);
    String key = id();
    RecsFixture.sendRaw(RecsEventHandler.ORDERS, key, "not json {");
    TestEvents.orderPaid(id(), List.of(a, b));
    RecsFixture.awaitCaughtUp();
    assertThat(RecsFixture.forProduct(a, "bought-together")).containsExactly(b);
    List<String> parked = BusTestNode.await(RecsFixture.redis().lrange(RecsKeys.PARKED, "0", "-1")).stream()
        .map(Object::toString).toList();
    assertThat(parked).anySatisfy(entry -> {
      JsonObject json = new JsonObject(entry);
      assertThat(json.getString("key")).isEqualTo(key);
      assertThat(json.getString("value")).isEqualTo("not json {");
      assertThat(json.getString("group")).isEqualTo(RecommendationsVerticle.GROUP);
    });
  }
}
