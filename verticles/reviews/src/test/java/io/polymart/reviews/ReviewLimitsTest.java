package io.polymart.reviews;

import io.polymart.core.error.ServiceException;
import io.polymart.reviews.ReviewsFixture.Deployment;
import io.polymart.testing.BusTestNode.Caller;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.polymart.core.bus.Addresses.REVIEWS_CREATE;
import static io.polymart.core.bus.Addresses.REVIEWS_REPORT;
import static io.polymart.core.bus.Addresses.REVIEWS_UNVOTE;
import static io.polymart.core.bus.Addresses.REVIEWS_UPDATE;
import static io.polymart.core.bus.Addresses.REVIEWS_VOTE;
import static io.polymart.reviews.ReviewVotesTest.deliveredBuyer;
import static io.polymart.reviews.ReviewVotesTest.params;
import static io.polymart.reviews.ReviewVotesTest.review;
import static io.polymart.reviews.ReviewVotesTest.stored;
import static io.polymart.reviews.ReviewsFixture.node;
import static org.assertj.core.api.Assertions.assertThat;

/** Each user's writes, votes and reports are limited per window, in Redis, across instances; bad input is not counted. */
class ReviewLimitsTest {
  private Deployment reviews;

  @BeforeEach
  void deployWithSmallLimits() {
    JsonObject config = node().config().copy();
    config.getJsonObject("reviews").put("rateLimit", new JsonObject().put("windowSeconds", 3600)
        .put("writesPerUser", 2).put("votesPerUser", 3).put("reportsPerUser", 1).put("uploadsPerUser", 1));
    reviews = ReviewsFixture.deploy(2, config);
  }

  @AfterEach
  void undeploy() {
    reviews.undeploy();
  }

  @Test
  void aUserPastTheirWritesGets429AndTheReviewStaysAsItWas() {
    UUID product = UUID.randomUUID();
    UUID author = deliveredBuyer(product);
    Caller caller = Caller.user(author.toString());
    // a body the contract refuses is answered 400 and not counted
    assertThat(node().call(REVIEWS_CREATE, params(product.toString()), new JsonObject().put("rating", 9),
        caller).failure().status()).isEqualTo(400);
    String id = review(product, author);
    node().ok(REVIEWS_UPDATE, params(id), new JsonObject().put("body", "Second thoughts"), caller);

    ServiceException limited = node().call(REVIEWS_UPDATE, params(id), new JsonObject().put("body", "Third"),
        caller).failure();
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.code()).isEqualTo("RATE_LIMITED");
    assertThat(limited.retryAfterSeconds()).isBetween(1, 3600);
    assertThat(stored(id).getString("body")).isEqualTo("Second thoughts");
    // another user is not held back by the first one's count
    UUID other = deliveredBuyer(product);
    assertThat(review(product, other)).isNotBlank();
  }

  @Test
  void votesAndReportsHaveTheirOwnLimits() {
    UUID product = UUID.randomUUID();
    String id = review(product, deliveredBuyer(product));
    Caller voter = Caller.user(UUID.randomUUID().toString());
    node().ok(REVIEWS_VOTE, params(id), new JsonObject().put("helpful", true), voter);
    node().ok(REVIEWS_VOTE, params(id), new JsonObject().put("helpful", false), voter);
    node().ok(REVIEWS_UNVOTE, params(id), new JsonObject(), voter);
    assertThat(node().call(REVIEWS_VOTE, params(id), new JsonObject().put("helpful", true), voter)
        .failure().status()).isEqualTo(429);
    assertThat(stored(id).getInteger(ReviewVotes.HELPFUL)).isZero();

    node().ok(REVIEWS_REPORT, params(id), new JsonObject().put("reason", "Spam"), voter);
    assertThat(node().call(REVIEWS_REPORT, params(id), new JsonObject().put("reason", "Spam"), voter)
        .failure().status()).isEqualTo(429);
  }
}
