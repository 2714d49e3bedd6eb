package io.polymart.reviews;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import io.polymart.core.mongo.Publishers;
import io.polymart.reviews.ReviewsFixture.Deployment;
import io.polymart.testing.Await;
import io.polymart.testing.BusTestNode;
import io.polymart.testing.BusTestNode.Caller;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static io.polymart.core.bus.Addresses.REVIEWS_ADMIN_PUBLISH;
import static io.polymart.core.bus.Addresses.REVIEWS_ADMIN_REJECT;
import static io.polymart.core.bus.Addresses.REVIEWS_CREATE;
import static io.polymart.core.bus.Addresses.REVIEWS_DELETE;
import static io.polymart.core.bus.Addresses.REVIEWS_LIST;
import static io.polymart.core.bus.Addresses.REVIEWS_MINE;
import static io.polymart.core.bus.Addresses.REVIEWS_SUMMARY;
import static io.polymart.core.bus.Addresses.REVIEWS_UPDATE;
import static io.polymart.reviews.ReviewsFixture.awaitCaughtUp;
import static io.polymart.reviews.ReviewsFixture.node;
import static io.polymart.reviews.ReviewsFixture.send;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11: a review's change and its stats are two writes; a crash between them is repaired, applying twice counts
 * once, ReviewPublished and ReviewRemoved go out through the stats document's outbox, and refunds take the verified
 * mark away.
 */
class ReviewOutboxTest {
  private Deployment reviews;

  @AfterEach
  void undeploy() {
    if (reviews != null) {
      reviews.undeploy();
    }
  }

  @Test
  void aChangeWhoseStatsWereNeverAppliedIsRepairedByTheRelayAndAnnounced() {
    reviews = deploy(false, 1);
    UUID product = UUID.randomUUID();
    String id = create(deliveredBuyer(product), product, 4).getString("id");

    // the review is published, then the instance "crashes" before applying it to the stats
    Document written = BusTestNode.await(service().write(Filters.eq("_id", id),
        new Document("status", ReviewStatus.PUBLISHED.name())));
    assertThat(written.getBoolean("pending")).isTrue();
    assertThat(summary(product).getLong("count")).as("nothing applied yet").isZero();

    Await.until("the relay to settle the review", ReviewsFixture.TIMEOUT,
        () -> summary(product).getLong("count") == 1 && !review(id).containsKey("pending"));
    assertThat(summary(product).getDouble("average")).isEqualTo(4.0);
    JsonObject published = single(RatingEventsTest.awaitOfType(product, ReviewEvents.PUBLISHED, 1),
        ReviewEvents.PUBLISHED);
    assertThat(published.getJsonObject("data")).isEqualTo(new JsonObject().put("reviewId", id)
        .put("productId", product.toString()).put("userId", review(id).getString("userId")).put("rating", 4)
        .put("verified", true).put("at", published.getString("occurredAt")));
    assertThat(published.getString("id"))
        .isEqualTo(ReviewEvents.eventId(ReviewEvents.PUBLISHED, id, written.getLong("revision")).toString());
    assertValid(published);
  }

  @Test
  void applyingOneRevisionTwiceConcurrentlyOrAfterANewerOneCountsItOnce() {
    reviews = deploy(false, 1);
    UUID product = UUID.randomUUID();
    String id = create(deliveredBuyer(product), product, 5).getString("id");
    Document published = BusTestNode.await(service().write(Filters.eq("_id", id),
        new Document("status", ReviewStatus.PUBLISHED.name())));
    ReviewSettlement settlement = settlement();

    List<Future<Void>> settles = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      settles.add(settlement.settle(published));
    }
    BusTestNode.awaitAll(settles);
    BusTestNode.await(settlement.settle(published));
    Document stat = stat(product);
    assertThat(summary(product).getLong("count")).isEqualTo(1);
    assertThat(summary(product).getLong("verifiedCount")).isEqualTo(1);
    assertThat(stat.getLong("sum")).isEqualTo(5);
    assertThat(stat.getLong("version")).as("one change of the aggregates").isEqualTo(1);

    // a newer revision (rejected) is applied; the older one arriving late changes nothing
    Document rejected = BusTestNode.await(service().write(Filters.eq("_id", id),
        new Document("status", ReviewStatus.REJECTED.name()).append("rejectionReason", "Spam")));
    BusTestNode.await(settlement.settle(rejected));
    BusTestNode.await(settlement.settle(published));
    assertThat(summary(product).getLong("count")).isZero();
    assertThat(stat(product).getLong("version")).isEqualTo(2);

    List<JsonObject> records = RatingEventsTest.awaitOfType(product, ReviewEvents.REMOVED, 1);
    assertThat(records.stream().filter(r -> !r.getString("type").equals(RatingSnapshot.TYPE))
        .map(r -> r.getString("type") + ":" + r.getString("id")).distinct())
        .containsExactly(ReviewEvents.PUBLISHED + ":" + ReviewEvents.eventId(ReviewEvents.PUBLISHED, id, 2),
            ReviewEvents.REMOVED + ":" + ReviewEvents.eventId(ReviewEvents.REMOVED, id, 3));
    JsonObject removed = single(records, ReviewEvents.REMOVED);
    assertThat(removed.getJsonObject("data").getString("reason")).isEqualTo("REJECTED");
    assertThat(removed.getJsonObject("data").getInteger("rating")).isEqualTo(5);
    assertValid(removed);
  }

  @Test
  void fiftyReviewsPublishedAndRejectedConcurrentlyWithEveryStatsApplicationLostAreRepairedToARecount() {
    reviews = deploy(false, 2);
    UUID product = UUID.randomUUID();
    List<UUID> buyers = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      UUID buyer = UUID.randomUUID();
      send(new TestOrder(buyer).line(product, UUID.randomUUID(), 1).deliveredEvents());
      buyers.add(buyer);
    }
    awaitCaughtUp();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < buyers.size(); i++) {
      ids.add(create(buyers.get(i), product, 1 + i % 5).getString("id"));
    }
    // half the moves go through the service, half only write the review, as instances crashing after each would
    List<Runnable> moves = new ArrayList<>();
    List<Future<Document>> done = Collections.synchronizedList(new ArrayList<>());
    Random random = new Random(11);
    for (String id : ids) {
      for (ReviewStatus status : List.of(ReviewStatus.PUBLISHED, ReviewStatus.REJECTED, ReviewStatus.PUBLISHED,
          ReviewStatus.REJECTED)) {
        ReviewService service = reviews.instances().get(random.nextInt(2)).reviewService();
        Document changes = new Document("status", status.name());
        boolean crash = random.nextBoolean();
        moves.add(() -> done.add(crash ? service.write(Filters.eq("_id", id), changes)
            : service.apply(Filters.and(Filters.eq("_id", id), Filters.ne("status", status.name())), changes)));
      }
    }
    Collections.shuffle(moves, random);
    moves.forEach(Runnable::run);
    BusTestNode.awaitAll(new ArrayList<>(done));

    Await.until("every review settled", ReviewsFixture.TIMEOUT, () -> BusTestNode.await(Publishers.first(
        node().vertx(), reviewsCollection().countDocuments(Filters.and(Filters.eq("productId", product.toString()),
            Filters.eq("pending", true))))) == 0);
    List<Document> stored = BusTestNode.await(Publishers.collect(node().vertx(), reviewsCollection()
        .find(Filters.and(Filters.eq("productId", product.toString()), Filters.eq("status", "PUBLISHED")))));
    long[] stars = new long[6];
    long sum = 0;
    for (Document review : stored) {
      stars[review.getInteger("rating")]++;
      sum += review.getInteger("rating");
    }
    JsonObject summary = summary(product);
    System.out.printf("after the race with lost stats writes: %d of 50 reviews published%n", stored.size());
    assertThat(summary.getLong("count")).isEqualTo(stored.size());
    assertThat(summary.getLong("verifiedCount")).isEqualTo(stored.size());
    assertThat(summary.getJsonObject("histogram")).isEqualTo(new JsonObject().put("1", stars[1])
        .put("2", stars[2]).put("3", stars[3]).put("4", stars[4]).put("5", stars[5]));
    assertThat(stat(product).getLong("sum")).isEqualTo(sum);

    // the two instances' relays claim documents before sending: without a crash, no record goes out twice
    Await.until("everything sent", ReviewsFixture.TIMEOUT, () -> !stat(product).getBoolean("unpublished"));
    List<String> sent = RatingEventsTest.records(product).stream().map(r -> r.getString("id")).toList();
    assertThat(sent).doesNotHaveDuplicates();
    assertThat(sent).isNotEmpty();
  }

  @Test
  void aDeletedReviewIsRemovedFromTheStatsAnnouncedAndGoneAndItsAuthorMayReviewAgain() {
    reviews = deploy(true, 1);
    UUID product = UUID.randomUUID();
    UUID author = deliveredBuyer(product);
    String id = create(author, product, 3).getString("id");
    assertThat(summary(product).getLong("count")).isEqualTo(1);

    node().ok(REVIEWS_DELETE, params(id), new JsonObject(), Caller.user(author.toString()));
    assertThat(summary(product).getLong("count")).isZero();
    assertThat(summary(product).getDouble("average")).isZero();
    assertThat(review(id)).as("the settled tombstone is removed").isNull();
    JsonObject removed = single(RatingEventsTest.awaitOfType(product, ReviewEvents.REMOVED, 1), ReviewEvents.REMOVED);
    assertThat(removed.getJsonObject("data").getString("reason")).isEqualTo("DELETED");
    assertThat(removed.getJsonObject("data").getString("reviewId")).isEqualTo(id);
    assertValid(removed);

    // a crash right after the delete leaves a tombstone: not shown, not editable, and no obstacle to a new review
    String second = create(author, product, 5).getString("id");
    BusTestNode.await(service().write(Filters.eq("_id", second), new Document("status", "DELETED")
        .append("title", null).append("body", null)));
    assertThat(summary(product).getLong("count")).as("not settled yet").isEqualTo(1);
    assertThat(node().fails(REVIEWS_UPDATE, params(second), new JsonObject().put("rating", 1),
        Caller.user(author.toString())).status()).isEqualTo(404);
    assertThat(node().fails(REVIEWS_DELETE, params(second), new JsonObject(), Caller.user(author.toString()))
        .status()).isEqualTo(404);
    assertThat(node().fails(REVIEWS_ADMIN_PUBLISH, params(second), new JsonObject(), Caller.admin()).status())
        .isEqualTo(404);
    assertThat(node().ok(REVIEWS_LIST, new JsonObject().put("id", product.toString()), new JsonObject(),
        Caller.anonymous()).getLong("total")).isZero();
    assertThat(node().ok(REVIEWS_MINE, new JsonObject(), new JsonObject(), Caller.user(author.toString()))
        .getLong("total")).isZero();
    String third = create(author, product, 2).getString("id");
    assertThat(review(second)).isNull();
    assertThat(summary(product).getLong("count")).isEqualTo(1);
    assertThat(summary(product).getDouble("average")).isEqualTo(2.0);
    assertThat(RatingEventsTest.awaitOfType(product, ReviewEvents.REMOVED, 2).stream()
        .filter(r -> r.getString("type").equals(ReviewEvents.REMOVED))
        .map(r -> r.getJsonObject("data").getString("reviewId")).distinct()).containsExactly(id, second);
    assertThat(third).isNotEqualTo(second);
  }

  @Test
  void anEventResentAfterACrashBeforeItsRemovalFromTheOutboxHasTheSameId() {
    // no instance runs yet: the review is written and settled as an instance would, then the relay comes up
    UUID product = UUID.randomUUID();
    String id = UUID.randomUUID().toString();
    Date now = new Date();
    Document review = new Document("_id", id).append("productId", product.toString())
        .append("userId", UUID.randomUUID().toString()).append("authorName", "Customer 12345678").append("rating", 4)
        .append("title", null).append("body", "Good").append("skuId", null).append("verified", true)
        .append("status", "PUBLISHED").append("createdAt", now).append("updatedAt", now).append("revision", 1L)
        .append("revisedAt", now).append("pending", true);
    BusTestNode.await(Publishers.first(node().vertx(), reviewsCollection().insertOne(review)));
    BusTestNode.await(settlement().settle(review));
    List<Document> outbox = stat(product).getList("events", Document.class);
    assertThat(outbox).hasSize(1);

    reviews = deploy(true, 1);
    Await.until("the outbox sent", ReviewsFixture.TIMEOUT, () -> !stat(product).getBoolean("unpublished"));
    assertThat(stat(product).getList("events", Document.class)).isEmpty();
    // what a crash after the broker's ack and before the removal leaves: the event still there, the flag still set
    BusTestNode.await(Publishers.first(node().vertx(), statsCollection().updateOne(
        Filters.eq("_id", product.toString()),
        Updates.combine(Updates.set("events", outbox), Updates.set("unpublished", true)))));
    Await.until("the outbox sent again", ReviewsFixture.TIMEOUT, () -> !stat(product).getBoolean("unpublished"));

    List<JsonObject> sent = RatingEventsTest.records(product).stream()
        .filter(r -> r.getString("type").equals(ReviewEvents.PUBLISHED)).toList();
    assertThat(sent).hasSize(2);
    assertThat(sent.get(1)).isEqualTo(sent.get(0));
    assertThat(sent.get(0).getString("id"))
        .isEqualTo(ReviewEvents.eventId(ReviewEvents.PUBLISHED, id, 1).toString());
  }

  @Test
  void aRefundTakesTheVerifiedMarkAwayAndAnotherDeliveredOrderGivesItBack() {
    reviews = deploy(true, 1);
    UUID product = UUID.randomUUID();
    UUID buyer = UUID.randomUUID();
    TestOrder order = new TestOrder(buyer).line(product, UUID.randomUUID(), 1);
    send(order.deliveredEvents());
    awaitCaughtUp();
    String id = create(buyer, product, 4).getString("id");
    assertThat(summary(product).getLong("verifiedCount")).isEqualTo(1);

    send(order.moved("OrderRefundRequested", "REFUND_REQUESTED"));
    send(order.moved("OrderRefunded", "REFUNDED"));
    awaitCaughtUp();
    Document refunded = review(id);
    assertThat(refunded.getBoolean("verified")).isFalse();
    assertThat(refunded.getString("status")).as("the review stays").isEqualTo("PUBLISHED");
    assertThat(summary(product).getLong("count")).isEqualTo(1);
    assertThat(summary(product).getLong("verifiedCount")).isZero();
    JsonObject listed = node().ok(REVIEWS_LIST, new JsonObject().put("id", product.toString()), new JsonObject(),
        Caller.anonymous()).getJsonArray("items").getJsonObject(0);
    assertThat(listed.getBoolean("verified")).isFalse();

    // replaying the refund changes nothing more
    long revision = refunded.getLong("revision");
    send(TestOrder.at(order.moved("OrderRefunded", "REFUNDED"), java.time.Instant.parse("2020-01-01T00:00:00Z")));
    awaitCaughtUp();
    assertThat(review(id).getLong("revision")).isEqualTo(revision);

    send(new TestOrder(buyer).line(product, UUID.randomUUID(), 1).deliveredEvents());
    awaitCaughtUp();
    assertThat(review(id).getBoolean("verified")).isTrue();
    assertThat(summary(product).getLong("verifiedCount")).isEqualTo(1);
    List<JsonObject> published = RatingEventsTest.awaitOfType(product, ReviewEvents.PUBLISHED, 3).stream()
        .filter(r -> r.getString("type").equals(ReviewEvents.PUBLISHED)).toList();
    assertThat(published.stream().map(r -> r.getJsonObject("data").getBoolean("verified")).distinct().toList())
        .containsExactly(true, false);
    assertThat(published.get(published.size() - 1).getJsonObject("data").getBoolean("verified")).isTrue();
  }

  @Test
  void aNewlyPlacedOrderLeavesTheVerifiedMarkAndAnOrderFirstSeenDeliveredSetsIt() {
    reviews = deploy(true, 1);
    UUID product = UUID.randomUUID();
    UUID buyer = UUID.randomUUID();
    TestOrder refunded = new TestOrder(buyer).line(product, UUID.randomUUID(), 1);
    send(refunded.deliveredEvents());
    awaitCaughtUp();
    String id = create(buyer, product, 4).getString("id");
    send(refunded.moved("OrderRefundRequested", "REFUND_REQUESTED"));
    send(refunded.moved("OrderRefunded", "REFUNDED"));
    awaitCaughtUp();
    assertThat(review(id).getBoolean("verified")).isFalse();

    send(new TestOrder(buyer).line(product, UUID.randomUUID(), 1).placed());
    awaitCaughtUp();
    assertThat(review(id).getBoolean("verified")).as("a placed order does not qualify").isFalse();

    // an order whose earlier events this consumer never took: its delivery is the event that first stores it
    TestOrder late = new TestOrder(buyer).line(product, UUID.randomUUID(), 1);
    late.moved("OrderPaid", "PAID");
    late.moved("OrderShipped", "SHIPPED");
    send(late.moved("OrderDelivered", "DELIVERED"));
    awaitCaughtUp();
    assertThat(review(id).getBoolean("verified")).isTrue();
    assertThat(summary(product).getLong("verifiedCount")).isEqualTo(1);
  }

  @Test
  void aReviewFromBeforeRevisionsIsAdoptedAtStartAndItsChangesCountOnce() {
    UUID product = UUID.randomUUID();
    String id = UUID.randomUUID().toString();
    Date then = new Date(System.currentTimeMillis() - 86_400_000L);
    // as an earlier build left them: no revision, and stats that counted the published review
    BusTestNode.await(Publishers.first(node().vertx(), reviewsCollection().insertOne(new Document("_id", id)
        .append("productId", product.toString()).append("userId", UUID.randomUUID().toString())
        .append("authorName", "Customer 12345678").append("rating", 3).append("title", null).append("body", "Old")
        .append("skuId", null).append("verified", true).append("status", "PUBLISHED").append("createdAt", then)
        .append("updatedAt", then))));
    BusTestNode.await(Publishers.first(node().vertx(), statsCollection().insertOne(new Document("_id",
        product.toString()).append("count", 1).append("sum", 3).append("verified", 1)
        .append("histogram", new Document("3", 1)).append("version", 1).append("changedAt", 1L)
        .append("unpublished", false))));

    reviews = deploy(false, 1);
    assertThat(review(id).getLong("revision")).isZero();
    assertThat(summary(product).getLong("count")).isEqualTo(1);
    node().ok(REVIEWS_ADMIN_REJECT, params(id), new JsonObject().put("reason", "Old"), Caller.admin());
    assertThat(summary(product).getLong("count")).isZero();
    assertThat(summary(product).getLong("verifiedCount")).isZero();
    node().ok(REVIEWS_ADMIN_PUBLISH, params(id), new JsonObject(), Caller.admin());
    assertThat(summary(product).getLong("count")).isEqualTo(1);
    assertThat(summary(product).getDouble("average")).isEqualTo(3.0);
    assertThat(review(id).getLong("revision")).isEqualTo(2);
  }

  // -- helpers -----------------------------------------------------------------------------------------------------

  private static Deployment deploy(boolean autoPublish, int instances) {
    JsonObject config = node().config().copy();
    config.getJsonObject("reviews").put("autoPublish", autoPublish);
    return ReviewsFixture.deploy(instances, config);
  }

  private ReviewService service() {
    return reviews.instances().get(0).reviewService();
  }

  /** A settlement of its own over the same collections, as another instance's would be. */
  private static ReviewSettlement settlement() {
    return new ReviewSettlement(new ReviewRepository(node().vertx(), reviewsCollection()),
        new ReviewStatsRepository(node().vertx(), statsCollection(), () -> { }, () -> { }));
  }

  private static MongoCollection<Document> reviewsCollection() {
    return ReviewsFixture.database().getCollection(ReviewRepository.COLLECTION);
  }

  private static MongoCollection<Document> statsCollection() {
    return ReviewsFixture.database().getCollection(ReviewStatsRepository.COLLECTION);
  }

  private static Document review(String id) {
    return BusTestNode.await(Publishers.collect(node().vertx(), reviewsCollection().find(Filters.eq("_id", id))))
        .stream().findFirst().orElse(null);
  }

  private static Document stat(UUID product) {
    return BusTestNode.await(Publishers.first(node().vertx(),
        statsCollection().find(Filters.eq("_id", product.toString())).first()));
  }

  private static JsonObject single(List<JsonObject> records, String type) {
    List<JsonObject> ofType = records.stream().filter(r -> r.getString("type").equals(type)).toList();
    assertThat(ofType.stream().map(r -> r.getString("id")).distinct()).as(type).hasSize(1);
    return ofType.get(0);
  }

  private static void assertValid(JsonObject event) {
    Validator validator = RatingEventsTest.validator();
    OutputUnit result = validator.validate(event);
    assertThat(result.getValid()).as(event.encode() + ": " + result.getErrors()).isTrue();
    assertThat(event.getJsonObject("data").getString("at")).isEqualTo(event.getString("occurredAt"));
    if (event.getString("type").equals(ReviewEvents.REMOVED)) {
      assertThat(event.getJsonObject("data").getString("reason")).isNotBlank();
    }
  }

  private static UUID deliveredBuyer(UUID product) {
    UUID buyer = UUID.randomUUID();
    send(new TestOrder(buyer).line(product, UUID.randomUUID(), 1).deliveredEvents());
    awaitCaughtUp();
    return buyer;
  }

  private static JsonObject create(UUID author, UUID product, int rating) {
    return node().ok(REVIEWS_CREATE, new JsonObject().put("id", product.toString()),
        new JsonObject().put("rating", rating).put("body", "Review " + UUID.randomUUID()),
        Caller.user(author.toString()));
  }

  private static JsonObject params(String id) {
    return new JsonObject().put("id", id);
  }

  private static JsonObject summary(UUID product) {
    return node().ok(REVIEWS_SUMMARY, new JsonObject().put("id", product.toString()), new JsonObject(),
        Caller.anonymous());
  }
}
