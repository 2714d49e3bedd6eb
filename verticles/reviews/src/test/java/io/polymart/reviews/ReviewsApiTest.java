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

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import static io.polymart.core.bus.Addresses.REVIEWS_CREATE;
import static io.polymart.core.bus.Addresses.REVIEWS_LIST;
import static io.polymart.core.bus.Addresses.REVIEWS_SUMMARY;
import static io.polymart.reviews.ReviewsFixture.awaitCaughtUp;
import static io.polymart.reviews.ReviewsFixture.node;
import static io.polymart.reviews.ReviewsFixture.send;
import static org.assertj.core.api.Assertions.assertThat;

/** Writing, listing and summarising reviews over the bus, with buyers made eligible by polymart.orders events. */
class ReviewsApiTest {
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
  void aDeliveredBuyerReviewsOnceAndTheReviewIsPublishedVerified() {
    UUID product = UUID.randomUUID();
    UUID sku = UUID.randomUUID();
    UUID buyer = deliveredBuyer(product, sku);

    JsonObject review = create(buyer, product, new JsonObject().put("skuId", sku.toString()).put("rating", 4)
        .put("title", "Good").put("body", "Fits well")).orThrow();
    assertThat(review.getString("status")).isEqualTo("PUBLISHED");
    assertThat(review.getBoolean("verified")).isTrue();
    // the SKU's attributes as the catalog had them when the review was written
    assertThat(review.getJsonObject("sku")).isEqualTo(new JsonObject().put("id", sku.toString())
        .put("attributes", ReviewsFixture.catalog().attributes(product, sku)));
    assertThat(review.getValue("reply")).isNull();
    assertThat(review.getJsonObject("author").getString("displayName"))
        .isEqualTo("Customer " + buyer.toString().substring(0, 8));
    assertThat(review.getString("createdAt")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");

    ServiceException again = create(buyer, product, new JsonObject().put("rating", 1).put("body", "Changed my mind"))
        .failure();
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.code()).isEqualTo("REVIEW_EXISTS");

    JsonObject page = list(product, new JsonObject());
    assertThat(page.getLong("total")).isEqualTo(1);
    JsonObject listed = page.getJsonArray("items").getJsonObject(0);
    assertThat(listed.containsKey("status")).isFalse();
    JsonObject withoutStatus = review.copy();
    withoutStatus.remove("status");
    withoutStatus.remove("rejectionReason");
    assertThat(listed).isEqualTo(withoutStatus);
    assertThat(summary(product)).isEqualTo(new JsonObject().put("productId", product.toString()).put("count", 1L)
        .put("average", 4.0).put("histogram", histogram(0, 0, 0, 1, 0)).put("verifiedCount", 1L)
        .put("withImagesCount", 0L));
  }

  @Test
  void nonBuyersUndeliveredBuyersAndSkusNotBoughtAreRefused() {
    UUID product = ReviewsFixture.catalog().product(UUID.randomUUID());
    ServiceException stranger = create(UUID.randomUUID(), product, body(5)).failure();
    assertThat(stranger.status()).isEqualTo(403);
    assertThat(stranger.code()).isEqualTo("NOT_A_VERIFIED_BUYER");

    UUID waiting = UUID.randomUUID();
    TestOrder shipped = new TestOrder(waiting).line(product, UUID.randomUUID(), 1);
    send(List.of(shipped.placed(), shipped.moved("OrderPaid", "PAID"), shipped.moved("OrderShipped", "SHIPPED")));
    awaitCaughtUp();
    assertThat(create(waiting, product, body(5)).failure().code()).isEqualTo("NOT_A_VERIFIED_BUYER");

    UUID buyer = deliveredBuyer(product, UUID.randomUUID());
    ServiceException otherSku = create(buyer, product, body(5).put("skuId", UUID.randomUUID().toString())).failure();
    assertThat(otherSku.status()).isEqualTo(422);
    assertThat(otherSku.code()).isEqualTo("SKU_NOT_PURCHASED");
    assertThat(create(buyer, product, body(0)).failure().status()).isEqualTo(400);
    assertThat(create(buyer, product, new JsonObject().put("rating", 3).put("body", "  ")).failure().status())
        .isEqualTo(400);
    assertThat(list(product, new JsonObject()).getLong("total")).isZero();
  }

  @Test
  void withoutRequirePurchaseAnyoneReviewsButOnlyVerifiedBuyersArePublishedAtOnce() {
    redeploy(reviewsConf -> reviewsConf.put("requirePurchase", false));
    UUID product = ReviewsFixture.catalog().product(UUID.randomUUID());
    JsonObject stranger = create(UUID.randomUUID(), product, body(2)).orThrow();
    assertThat(stranger.getString("status")).isEqualTo("PENDING");
    assertThat(stranger.getBoolean("verified")).isFalse();
    JsonObject buyer = create(deliveredBuyer(product, UUID.randomUUID()), product, body(5)).orThrow();
    assertThat(buyer.getString("status")).isEqualTo("PUBLISHED");
    assertThat(list(product, new JsonObject()).getJsonArray("items").stream().map(JsonObject.class::cast)
        .map(item -> item.getString("id"))).containsExactly(buyer.getString("id"));
    assertThat(summary(product).getLong("count")).isEqualTo(1);
  }

  @Test
  void withoutAutoPublishEveryReviewWaitsForModeration() {
    redeploy(reviewsConf -> reviewsConf.put("autoPublish", false));
    UUID product = UUID.randomUUID();
    JsonObject review = create(deliveredBuyer(product, UUID.randomUUID()), product, body(5)).orThrow();
    assertThat(review.getString("status")).isEqualTo("PENDING");
    assertThat(review.getBoolean("verified")).isTrue();
    assertThat(list(product, new JsonObject()).getLong("total")).isZero();
    assertThat(summary(product)).isEqualTo(new JsonObject().put("productId", product.toString()).put("count", 0L)
        .put("average", 0.0).put("histogram", histogram(0, 0, 0, 0, 0)).put("verifiedCount", 0L)
        .put("withImagesCount", 0L));
  }

  @Test
  void markupInTitleAndBodyComesBackVerbatimAsText() {
    UUID product = UUID.randomUUID();
    String title = "<script>alert('t')</script>";
    String body = "<img src=x onerror=\"alert(1)\"> & \u00e9 \uD83D\uDE00 </textarea>";
    create(deliveredBuyer(product, UUID.randomUUID()), product, new JsonObject().put("rating", 3)
        .put("title", title).put("body", body)).orThrow();
    JsonObject listed = list(product, new JsonObject()).getJsonArray("items").getJsonObject(0);
    assertThat(listed.getString("title")).isEqualTo(title);
    assertThat(listed.getString("body")).isEqualTo(body);
  }

  @Test
  void filtersSortsAndPagesDoWhatTheySay() {
    UUID product = UUID.randomUUID();
    List<String> ids = new ArrayList<>();
    int[] ratings = {3, 5, 1, 5, 2};
    for (int rating : ratings) {
      ids.add(create(deliveredBuyer(product, UUID.randomUUID()), product, body(rating)).orThrow().getString("id"));
    }
    assertThat(ratings(list(product, new JsonObject()))).containsExactly(2, 5, 1, 5, 3);
    assertThat(ratings(list(product, new JsonObject().put("sort", "rating_desc")))).containsExactly(5, 5, 3, 2, 1);
    assertThat(ratings(list(product, new JsonObject().put("sort", "rating_asc")))).containsExactly(1, 2, 3, 5, 5);
    JsonObject fives = list(product, new JsonObject().put("rating", "5"));
    assertThat(fives.getLong("total")).isEqualTo(2);
    assertThat(fives.getJsonArray("items").stream().map(JsonObject.class::cast).map(i -> i.getString("id")))
        .containsExactly(ids.get(3), ids.get(1));
    assertThat(list(product, new JsonObject().put("verified", "false")).getLong("total")).isZero();
    JsonObject second = list(product, new JsonObject().put("page", "2").put("size", "2"));
    assertThat(second.getInteger("page")).isEqualTo(2);
    assertThat(second.getLong("total")).isEqualTo(5);
    assertThat(ratings(second)).containsExactly(1, 5);
    assertThat(listFails(product, new JsonObject().put("sort", "most_helpful")).status()).isEqualTo(400);
    assertThat(listFails(product, new JsonObject().put("rating", "6")).status()).isEqualTo(400);
    // UUID.fromString would read a short last group as a UUID: it names no product
    JsonObject shortId = new JsonObject().put("id", product.toString().substring(0, 35));
    assertThat(node().fails(REVIEWS_SUMMARY, shortId, new JsonObject(), Caller.anonymous()).status()).isEqualTo(404);
    assertThat(BusTestNode.await(node().send(REVIEWS_LIST, shortId, new JsonObject(), new JsonObject(),
        Caller.anonymous())).failure().status()).isEqualTo(404);
    assertThat(summary(product).getDouble("average")).isEqualTo(3.2);
    assertThat(summary(product).getJsonObject("histogram")).isEqualTo(histogram(1, 1, 1, 0, 2));
  }

  @Test
  void concurrentReviewsOfOneProductLeaveTheSummaryEqualToARecount() {
    UUID product = UUID.randomUUID();
    List<UUID> buyers = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      UUID buyer = UUID.randomUUID();
      TestOrder order = new TestOrder(buyer).line(product, UUID.randomUUID(), 1);
      send(order.deliveredEvents());
      buyers.add(buyer);
    }
    awaitCaughtUp();
    List<Future<BusTestNode.Reply>> writes = new ArrayList<>();
    for (int i = 0; i < buyers.size(); i++) {
      writes.add(node().send(REVIEWS_CREATE, params(product), body(1 + i % 5), Caller.user(buyers.get(i).toString())));
      // each buyer also tries a second review at once: exactly one of the two may win
      writes.add(node().send(REVIEWS_CREATE, params(product), body(5), Caller.user(buyers.get(i).toString())));
    }
    List<BusTestNode.Reply> replies = BusTestNode.awaitAll(writes);
    assertThat(replies.stream().filter(BusTestNode.Reply::ok).count()).isEqualTo(50);
    assertThat(replies.stream().filter(r -> !r.ok()).map(r -> r.failure().code())).containsOnly("REVIEW_EXISTS");

    List<Document> stored = BusTestNode.await(Publishers.collect(node().vertx(),
        ReviewsFixture.database().getCollection(ReviewRepository.COLLECTION)
            .find(Filters.and(Filters.eq("productId", product.toString()), Filters.eq("status", "PUBLISHED")))));
    long[] stars = new long[6];
    long sum = 0;
    for (Document review : stored) {
      stars[review.getInteger("rating")]++;
      sum += review.getInteger("rating");
    }
    JsonObject summary = summary(product);
    assertThat(summary.getLong("count")).isEqualTo(stored.size()).isEqualTo(50);
    assertThat(summary.getJsonObject("histogram"))
        .isEqualTo(histogram((int) stars[1], (int) stars[2], (int) stars[3], (int) stars[4], (int) stars[5]));
    assertThat(summary.getDouble("average"))
        .isEqualTo(Math.round(sum * 100.0 / stored.size()) / 100.0);
    assertThat(summary.getLong("verifiedCount")).isEqualTo(50);
  }

  // -- helpers -----------------------------------------------------------------------------------------------------

  private void redeploy(Consumer<JsonObject> reviewsConf) {
    reviews.undeploy();
    JsonObject config = node().config().copy();
    reviewsConf.accept(config.getJsonObject("reviews"));
    reviews = ReviewsFixture.deploy(1, config);
  }

  private static UUID deliveredBuyer(UUID product, UUID sku) {
    UUID buyer = UUID.randomUUID();
    send(new TestOrder(buyer).line(product, sku, 1).deliveredEvents());
    awaitCaughtUp();
    return buyer;
  }

  private static JsonObject body(int rating) {
    return new JsonObject().put("rating", rating).put("body", "Review " + UUID.randomUUID());
  }

  private static JsonObject params(UUID product) {
    return new JsonObject().put("id", product.toString());
  }

  private static BusTestNode.Reply create(UUID user, UUID product, JsonObject body) {
    return node().call(REVIEWS_CREATE, params(product), body, Caller.user(user.toString()));
  }

  private static JsonObject list(UUID product, JsonObject query) {
    return BusTestNode.await(node().send(REVIEWS_LIST, params(product), query, new JsonObject(), Caller.anonymous()))
        .orThrow();
  }

  private static ServiceException listFails(UUID product, JsonObject query) {
    return BusTestNode.await(node().send(REVIEWS_LIST, params(product), query, new JsonObject(), Caller.anonymous()))
        .failure();
  }

  private static JsonObject summary(UUID product) {
    return node().ok(REVIEWS_SUMMARY, params(product), new JsonObject(), Caller.anonymous());
  }

  private static List<Integer> ratings(JsonObject page) {
    return page.getJsonArray("items").stream().map(JsonObject.class::cast).map(i -> i.getInteger("rating")).toList();
  }

  private static JsonObject histogram(int one, int two, int three, int four, int five) {
    return new JsonObject().put("1", (long) one).put("2", (long) two).put("3", (long) three).put("4", (long) four)
        .put("5", (long) five);
  }
}
