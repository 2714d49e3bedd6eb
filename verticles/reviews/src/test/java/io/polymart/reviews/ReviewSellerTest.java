package io.polymart.reviews;

import io.polymart.core.error.ServiceException;
import io.polymart.core.mongo.Publishers;
import io.polymart.reviews.ReviewsFixture.Deployment;
import io.polymart.testing.Await;
import io.polymart.testing.BusTestNode;
import io.polymart.testing.BusTestNode.Caller;
import io.vertx.core.json.JsonObject;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static io.polymart.core.bus.Addresses.REVIEWS_ADMIN_LIST;
import static io.polymart.core.bus.Addresses.REVIEWS_ADMIN_PUBLISH;
import static io.polymart.core.bus.Addresses.REVIEWS_ADMIN_REJECT;
import static io.polymart.core.bus.Addresses.REVIEWS_CREATE;
import static io.polymart.core.bus.Addresses.REVIEWS_LIST;
import static io.polymart.core.bus.Addresses.REVIEWS_REPLY;
import static io.polymart.core.bus.Addresses.REVIEWS_REPLY_DELETE;
import static io.polymart.reviews.ReviewsFixture.awaitCaughtUp;
import static io.polymart.reviews.ReviewsFixture.catalog;
import static io.polymart.reviews.ReviewsFixture.node;
import static io.polymart.reviews.ReviewsFixture.send;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What reviews learn from the catalog (the product must be on sale; its seller; the reviewed SKU's attributes), the
 * seller's reply, and moderation scoped to the seller's own products.
 */
class ReviewSellerTest {
  private Deployment reviews;

  @AfterEach
  void undeploy() {
    reviews.undeploy();
  }

  @Test
  void onlyProductsOnSaleAreReviewedAndTheReviewKeepsTheSkusAttributesAsTheyWere() {
    deploy(true);
    UUID seller = UUID.randomUUID();
    UUID product = catalog().product(seller);
    UUID red = catalog().sku(product, new JsonObject().put("color", "red").put("size", "M"));
    UUID buyer = deliveredBuyer(product, red);
    // a product the catalog does not know: 404, before whether the caller bought it
    ServiceException unknown = create(buyer, UUID.randomUUID(), body(5)).failure();
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.code()).isEqualTo("NOT_FOUND");

    JsonObject review = create(buyer, product, body(4).put("skuId", red.toString())).orThrow();
    JsonObject sku = new JsonObject().put("id", red.toString())
        .put("attributes", new JsonObject().put("color", "red").put("size", "M"));
    assertThat(review.getJsonObject("sku")).isEqualTo(sku);
    assertThat(review.containsKey("sellerId")).isFalse();
    catalog().changeAttributes(product, red, new JsonObject().put("color", "crimson").put("size", "M"));
    JsonObject listed = list(product).getJsonArray("items").getJsonObject(0);
    assertThat(listed.getJsonObject("sku")).isEqualTo(sku);
    assertThat(listed.getValue("reply")).isNull();

    for (String status : List.of("DRAFT", "INACTIVE", "DELETED")) {
      UUID gone = catalog().product(seller);
      UUID goneSku = catalog().sku(gone, new JsonObject().put("color", "red"));
      UUID goneBuyer = deliveredBuyer(gone, goneSku);
      catalog().status(gone, status);
      assertThat(create(goneBuyer, gone, body(3)).failure().status()).as(status).isEqualTo(404);
    }
  }

  @Test
  void aBoughtSkuTheCatalogDoesNotListUnderTheProductIsRefusedWithItsOwnCode() {
    deploy(true);
    UUID product = catalog().product(UUID.randomUUID());
    catalog().sku(product, new JsonObject().put("color", "red"));
    UUID foreign = UUID.randomUUID();
    UUID buyer = deliveredBuyer(product, foreign);
    // the order named the SKU under this product, the catalog does not (any more): the catalog's word wins
    catalog().forgetSku(product, foreign);
    ServiceException refused = create(buyer, product, body(5).put("skuId", foreign.toString())).failure();
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.code()).isEqualTo("SKU_NOT_OF_PRODUCT");
    assertThat(list(product).getLong("total")).isZero();
  }

  @Test
  void withoutTheCatalogAReviewCannotBeWrittenAndAnswers503() {
    deploy(true);
    UUID product = catalog().product(UUID.randomUUID());
    UUID buyer = deliveredBuyer(product, UUID.randomUUID());
    catalog().offline();
    try {
      ServiceException away = create(buyer, product, body(5)).failure();
      assertThat(away.status()).isEqualTo(503);
      assertThat(away.code()).isEqualTo("SERVICE_UNAVAILABLE");
    } finally {
      catalog().online();
    }
    assertThat(create(buyer, product, body(5)).orThrow().getString("status")).isEqualTo("PUBLISHED");
  }

  @Test
  void theProductsSellerRepliesOnceAnotherSellerCannotAndAnAdminMay() {
    deploy(true);
    UUID seller = UUID.randomUUID();
    UUID product = catalog().product(seller);
    String id = create(deliveredBuyer(product, UUID.randomUUID()), product, body(2)).orThrow().getString("id");
    Caller owner = Caller.user(seller.toString()).withRoles("seller");
    String script = "<script>alert('reply')</script> Sorry & thanks";

    JsonObject replied = node().ok(REVIEWS_REPLY, params(id), new JsonObject().put("body", script), owner);
    JsonObject reply = replied.getJsonObject("reply");
    assertThat(reply.getString("body")).isEqualTo(script);
    assertThat(reply.getString("createdAt")).isEqualTo(reply.getString("updatedAt"))
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    assertThat(replied.getString("status")).isEqualTo("PUBLISHED");
    JsonObject listed = list(product).getJsonArray("items").getJsonObject(0);
    assertThat(listed.getJsonObject("reply")).isEqualTo(reply);

    ServiceException otherSeller = node().fails(REVIEWS_REPLY, params(id), new JsonObject().put("body", "Mine now"),
        Caller.seller());
    assertThat(otherSeller.status()).isEqualTo(404);
    assertThat(node().fails(REVIEWS_REPLY, params(id), new JsonObject().put("body", "Hi"),
        Caller.user(seller.toString())).status()).isEqualTo(403);
    assertThat(node().fails(REVIEWS_REPLY_DELETE, params(id), new JsonObject(), Caller.seller()).status())
        .isEqualTo(404);
    assertThat(node().fails(REVIEWS_REPLY, params(id), new JsonObject().put("body", " "), owner).status())
        .isEqualTo(400);
    assertThat(node().fails(REVIEWS_REPLY, params(id), new JsonObject().put("body", "x".repeat(2001)), owner)
        .status()).isEqualTo(400);
    assertThat(node().fails(REVIEWS_REPLY, params(UUID.randomUUID().toString()),
        new JsonObject().put("body", "Hi"), Caller.admin()).status()).isEqualTo(404);

    Await.until("the clock to pass the reply's time", Duration.ofSeconds(5),
        () -> Instant.now().isAfter(Instant.parse(reply.getString("updatedAt"))));
    JsonObject byAdmin = node().ok(REVIEWS_REPLY, params(id), new JsonObject().put("body", "Refunded, see mail"),
        Caller.admin()).getJsonObject("reply");
    assertThat(byAdmin.getString("body")).isEqualTo("Refunded, see mail");
    assertThat(byAdmin.getString("createdAt")).isEqualTo(reply.getString("createdAt"));
    assertThat(byAdmin.getString("updatedAt")).isGreaterThan(reply.getString("updatedAt"));
    assertThat(list(product).getJsonArray("items").getJsonObject(0).getJsonObject("reply")).isEqualTo(byAdmin);
    assertThat(list(product).getJsonArray("items").getJsonObject(0).getString("updatedAt"))
        .isEqualTo(listed.getString("updatedAt"));

    node().ok(REVIEWS_REPLY_DELETE, params(id), new JsonObject(), owner);
    assertThat(list(product).getJsonArray("items").getJsonObject(0).getValue("reply")).isNull();
    JsonObject again = node().ok(REVIEWS_REPLY, params(id), new JsonObject().put("body", "Better now?"), owner)
        .getJsonObject("reply");
    assertThat(again.getString("createdAt")).isGreaterThan(reply.getString("createdAt"));
  }

  @Test
  void aSellerModeratesOnlyTheReviewsOfTheirOwnProducts() {
    deploy(false);
    UUID seller = UUID.randomUUID();
    UUID rival = UUID.randomUUID();
    UUID own = catalog().product(seller);
    UUID theirs = catalog().product(rival);
    String ownId = create(deliveredBuyer(own, UUID.randomUUID()), own, body(4)).orThrow().getString("id");
    String secondId = create(deliveredBuyer(own, UUID.randomUUID()), own, body(1)).orThrow().getString("id");
    String theirsId = create(deliveredBuyer(theirs, UUID.randomUUID()), theirs, body(5)).orThrow().getString("id");
    Caller owner = Caller.user(seller.toString()).withRoles("seller");

    assertThat(ids(moderation(owner, "PENDING"))).containsExactly(secondId, ownId);
    assertThat(ids(moderation(Caller.user(rival.toString()).withRoles("seller"), null))).containsExactly(theirsId);
    assertThat(ids(moderation(Caller.admin(), "PENDING"))).contains(ownId, secondId, theirsId);
    assertThat(node().fails(REVIEWS_ADMIN_LIST, new JsonObject(), new JsonObject(), Caller.user()).status())
        .isEqualTo(403);

    assertThat(node().fails(REVIEWS_ADMIN_PUBLISH, params(theirsId), new JsonObject(), owner).status())
        .isEqualTo(404);
    assertThat(node().fails(REVIEWS_ADMIN_REJECT, params(theirsId), new JsonObject().put("reason", "Spam"), owner)
        .status()).isEqualTo(404);
    assertThat(node().ok(REVIEWS_ADMIN_PUBLISH, params(ownId), new JsonObject(), owner).getString("status"))
        .isEqualTo("PUBLISHED");
    assertThat(node().ok(REVIEWS_ADMIN_REJECT, params(secondId), new JsonObject().put("reason", "Rude"), owner)
        .getString("rejectionReason")).isEqualTo("Rude");
    assertThat(ids(moderation(owner, "PENDING"))).isEmpty();
    assertThat(ids(list(own))).containsExactly(ownId);
    assertThat(list(theirs).getLong("total")).isZero();
    assertThat(node().ok(REVIEWS_ADMIN_PUBLISH, params(theirsId), new JsonObject(), Caller.admin())
        .getString("status")).isEqualTo("PUBLISHED");
  }

  @Test
  void aReviewStoredBeforeReviewsKnewTheSellerIsLeftToAdmins() {
    deploy(false);
    UUID seller = UUID.randomUUID();
    UUID product = catalog().product(seller);
    UUID sku = catalog().sku(product, new JsonObject().put("color", "red"));
    String id = UUID.randomUUID().toString();
    Date then = new Date(System.currentTimeMillis() - 86_400_000L);
    // the shape ReviewService wrote before: no sellerId, no skuAttributes, no reply
    BusTestNode.await(Publishers.first(node().vertx(), ReviewsFixture.database()
        .getCollection(ReviewRepository.COLLECTION).insertOne(new Document("_id", id)
            .append("productId", product.toString()).append("userId", UUID.randomUUID().toString())
            .append("authorName", "Customer 0ld0ld00").append("rating", 3).append("title", null)
            .append("body", "Stored long ago").append("skuId", sku.toString()).append("verified", true)
            .append("status", "PENDING").append("createdAt", then).append("updatedAt", then))));
    Caller owner = Caller.user(seller.toString()).withRoles("seller");

    assertThat(ids(moderation(owner, null))).isEmpty();
    assertThat(node().fails(REVIEWS_ADMIN_PUBLISH, params(id), new JsonObject(), owner).status()).isEqualTo(404);
    assertThat(node().fails(REVIEWS_REPLY, params(id), new JsonObject().put("body", "Hi"), owner).status())
        .isEqualTo(404);
    assertThat(node().ok(REVIEWS_REPLY, params(id), new JsonObject().put("body", "Thanks"), Caller.admin())
        .getJsonObject("reply").getString("body")).isEqualTo("Thanks");
    JsonObject published = node().ok(REVIEWS_ADMIN_PUBLISH, params(id), new JsonObject(), Caller.admin());
    assertThat(published.getString("status")).isEqualTo("PUBLISHED");
    JsonObject listed = list(product).getJsonArray("items").getJsonObject(0);
    assertThat(listed.getJsonObject("sku")).isEqualTo(new JsonObject().put("id", sku.toString())
        .put("attributes", new JsonObject()));
    assertThat(listed.getJsonObject("reply").getString("body")).isEqualTo("Thanks");
  }

  // -- helpers -----------------------------------------------------------------------------------------------------

  private void deploy(boolean autoPublish) {
    JsonObject config = node().config().copy();
    config.getJsonObject("reviews").put("autoPublish", autoPublish);
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

  private static JsonObject params(String id) {
    return new JsonObject().put("id", id);
  }

  private static BusTestNode.Reply create(UUID user, UUID product, JsonObject body) {
    return node().call(REVIEWS_CREATE, params(product.toString()), body, Caller.user(user.toString()));
  }

  private static JsonObject list(UUID product) {
    return BusTestNode.await(node().send(REVIEWS_LIST, params(product.toString()), new JsonObject(),
        new JsonObject(), Caller.anonymous())).orThrow();
  }

  private static JsonObject moderation(Caller caller, String status) {
    JsonObject query = new JsonObject().put("size", "100");
    if (status != null) {
      query.put("status", status);
    }
    return BusTestNode.await(node().send(REVIEWS_ADMIN_LIST, new JsonObject(), query, new JsonObject(), caller))
        .orThrow();
  }

  private static List<String> ids(JsonObject page) {
    return page.getJsonArray("items").stream().map(JsonObject.class::cast).map(item -> item.getString("id")).toList();
  }
}
