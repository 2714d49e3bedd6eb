package io.polymart.reviews;

import com.mongodb.client.model.Filters;
import io.polymart.core.error.ServiceException;
import io.polymart.core.mongo.Publishers;
import io.polymart.reviews.ReviewsFixture.Deployment;
import io.polymart.testing.BusTestNode;
import io.polymart.testing.BusTestNode.Caller;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static io.polymart.core.bus.Addresses.REVIEWS_ADMIN_REJECT;
import static io.polymart.core.bus.Addresses.REVIEWS_CREATE;
import static io.polymart.core.bus.Addresses.REVIEWS_LIST;
import static io.polymart.core.bus.Addresses.REVIEWS_UNVOTE;
import static io.polymart.core.bus.Addresses.REVIEWS_VOTE;
import static io.polymart.reviews.ReviewsFixture.awaitCaughtUp;
import static io.polymart.reviews.ReviewsFixture.node;
import static io.polymart.reviews.ReviewsFixture.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Helpful votes: exact counts under concurrency, the Wilson "helpful" order, and the repair of a cut-short vote. */
class ReviewVotesTest {
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
  void aHundredUsersVotingAtOnceLeaveExactCountsAndTheScoreOfThem() {
    UUID product = UUID.randomUUID();
    String id = review(product, deliveredBuyer(product));
    List<Future<BusTestNode.Reply>> replies = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      UUID voter = UUID.randomUUID();
      replies.add(vote(voter, id, i % 10 < 7));
      if (i % 5 == 0) {
        // a fifth of them change their mind at once: which of their two votes stays is up to the race
        replies.add(vote(voter, id, i % 10 >= 7));
      }
    }
    assertThat(BusTestNode.awaitAll(replies)).allMatch(BusTestNode.Reply::ok);

    long helpful = countVotes(id, true);
    long unhelpful = countVotes(id, false);
    assertThat(helpful + unhelpful).isEqualTo(100);
    Document stored = stored(id);
    System.out.printf("after 100 concurrent voters: %d helpful, %d not%n", helpful, unhelpful);
    assertThat(stored.getInteger("helpfulCount")).isEqualTo((int) helpful);
    assertThat(stored.getInteger("unhelpfulCount")).isEqualTo((int) unhelpful);
    assertThat(stored.getDouble("helpfulScore")).isEqualTo(WilsonScore.lowerBound(helpful, unhelpful));
    JsonObject listed = list(product, "helpful").getJsonArray("items").getJsonObject(0);
    assertThat(listed.getInteger("helpfulCount")).isEqualTo((int) helpful);
    assertThat(listed.getInteger("unhelpfulCount")).isEqualTo((int) unhelpful);
  }

  @Test
  void votingAgainChangesTheVoteAndDeletingWithdrawsIt() {
    UUID product = UUID.randomUUID();
    String id = review(product, deliveredBuyer(product));
    UUID voter = UUID.randomUUID();
    assertThat(BusTestNode.await(vote(voter, id, true)).orThrow()).isEqualTo(counts(id, 1, 0, true));
    assertThat(stored(id).getDouble("helpfulScore")).isCloseTo(0.2065, within(0.0001));
    assertThat(BusTestNode.await(vote(voter, id, false)).orThrow()).isEqualTo(counts(id, 0, 1, false));
    assertThat(BusTestNode.await(vote(voter, id, false)).orThrow()).isEqualTo(counts(id, 0, 1, false));
    assertThat(BusTestNode.await(vote(UUID.randomUUID(), id, true)).orThrow()).isEqualTo(counts(id, 1, 1, true));

    node().ok(REVIEWS_UNVOTE, params(id), new JsonObject(), Caller.user(voter.toString()));
    node().ok(REVIEWS_UNVOTE, params(id), new JsonObject(), Caller.user(voter.toString()));
    node().ok(REVIEWS_UNVOTE, params(id), new JsonObject(), Caller.user(UUID.randomUUID().toString()));
    Document stored = stored(id);
    assertThat(stored.getInteger("helpfulCount")).isEqualTo(1);
    assertThat(stored.getInteger("unhelpfulCount")).isZero();
    assertThat(stored.getDouble("helpfulScore")).isEqualTo(WilsonScore.lowerBound(1, 0));
    assertThat(BusTestNode.await(vote(voter, id, true)).orThrow()).isEqualTo(counts(id, 2, 0, true));
  }

  @Test
  void authorsCannotVoteOnTheirOwnAndOnlyPublishedReviewsTakeVotes() {
    UUID product = UUID.randomUUID();
    UUID author = deliveredBuyer(product);
    String id = review(product, author);
    ServiceException own = BusTestNode.await(vote(author, id, true)).failure();
    assertThat(own.status()).isEqualTo(403);
    assertThat(own.code()).isEqualTo("OWN_REVIEW");
    assertThat(BusTestNode.await(node().send(REVIEWS_VOTE, params(id), new JsonObject().put("helpful", "yes"),
        Caller.user(UUID.randomUUID().toString()))).failure().status()).isEqualTo(400);
    assertThat(BusTestNode.await(vote(UUID.randomUUID(), UUID.randomUUID().toString(), true)).failure().status())
        .isEqualTo(404);

    node().ok(REVIEWS_ADMIN_REJECT, params(id), new JsonObject().put("reason", "Spam"), Caller.admin());
    assertThat(BusTestNode.await(vote(UUID.randomUUID(), id, true)).failure().status()).isEqualTo(404);
    assertThat(stored(id).getInteger("helpfulCount")).isZero();
  }

  @Test
  void helpfulRanksByTheWilsonLowerBoundThenNewest() {
    UUID product = UUID.randomUUID();
    String many = review(product, deliveredBuyer(product));
    String one = review(product, deliveredBuyer(product));
    String olderUnvoted = review(product, deliveredBuyer(product));
    String newerUnvoted = review(product, deliveredBuyer(product));
    List<Future<BusTestNode.Reply>> replies = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      replies.add(vote(UUID.randomUUID(), many, i < 90));
    }
    replies.add(vote(UUID.randomUUID(), one, true));
    assertThat(BusTestNode.awaitAll(replies)).allMatch(BusTestNode.Reply::ok);

    JsonObject page = list(product, "helpful");
    assertThat(ids(page)).containsExactly(many, one, newerUnvoted, olderUnvoted);
    assertThat(page.getJsonArray("items").getJsonObject(0).getInteger("helpfulCount")).isEqualTo(90);
    assertThat(page.getJsonArray("items").getJsonObject(0).getInteger("unhelpfulCount")).isEqualTo(10);
    assertThat(stored(many).getDouble("helpfulScore")).isCloseTo(0.8256, within(0.0001));
    assertThat(ids(list(product, "newest"))).containsExactly(newerUnvoted, olderUnvoted, one, many);
  }

  @Test
  void aVoteCutShortBeforeItWasCountedIsRecountedOnceTheReviewIsQuiet() {
    UUID product = UUID.randomUUID();
    String crashed = review(product, deliveredBuyer(product));
    String busy = review(product, deliveredBuyer(product));
    BusTestNode.await(vote(UUID.randomUUID(), crashed, true));
    BusTestNode.await(vote(UUID.randomUUID(), busy, false));
    // as a process that died between writing the vote and moving the review's counts leaves it
    Date hourAgo = new Date(System.currentTimeMillis() - Duration.ofHours(1).toMillis());
    insertVote(crashed, false, hourAgo);
    insertVote(busy, true, hourAgo);
    // a vote still in flight on the other review: recounting it now could count that one twice
    insertVote(busy, true, new Date());
    VoteRepository votes = new VoteRepository(node().vertx(),
        ReviewsFixture.database().getCollection(VoteRepository.COLLECTION));
    ReviewRepository reviewRepository = new ReviewRepository(node().vertx(),
        ReviewsFixture.database().getCollection(ReviewRepository.COLLECTION));
    VoteRepair repair = new VoteRepair(reviewRepository, votes, Duration.ofMinutes(1));

    assertThat(BusTestNode.await(repair.run())).isGreaterThanOrEqualTo(1);
    Document repaired = stored(crashed);
    assertThat(repaired.getInteger("helpfulCount")).isEqualTo(1);
    assertThat(repaired.getInteger("unhelpfulCount")).isEqualTo(1);
    assertThat(repaired.getDouble("helpfulScore")).isEqualTo(WilsonScore.lowerBound(1, 1));
    assertThat(BusTestNode.await(votes.stuck(new Date(), 1000)).stream()
        .filter(vote -> vote.getString("reviewId").equals(crashed))).isEmpty();
    Document untouched = stored(busy);
    assertThat(untouched.getInteger("helpfulCount")).isZero();
    assertThat(untouched.getInteger("unhelpfulCount")).isEqualTo(1);
    // the next vote on the repaired review counts from the repaired counts
    assertThat(BusTestNode.await(vote(UUID.randomUUID(), crashed, true)).orThrow())
        .isEqualTo(counts(crashed, 2, 1, true));
  }

  // -- helpers -----------------------------------------------------------------------------------------------------

  private static void insertVote(String reviewId, boolean helpful, Date pendingSince) {
    String userId = UUID.randomUUID().toString();
    BusTestNode.await(Publishers.first(node().vertx(), ReviewsFixture.database()
        .getCollection(VoteRepository.COLLECTION).insertOne(new Document("_id", VoteRepository.id(userId, reviewId))
            .append("reviewId", reviewId).append("userId", userId).append("helpful", helpful)
            .append("op", UUID.randomUUID().toString()).append("pendingSince", pendingSince))));
  }

  static UUID deliveredBuyer(UUID product) {
    UUID buyer = UUID.randomUUID();
    send(new TestOrder(buyer).line(product, UUID.randomUUID(), 1).deliveredEvents());
    awaitCaughtUp();
    return buyer;
  }

  /** A published review (autoPublish is on by default); its id. */
  static String review(UUID product, UUID author) {
    return node().ok(REVIEWS_CREATE, new JsonObject().put("id", product.toString()),
        new JsonObject().put("rating", 4).put("body", "Review " + UUID.randomUUID()), Caller.user(author.toString()))
        .getString("id");
  }

  private static Future<BusTestNode.Reply> vote(UUID voter, String reviewId, boolean helpful) {
    return node().send(REVIEWS_VOTE, params(reviewId), new JsonObject().put("helpful", helpful),
        Caller.user(voter.toString()));
  }

  private static JsonObject counts(String reviewId, int helpful, int unhelpful, Boolean myVote) {
    return new JsonObject().put("reviewId", reviewId).put("helpfulCount", helpful).put("unhelpfulCount", unhelpful)
        .put("myVote", myVote);
  }

  static Document stored(String reviewId) {
    return BusTestNode.await(Publishers.first(node().vertx(),
        ReviewsFixture.database().getCollection(ReviewRepository.COLLECTION).find(Filters.eq("_id", reviewId))));
  }

  private static long countVotes(String reviewId, boolean helpful) {
    return BusTestNode.await(Publishers.first(node().vertx(), ReviewsFixture.database()
        .getCollection(VoteRepository.COLLECTION).countDocuments(Filters.and(Filters.eq("reviewId", reviewId),
            Filters.eq("helpful", helpful)))));
  }

  static JsonObject list(UUID product, String sort) {
    return BusTestNode.await(node().send(REVIEWS_LIST, new JsonObject().put("id", product.toString()),
        new JsonObject().put("sort", sort), new JsonObject(), Caller.anonymous())).orThrow();
  }

  static List<String> ids(JsonObject page) {
    return page.getJsonArray("items").stream().map(JsonObject.class::cast).map(item -> item.getString("id"))
        .toList();
  }

  static JsonObject params(String id) {
    return new JsonObject().put("id", id);
  }
}
