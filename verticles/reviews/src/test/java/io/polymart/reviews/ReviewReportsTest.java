package io.polymart.reviews;

import io.polymart.core.error.ServiceException;
import io.polymart.reviews.ReviewsFixture.Deployment;
import io.polymart.testing.BusTestNode;
import io.polymart.testing.BusTestNode.Caller;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.polymart.core.bus.Addresses.REVIEWS_ADMIN_LIST;
import static io.polymart.core.bus.Addresses.REVIEWS_ADMIN_PUBLISH;
import static io.polymart.core.bus.Addresses.REVIEWS_REPORT;
import static io.polymart.core.bus.Addresses.REVIEWS_SUMMARY;
import static io.polymart.core.bus.Addresses.REVIEWS_UPDATE;
import static io.polymart.reviews.ReviewVotesTest.deliveredBuyer;
import static io.polymart.reviews.ReviewVotesTest.ids;
import static io.polymart.reviews.ReviewVotesTest.list;
import static io.polymart.reviews.ReviewVotesTest.params;
import static io.polymart.reviews.ReviewVotesTest.review;
import static io.polymart.reviews.ReviewVotesTest.stored;
import static io.polymart.reviews.ReviewsFixture.node;
import static org.assertj.core.api.Assertions.assertThat;

/** Reports: enough users' reports take a published review back to moderation, once, until a moderator publishes it. */
class ReviewReportsTest {
  private Deployment reviews;

  @BeforeEach
  void deploy() {
    reviews = ReviewsFixture.deploy(2);
  }

  @AfterEach
  void undeploy() {
    reviews.undeploy();
  }

  @Test
  void reportsByThreeUsersHideTheReviewUntilAModeratorPublishesIt() {
    assertThat(node().config().getJsonObject("reviews").getInteger("reportsToHide")).isEqualTo(3);
    UUID product = UUID.randomUUID();
    UUID author = deliveredBuyer(product);
    String id = review(product, author);
    String other = review(product, deliveredBuyer(product));
    assertThat(summary(product).getLong("count")).isEqualTo(2);

    ServiceException own = report(author, id).failure();
    assertThat(own.status()).isEqualTo(403);
    assertThat(own.code()).isEqualTo("OWN_REVIEW");
    UUID first = UUID.randomUUID();
    assertThat(report(first, id).orThrow()).isEqualTo(new JsonObject().put("reviewId", id));
    assertThat(report(first, id).ok()).isTrue();
    assertThat(report(first, id).ok()).isTrue();
    assertThat(report(UUID.randomUUID(), id).ok()).isTrue();
    assertThat(stored(id).getString("status")).isEqualTo("PUBLISHED");
    assertThat(node().call(REVIEWS_REPORT, params(id), new JsonObject().put("reason", " "),
        Caller.user(UUID.randomUUID().toString())).failure().status()).isEqualTo(400);

    assertThat(report(UUID.randomUUID(), id).ok()).isTrue();
    assertThat(stored(id).getString("status")).isEqualTo("PENDING");
    assertThat(summary(product).getLong("count")).isEqualTo(1);
    assertThat(ids(list(product, "newest"))).containsExactly(other);
    JsonObject moderation = BusTestNode.await(node().send(REVIEWS_ADMIN_LIST, new JsonObject(),
        new JsonObject().put("status", "PENDING").put("size", "100"), new JsonObject(), Caller.admin())).orThrow();
    assertThat(moderation.getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(item -> item.getString("id").equals(id)).findFirst().orElseThrow().getBoolean("hiddenByReports"))
        .isTrue();
    assertThat(report(UUID.randomUUID(), id).failure().status()).isEqualTo(404);
    // the author's edit does not publish it again: it waits for a moderator
    JsonObject edited = node().ok(REVIEWS_UPDATE, params(id), new JsonObject().put("body", "Edited"),
        Caller.user(author.toString()));
    assertThat(edited.getString("status")).isEqualTo("PENDING");
    assertThat(edited.getBoolean("hiddenByReports")).isTrue();

    JsonObject published = node().ok(REVIEWS_ADMIN_PUBLISH, params(id), new JsonObject(), Caller.admin());
    assertThat(published.getString("status")).isEqualTo("PUBLISHED");
    assertThat(published.containsKey("hiddenByReports")).isFalse();
    assertThat(summary(product).getLong("count")).isEqualTo(2);
    // only reports made after the publish count: the earlier reporters' again change nothing, two new ones neither
    assertThat(report(first, id).ok()).isTrue();
    assertThat(report(UUID.randomUUID(), id).ok()).isTrue();
    assertThat(report(UUID.randomUUID(), id).ok()).isTrue();
    assertThat(stored(id).getString("status")).isEqualTo("PUBLISHED");
    assertThat(report(UUID.randomUUID(), id).ok()).isTrue();
    assertThat(stored(id).getString("status")).isEqualTo("PENDING");
    assertThat(summary(product).getLong("count")).isEqualTo(1);
  }

  @Test
  void reportsRacingHideTheReviewExactlyOnce() {
    UUID product = UUID.randomUUID();
    String id = review(product, deliveredBuyer(product));
    review(product, deliveredBuyer(product));
    review(product, deliveredBuyer(product));
    List<Future<BusTestNode.Reply>> replies = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      UUID reporter = UUID.randomUUID();
      replies.add(node().send(REVIEWS_REPORT, params(id), new JsonObject().put("reason", "Spam " + i),
          Caller.user(reporter.toString())));
    }
    List<BusTestNode.Reply> answered = BusTestNode.awaitAll(replies);
    // a report that arrives once the review is hidden finds no published review
    assertThat(answered.stream().filter(reply -> !reply.ok()).map(reply -> reply.failure().status()))
        .allMatch(status -> status == 404);
    assertThat(answered.stream().filter(BusTestNode.Reply::ok).count()).isGreaterThanOrEqualTo(3);
    assertThat(stored(id).getString("status")).isEqualTo("PENDING");
    JsonObject summary = summary(product);
    assertThat(summary.getLong("count")).isEqualTo(2);
    assertThat(summary.getLong("verifiedCount")).isEqualTo(2);
    assertThat(summary.getJsonObject("histogram").getLong("4")).isEqualTo(2);

    node().ok(REVIEWS_ADMIN_PUBLISH, params(id), new JsonObject(), Caller.admin());
    assertThat(summary(product).getLong("count")).isEqualTo(3);
  }

  private static BusTestNode.Reply report(UUID reporter, String reviewId) {
    return node().call(REVIEWS_REPORT, params(reviewId), new JsonObject().put("reason", "Not about the product"),
        Caller.user(reporter.toString()));
  }

  private static JsonObject summary(UUID product) {
    return node().ok(REVIEWS_SUMMARY, new JsonObject().put("id", product.toString()), new JsonObject(),
        Caller.anonymous());
  }
}
