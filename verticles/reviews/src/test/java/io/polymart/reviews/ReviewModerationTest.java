package io.polymart.reviews;

import com.mongodb.client.model.Filters;
import io.polymart.core.bus.BusHeaders;
import io.polymart.core.error.ServiceException;
import io.polymart.core.mongo.Publishers;
import io.polymart.reviews.ReviewsFixture.Deployment;
import io.polymart.testing.Await;
import io.polymart.testing.BusTestNode;
import io.polymart.testing.KafkaEvents;
import io.polymart.testing.BusTestNode.Caller;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static io.polymart.core.bus.Addresses.REVIEWS_ADMIN_LIST;
import static io.polymart.core.bus.Addresses.REVIEWS_ADMIN_PUBLISH;
import static io.polymart.core.bus.Addresses.REVIEWS_ADMIN_REJECT;
import static io.polymart.core.bus.Addresses.REVIEWS_CREATE;
import static io.polymart.core.bus.Addresses.REVIEWS_DELETE;
import static io.polymart.core.bus.Addresses.REVIEWS_MINE;
import static io.polymart.core.bus.Addresses.REVIEWS_REPLY;
import static io.polymart.core.bus.Addresses.REVIEWS_REPLY_DELETE;
import static io.polymart.core.bus.Addresses.REVIEWS_SUMMARY;
import static io.polymart.core.bus.Addresses.REVIEWS_UPDATE;
import static io.polymart.reviews.ReviewsFixture.awaitCaughtUp;
import static io.polymart.reviews.ReviewsFixture.node;
import static io.polymart.reviews.ReviewsFixture.send;
import static org.assertj.core.api.Assertions.assertThat;

/** Edits, deletes and moderation, and the stats they move. */
class ReviewModerationTest {
  private Deployment reviews;

  @AfterEach
  void undeploy() {
    reviews.undeploy();
  }

  @Test
  void anEditIsRepublishedWhenStillVerifiedAndMovesTheStats() {
    deploy(true);
    UUID product = UUID.randomUUID();
    UUID author = deliveredBuyer(product);
    String id = create(author, product, 5).getString("id");
    assertThat(summary(product).getDouble("average")).isEqualTo(5.0);

    JsonObject edited = node().ok(REVIEWS_UPDATE, params(id), new JsonObject().put("rating", 2)
        .put("body", "Broke after a week"), Caller.user(author.toString()));
    assertThat(edited.getString("status")).isEqualTo("PUBLISHED");
    assertThat(edited.getInteger("rating")).isEqualTo(2);
    assertThat(edited.getString("body")).isEqualTo("Broke after a week");
    assertThat(summary(product).getLong("count")).isEqualTo(1);
    assertThat(summary(product).getDouble("average")).isEqualTo(2.0);
    assertThat(summary(product).getJsonObject("histogram").getLong("5")).isZero();

    UUID stranger = UUID.randomUUID();
    assertThat(node().fails(REVIEWS_UPDATE, params(id), new JsonObject().put("rating", 1),
        Caller.user(stranger.toString())).status()).isEqualTo(404);
    assertThat(node().fails(REVIEWS_DELETE, params(id), new JsonObject(), Caller.user(stranger.toString())).status())
        .isEqualTo(404);
    assertThat(node().fails(REVIEWS_UPDATE, params(id), new JsonObject(), Caller.user(author.toString())).status())
        .isEqualTo(400);

    node().ok(REVIEWS_DELETE, params(id), new JsonObject(), Caller.user(author.toString()));
    assertThat(summary(product)).isEqualTo(emptySummary(product));
    assertThat(node().fails(REVIEWS_DELETE, params(id), new JsonObject(), Caller.user(author.toString())).status())
        .isEqualTo(404);
  }

  @Test
  void withoutAutoPublishAnEditGoesBackToModerationAndLeavesTheStats() {
    deploy(false);
    UUID product = UUID.randomUUID();
    UUID author = deliveredBuyer(product);
    String id = create(author, product, 4).getString("id");
    assertThat(publish(id).getString("status")).isEqualTo("PUBLISHED");
    assertThat(summary(product).getLong("count")).isEqualTo(1);

    JsonObject edited = node().ok(REVIEWS_UPDATE, params(id), new JsonObject().put("title", "Updated"),
        Caller.user(author.toString()));
    assertThat(edited.getString("status")).isEqualTo("PENDING");
    assertThat(edited.getInteger("rating")).isEqualTo(4);
    assertThat(summary(product)).isEqualTo(emptySummary(product));
  }

  @Test
  void myReviewsShowEveryStatusAndTheProductsStillToReview() {
    deploy(false);
    UUID reviewed = UUID.randomUUID();
    UUID rejected = UUID.randomUUID();
    UUID toReview = UUID.randomUUID();
    UUID toReviewSku = UUID.randomUUID();
    UUID notDelivered = UUID.randomUUID();
    UUID buyer = UUID.randomUUID();
    send(new TestOrder(buyer).line(reviewed, UUID.randomUUID(), 1).line(rejected, UUID.randomUUID(), 1)
        .line(toReview, toReviewSku, 1).deliveredEvents());
    TestOrder paid = new TestOrder(buyer).line(notDelivered, UUID.randomUUID(), 1);
    send(List.of(paid.placed(), paid.moved("OrderPaid", "PAID")));
    awaitCaughtUp();
    String pendingId = create(buyer, reviewed, 4).getString("id");
    String rejectedId = create(buyer, rejected, 1).getString("id");
    node().ok(REVIEWS_ADMIN_REJECT, params(rejectedId), new JsonObject().put("reason", "Spam"), Caller.admin());

    JsonObject mine = node().ok(REVIEWS_MINE, new JsonObject(), new JsonObject(), Caller.user(buyer.toString()));
    assertThat(mine.getLong("total")).isEqualTo(2);
    assertThat(mine.getJsonArray("items").stream().map(JsonObject.class::cast)
        .map(item -> item.getString("id") + ":" + item.getString("status")))
        .containsExactly(rejectedId + ":REJECTED", pendingId + ":PENDING");
    assertThat(mine.getJsonArray("reviewable")).containsExactly(new JsonObject().put("productId", toReview.toString())
        .put("skuIds", new JsonArray().add(toReviewSku.toString())));
    assertThat(node().ok(REVIEWS_MINE, new JsonObject(), new JsonObject(), Caller.user(UUID.randomUUID().toString())))
        .isEqualTo(new JsonObject().put("items", new JsonArray()).put("total", 0L).put("page", 1)
            .put("size", 20).put("reviewable", new JsonArray()));
  }

  @Test
  void moderatorsListPublishRejectAndAdminsDeleteAnyReview() {
    deploy(false);
    UUID product = UUID.randomUUID();
    String id = create(deliveredBuyer(product), product, 3).getString("id");
    JsonObject pending = node().ok(REVIEWS_ADMIN_LIST, new JsonObject(), new JsonObject(), Caller.admin());
    assertThat(pending.getLong("total")).isPositive();
    JsonObject pendingOnly = BusTestNode.await(node().send(REVIEWS_ADMIN_LIST, new JsonObject(),
        new JsonObject().put("status", "PENDING").put("size", "100"), new JsonObject(), Caller.admin())).orThrow();
    assertThat(pendingOnly.getJsonArray("items").stream().map(JsonObject.class::cast)
        .allMatch(item -> item.getString("status").equals("PENDING"))).isTrue();

    assertThat(publish(id).getString("status")).isEqualTo("PUBLISHED");
    assertThat(publish(id).getString("status")).isEqualTo("PUBLISHED");
    assertThat(summary(product).getLong("count")).isEqualTo(1);
    JsonObject rejected = node().ok(REVIEWS_ADMIN_REJECT, params(id), new JsonObject().put("reason", "Off topic"),
        Caller.admin());
    assertThat(rejected.getString("status")).isEqualTo("REJECTED");
    assertThat(rejected.getString("rejectionReason")).isEqualTo("Off topic");
    assertThat(summary(product)).isEqualTo(emptySummary(product));
    ServiceException noReason = node().fails(REVIEWS_ADMIN_REJECT, params(id), new JsonObject(), Caller.admin());
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(node().fails(REVIEWS_ADMIN_PUBLISH, params(UUID.randomUUID().toString()), new JsonObject(),
        Caller.admin()).status()).isEqualTo(404);

    publish(id);
    node().ok(REVIEWS_DELETE, params(id), new JsonObject(), Caller.admin());
    assertThat(summary(product)).isEqualTo(emptySummary(product));
  }

  @Test
  void fiftyReviewsPublishedAndRejectedConcurrentlyLeaveTheSummaryEqualToARecount() {
    deploy(false);
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
    // every review gets two publishes and two rejects at once, shuffled: which one lands last is up to the race
    List<Runnable> moves = new ArrayList<>();
    List<Future<BusTestNode.Reply>> replies = Collections.synchronizedList(new ArrayList<>());
    for (String id : ids) {
      for (int n = 0; n < 2; n++) {
        moves.add(() -> replies.add(node().send(REVIEWS_ADMIN_PUBLISH, params(id), new JsonObject(), Caller.admin())));
        moves.add(() -> replies.add(node().send(REVIEWS_ADMIN_REJECT, params(id),
            new JsonObject().put("reason", "race"), Caller.admin())));
      }
    }
    Collections.shuffle(moves, new Random(11));
    moves.forEach(Runnable::run);
    assertThat(BusTestNode.awaitAll(replies)).allMatch(BusTestNode.Reply::ok);

    List<Document> published = BusTestNode.await(Publishers.collect(node().vertx(),
        ReviewsFixture.database().getCollection(ReviewRepository.COLLECTION)
            .find(Filters.and(Filters.eq("productId", product.toString()), Filters.eq("status", "PUBLISHED")))));
    long[] stars = new long[6];
    long sum = 0;
    for (Document review : published) {
      stars[review.getInteger("rating")]++;
      sum += review.getInteger("rating");
    }
    JsonObject summary = summary(product);
    System.out.printf("after the race: %d of 50 reviews published%n", published.size());
    assertThat(summary.getLong("count")).isEqualTo(published.size());
    assertThat(summary.getLong("verifiedCount")).isEqualTo(published.size());
    assertThat(summary.getJsonObject("histogram")).isEqualTo(new JsonObject().put("1", stars[1]).put("2", stars[2])
        .put("3", stars[3]).put("4", stars[4]).put("5", stars[5]));
    assertThat(summary.getDouble("average"))
        .isEqualTo(published.isEmpty() ? 0.0 : Math.round(sum * 100.0 / published.size()) / 100.0);
  }

  // -- helpers -----------------------------------------------------------------------------------------------------

  @Test
  void moderationAndRepliesAreAuditedWithTheChangeAndPublishedOnce() {
    deploy(false);
    UUID product = UUID.randomUUID();
    String id = create(deliveredBuyer(product), product, 4).getString("id");
    Caller admin = Caller.admin().withHeader(BusHeaders.CLIENT_IP, "192.0.2.9")
        .withHeader(BusHeaders.REQUEST_ID, "audit-" + id);
    node().ok(REVIEWS_ADMIN_PUBLISH, params(id), new JsonObject(), admin);
    // no change, no entry; nor for a review that is not there
    node().ok(REVIEWS_ADMIN_PUBLISH, params(id), new JsonObject(), admin);
    assertThat(node().fails(REVIEWS_ADMIN_REJECT, params(UUID.randomUUID().toString()),
        new JsonObject().put("reason", "Spam"), admin).status()).isEqualTo(404);
    node().ok(REVIEWS_REPLY, params(id), new JsonObject().put("body", "Thanks"), admin);
    node().ok(REVIEWS_REPLY, params(id), new JsonObject().put("body", "Thanks a lot"), admin);
    node().ok(REVIEWS_REPLY_DELETE, params(id), new JsonObject(), admin);
    node().ok(REVIEWS_REPLY_DELETE, params(id), new JsonObject(), admin);
    node().ok(REVIEWS_DELETE, params(id), new JsonObject(), admin);

    List<JsonObject> entries = auditEvents("review:" + id, 5);
    assertThat(entries).extracting(entry -> entry.getJsonObject("data").getString("action"))
        .containsExactly("review.publish", "review.reply", "review.reply", "review.reply.delete", "review.delete");
    JsonObject publish = entries.get(0).getJsonObject("data");
    assertThat(publish.getString("actorId")).isEqualTo(admin.userId());
    assertThat(publish.getString("clientIp")).isEqualTo("192.0.2.9");
    assertThat(publish.getString("requestId")).isEqualTo("audit-" + id);
    assertThat(publish.getJsonObject("oldValue")).isEqualTo(new JsonObject().put("status", "PENDING"));
    assertThat(publish.getJsonObject("newValue").getString("status")).isEqualTo("PUBLISHED");
    assertThat(entries.get(2).getJsonObject("data").getJsonObject("oldValue"))
        .isEqualTo(new JsonObject().put("body", "Thanks"));
    assertThat(entries.get(3).getJsonObject("data").getValue("newValue")).isNull();
    assertThat(entries.get(4).getJsonObject("data").getJsonObject("oldValue").getString("status"))
        .isEqualTo("PUBLISHED");
    // the tombstone waited for its entries to be published, and then went
    Await.until("the deleted review's tombstone to be purged", ReviewsFixture.TIMEOUT, () -> Await.result(
        Publishers.collect(node().vertx(), ReviewsFixture.database().getCollection(ReviewRepository.COLLECTION)
            .find(Filters.eq("_id", id))), ReviewsFixture.TIMEOUT).isEmpty());
  }

  private static List<JsonObject> auditEvents(String target, int count) {
    return KafkaEvents.count(node().config().getJsonObject("kafka").getString("bootstrapServers"), "polymart.audit",
        target, count, ReviewsFixture.TIMEOUT);
  }

  private void deploy(boolean autoPublish) {
    JsonObject config = node().config().copy();
    config.getJsonObject("reviews").put("autoPublish", autoPublish);
    reviews = ReviewsFixture.deploy(2, config);
  }

  private static UUID deliveredBuyer(UUID product) {
    UUID buyer = UUID.randomUUID();
    send(new TestOrder(buyer).line(product, UUID.randomUUID(), 1).deliveredEvents());
    awaitCaughtUp();
    return buyer;
  }

  private static JsonObject create(UUID author, UUID product, int rating) {
    return node().ok(REVIEWS_CREATE, new JsonObject().put("id", product.toString()),
        new JsonObject().put("rating", rating).put("body", "Review " + UUID.randomUUID()), Caller.user(author.toString()));
  }

  private static JsonObject publish(String id) {
    return node().ok(REVIEWS_ADMIN_PUBLISH, params(id), new JsonObject(), Caller.admin());
  }

  private static JsonObject params(String id) {
    return new JsonObject().put("id", id);
  }

  private static JsonObject summary(UUID product) {
    return node().ok(REVIEWS_SUMMARY, new JsonObject().put("id", product.toString()), new JsonObject(),
        Caller.anonymous());
  }

  private static JsonObject emptySummary(UUID product) {
    return new JsonObject().put("productId", product.toString()).put("count", 0L).put("average", 0.0)
        .put("histogram", new JsonObject().put("1", 0L).put("2", 0L).put("3", 0L).put("4", 0L).put("5", 0L))
        .put("verifiedCount", 0L).put("withImagesCount", 0L);
  }
}
