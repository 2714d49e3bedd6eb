package io.polymart.recommendations;

import io.polymart.testing.BusTestNode.Caller;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.polymart.recommendations.TestEvents.id;
import static org.assertj.core.api.Assertions.assertThat;

class GuestSignInTest {
  private static RecsFixture.Deployment deployment;

  @BeforeAll
  static void deploy() {
    deployment = RecsFixture.deploy(1);
  }

  @AfterAll
  static void undeploy() {
    deployment.undeploy();
  }

  /** Product id to reason, for the caller's "for you". */
  private static Map<String, String> forYou(Caller caller) {
    return RecsFixture.forYou(caller, new JsonObject().put("size", "50")).getJsonArray("items").stream()
        .map(JsonObject.class::cast)
        .collect(Collectors.toMap(item -> item.getString("id"), item -> item.getString("reason")));
  }

  @Test
  void aGuestsViewsCountForThemAndForTheirAccountOnceTheySignIn() {
    String category = id();
    String tent = TestEvents.product(category);
    String stove = TestEvents.product(category);
    String lamp = TestEvents.product(category);
    RecsFixture.awaitCaughtUp();
    TestEvents.orderPaid(id(), List.of(tent, stove));
    TestEvents.orderPaid(id(), List.of(tent, lamp));
    String visitor = "v-" + id();
    String userId = id();
    TestEvents.viewed(tent, null, visitor);
    RecsFixture.awaitCaughtUp();

    Caller guest = Caller.anonymous().withHeader(RecommendationsBindings.VISITOR_HEADER, visitor);
    assertThat(forYou(guest)).containsEntry(stove, "for-you").containsEntry(lamp, "for-you")
        .doesNotContainKey(tent);
    Caller user = Caller.user(userId);
    assertThat(forYou(user)).doesNotContainValue("for-you");

    TestEvents.signedIn(visitor, userId);
    RecsFixture.awaitCaughtUp();
    assertThat(forYou(user)).containsEntry(stove, "for-you").containsEntry(lamp, "for-you")
        .doesNotContainKey(tent);
    assertThat(forYou(Caller.user(id()))).doesNotContainValue("for-you");

    // what they just bought is no longer recommended to them
    TestEvents.orderPaid(userId, List.of(stove));
    RecsFixture.awaitCaughtUp();
    assertThat(forYou(user)).containsEntry(lamp, "for-you").doesNotContainKey(stove);
  }
}
