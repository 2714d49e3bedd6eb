package io.polymart.main;

import static io.polymart.main.CatalogFixtures.API;
import static org.assertj.core.api.Assertions.assertThat;

import io.polymart.core.db.PgSettings;
import io.polymart.testing.HttpTestClient;
import io.polymart.testing.HttpTestClient.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, audit trail: an admin's change of an account's roles and status is recorded with actor, old and new
 * values, client address and request id; so are the sellers' and admins' changes in the catalog, orders and reviews,
 * which reach the trail through polymart.audit; a refused action records nothing. Admins search it by actor, action,
 * target and time; nobody else may; and the table refuses any change or removal of an entry.
 */
class AuditTrailTest {
  private static final Duration ARRIVAL = Duration.ofSeconds(20);
  private final HttpTestClient http = TestPlatform.client();
  private final Shop shop = new Shop();

  @Test
  void aSellersCatalogChangesAreRecordedWithTheirRequest() {
    Users.Session seller = shop.seller();
    Users.Session admin = shop.admin();
    String category = shop.fx.ownCategory("audit").getString("id");
    String run = UUID.randomUUID().toString();
    Reply created = http.post(API + "/products").bearer(seller.accessToken()).header("X-Request-Id", "create-" + run)
        .json(CatalogFixtures.product("Audited " + CatalogFixtures.word(6), category, null, null,
            CatalogFixtures.sku("AUD-" + CatalogFixtures.word(8), "10.00", Map.of("color", "red"), 5))).send();
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String productId = created.json().getString("id");
    String skuId = created.json().getJsonArray("skus").getJsonObject(0).getString("id");
    Reply published = http.post(API + "/products/" + productId + "/publish").bearer(seller.accessToken())
        .header("X-Request-Id", "publish-" + run).send();
    assertThat(published.status()).as(published.toString()).isEqualTo(200);
    Reply priced = http.put(API + "/skus/" + skuId + "/price").bearer(seller.accessToken())
        .header("X-Request-Id", "price-" + run).json(new JsonObject().put("price", "12.50")).send();
    assertThat(priced.status()).as(priced.toString()).isEqualTo(200);
    // refused: another seller's SKU, and a SKU that does not exist
    Users.Session rival = shop.fx.seller();
    assertThat(http.put(API + "/skus/" + skuId + "/price").bearer(rival.accessToken())
        .json(new JsonObject().put("price", "1.00")).send().status()).isIn(403, 404);
    String missingSku = UUID.randomUUID().toString();
    assertThat(http.put(API + "/skus/" + missingSku + "/price").bearer(seller.accessToken())
        .json(new JsonObject().put("price", "1.00")).send().status()).isEqualTo(404);
    Reply stocked = http.post(API + "/skus/" + skuId + "/stock").bearer(seller.accessToken())
        .header("X-Request-Id", "stock-" + run).json(new JsonObject().put("delta", 7).put("reason", "Delivery"))
        .send();
    assertThat(stocked.status()).as(stocked.toString()).isEqualTo(200);

    JsonObject create = only(awaitTrail(admin, "target=product:" + productId + "&action=product.create", 1));
    assertEntry(create, seller, "product.create", "product:" + productId, "create-" + run);
    assertThat(create.getValue("oldValue")).isNull();
    assertThat(create.getJsonObject("newValue").getString("status")).isEqualTo("DRAFT");
    assertThat(create.getJsonObject("newValue").getString("name")).startsWith("Audited ");
    JsonObject publish = only(awaitTrail(admin, "target=product:" + productId + "&action=product.publish", 1));
    assertEntry(publish, seller, "product.publish", "product:" + productId, "publish-" + run);
    assertThat(publish.getJsonObject("oldValue")).isEqualTo(new JsonObject().put("status", "DRAFT"));
    assertThat(publish.getJsonObject("newValue")).isEqualTo(new JsonObject().put("status", "ACTIVE"));

    // the stock change came after the refused price changes, on the same target: they would be there by now
    JsonObject skuTrail = awaitTrail(admin, "target=sku:" + skuId, 2);
    assertThat(skuTrail.getLong("total")).isEqualTo(2);
    JsonObject stock = skuTrail.getJsonArray("items").getJsonObject(0);
    JsonObject price = skuTrail.getJsonArray("items").getJsonObject(1);
    assertEntry(price, seller, "sku.price", "sku:" + skuId, "price-" + run);
    assertThat(price.getJsonObject("oldValue").getString("price")).isEqualTo("10.00");
    assertThat(price.getJsonObject("newValue").getString("price")).isEqualTo("12.50");
    assertEntry(stock, seller, "sku.stock", "sku:" + skuId, "stock-" + run);
    assertThat(stock.getJsonObject("oldValue").getInteger("onHand")).isEqualTo(5);
    assertThat(stock.getJsonObject("newValue").getInteger("onHand")).isEqualTo(12);
    assertThat(search(admin, "target=sku:" + missingSku).getLong("total")).isZero();
    assertThat(search(admin, "actor=" + rival.userId()).getLong("total")).isZero();
  }

  @Test
  void couponsOrdersAndReviewModerationAreRecorded() {
    Users.Session admin = shop.admin();
    Users.Session seller = shop.seller();
    String run = UUID.randomUUID().toString();
    Reply coupon = http.post(API + "/coupons").bearer(admin.accessToken()).header("X-Request-Id", "coupon-" + run)
        .json(CheckoutTest.couponBody("FIXED", "5.00", null, "0", 5, 1)).send();
    assertThat(coupon.status()).as(coupon.toString()).isEqualTo(201);
    String couponId = coupon.json().getString("id");

    Shop.Buyer buyer = shop.buyer();
    Shop.Sku sku = shop.stockedSku("25.00", 5);
    String orderId = shop.paidOrder(buyer, sku, 1).getString("id");
    Reply shipped = http.post(API + "/admin/orders/" + orderId + "/ship").bearer(seller.accessToken())
        .header("X-Request-Id", "ship-" + run).json(new JsonObject().put("carrier", "SF").put("trackingNo", "SF-A1"))
        .send();
    assertThat(shipped.status()).as(shipped.toString()).isEqualTo(200);
    // refused: shipped already
    assertThat(shop.staff(seller, orderId, "ship", new JsonObject().put("carrier", "SF").put("trackingNo", "SF-A2"))
        .status()).isEqualTo(409);
    assertThat(shop.staff(seller, orderId, "deliver", null).status()).isEqualTo(200);
    ReviewSellerJourneyTest.awaitEligible(buyer, sku);
    Reply review = http.post(API + "/products/" + sku.productId() + "/reviews").bearer(buyer.token())
        .json(new JsonObject().put("skuId", sku.skuId()).put("rating", 2).put("body", "Too small")).send();
    assertThat(review.status()).as(review.toString()).isEqualTo(201);
    String reviewId = review.json().getString("id");
    // refused: another seller's review
    assertThat(http.post(API + "/admin/reviews/" + reviewId + "/reject").bearer(shop.fx.seller().accessToken())
        .json(new JsonObject().put("reason", "Competitor")).send().status()).isEqualTo(404);
    Reply rejected = http.post(API + "/admin/reviews/" + reviewId + "/reject").bearer(seller.accessToken())
        .header("X-Request-Id", "moderate-" + run).json(new JsonObject().put("reason", "Off topic")).send();
    assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
    Reply replied = http.put(API + "/reviews/" + reviewId + "/reply").bearer(seller.accessToken())
        .header("X-Request-Id", "reply-" + run).json(new JsonObject().put("body", "Sorry to hear")).send();
    assertThat(replied.status()).as(replied.toString()).isEqualTo(200);
    assertThat(shop.buyerAction(buyer, orderId, "refund", new JsonObject().put("reason", "Too small")).status())
        .isEqualTo(200);
    Reply refused = http.post(API + "/admin/orders/" + orderId + "/refund/reject").bearer(admin.accessToken())
        .header("X-Request-Id", "refund-" + run).send();
    assertThat(refused.status()).as(refused.toString()).isEqualTo(200);

    JsonObject created = only(awaitTrail(admin, "target=coupon:" + couponId, 1));
    assertEntry(created, admin, "coupon.create", "coupon:" + couponId, "coupon-" + run);
    assertThat(created.getValue("oldValue")).isNull();
    assertThat(created.getJsonObject("newValue").getString("code")).isEqualTo(coupon.json().getString("code"));

    JsonObject orderTrail = awaitTrail(admin, "target=order:" + orderId, 3);
    assertThat(orderTrail.getLong("total")).as("one ship, one deliver, one refund rejection").isEqualTo(3);
    JsonObject rejection = orderTrail.getJsonArray("items").getJsonObject(0);
    JsonObject ship = orderTrail.getJsonArray("items").getJsonObject(2);
    assertEntry(ship, seller, "order.ship", "order:" + orderId, "ship-" + run);
    assertThat(ship.getJsonObject("oldValue")).isEqualTo(new JsonObject().put("status", "PAID"));
    assertThat(ship.getJsonObject("newValue").getString("status")).isEqualTo("SHIPPED");
    assertThat(ship.getJsonObject("newValue").getJsonObject("shipment").getString("trackingNo")).isEqualTo("SF-A1");
    assertThat(orderTrail.getJsonArray("items").getJsonObject(1).getString("action")).isEqualTo("order.deliver");
    assertEntry(rejection, admin, "order.refund.reject", "order:" + orderId, "refund-" + run);
    assertThat(rejection.getJsonObject("oldValue")).isEqualTo(new JsonObject().put("status", "REFUND_REQUESTED"));
    assertThat(rejection.getJsonObject("newValue").getString("status")).isEqualTo("DELIVERED");

    JsonObject reviewTrail = awaitTrail(admin, "target=review:" + reviewId, 2);
    assertThat(reviewTrail.getLong("total")).as("the rival's refused rejection records nothing").isEqualTo(2);
    JsonObject reply = reviewTrail.getJsonArray("items").getJsonObject(0);
    JsonObject moderation = reviewTrail.getJsonArray("items").getJsonObject(1);
    assertEntry(moderation, seller, "review.reject", "review:" + reviewId, "moderate-" + run);
    assertThat(moderation.getJsonObject("oldValue"))
        .isEqualTo(new JsonObject().put("status", review.json().getString("status")));
    assertThat(moderation.getJsonObject("newValue"))
        .isEqualTo(new JsonObject().put("status", "REJECTED").put("rejectionReason", "Off topic"));
    assertEntry(reply, seller, "review.reply", "review:" + reviewId, "reply-" + run);
    assertThat(reply.getValue("oldValue")).isNull();
    assertThat(reply.getJsonObject("newValue")).isEqualTo(new JsonObject().put("body", "Sorry to hear"));
  }

  @Test
  void skusImagesUnpublishingAndRefundApprovalsAreRecorded() {
    Users.Session admin = shop.admin();
    Users.Session seller = shop.seller();
    String run = UUID.randomUUID().toString();
    Shop.Sku sku = shop.stockedSku("30.00", 5);
    String productId = sku.productId();
    Reply added = http.post(API + "/products/" + productId + "/skus").bearer(seller.accessToken())
        .header("X-Request-Id", "sku-" + run)
        .json(CatalogFixtures.sku("AUD-" + CatalogFixtures.word(8), "31.00", Map.of("color", "blue"), 2)).send();
    assertThat(added.status()).as(added.toString()).isEqualTo(201);
    String newSku = added.json().getString("id");
    String first = shop.fx.uploadOk(seller, productId, CatalogFixtures.image("a.png", "image/png",
        CatalogFixtures.png(32, 32, false))).getString("id");
    String second = shop.fx.uploadOk(seller, productId, CatalogFixtures.image("b.png", "image/png",
        CatalogFixtures.png(32, 32, false))).getString("id");
    Reply covered = http.post(API + "/products/" + productId + "/images/" + second + "/cover")
        .bearer(seller.accessToken()).header("X-Request-Id", "cover-" + run).send();
    assertThat(covered.status()).as(covered.toString()).isEqualTo(200);
    Reply ordered = http.put(API + "/products/" + productId + "/images/order").bearer(seller.accessToken())
        .header("X-Request-Id", "order-" + run)
        .json(new JsonObject().put("imageIds", new JsonArray().add(second).add(first))).send();
    assertThat(ordered.status()).as(ordered.toString()).isEqualTo(200);
    Reply deleted = http.delete(API + "/products/" + productId + "/images/" + first).bearer(seller.accessToken())
        .header("X-Request-Id", "delete-" + run).send();
    assertThat(deleted.status()).as(deleted.toString()).isIn(200, 204);

    Shop.Buyer buyer = shop.buyer();
    String orderId = shop.paidOrder(buyer, sku, 1).getString("id");
    Reply unpublished = http.post(API + "/products/" + productId + "/unpublish").bearer(seller.accessToken())
        .header("X-Request-Id", "unpublish-" + run).send();
    assertThat(unpublished.status()).as(unpublished.toString()).isEqualTo(200);
    assertThat(shop.buyerAction(buyer, orderId, "refund", new JsonObject().put("reason", "Changed my mind"))
        .status()).isEqualTo(200);
    Reply approved = http.post(API + "/admin/orders/" + orderId + "/refund/approve").bearer(admin.accessToken())
        .header("X-Request-Id", "approve-" + run).send();
    assertThat(approved.status()).as(approved.toString()).isEqualTo(200);

    JsonObject created = only(awaitTrail(admin, "target=sku:" + newSku, 1));
    assertEntry(created, seller, "sku.create", "sku:" + newSku, "sku-" + run);
    assertThat(created.getValue("oldValue")).isNull();
    assertEntry(only(awaitTrail(admin, "target=image:" + second + "&action=image.cover", 1)), seller, "image.cover",
        "image:" + second, "cover-" + run);
    assertEntry(only(awaitTrail(admin, "target=image:" + first + "&action=image.delete", 1)), seller,
        "image.delete", "image:" + first, "delete-" + run);
    JsonObject reorder = only(awaitTrail(admin, "target=product:" + productId + "&action=image.reorder", 1));
    assertEntry(reorder, seller, "image.reorder", "product:" + productId, "order-" + run);
    assertThat(reorder.getJsonObject("newValue").getJsonArray("imageIds")).containsExactly(second, first);
    assertThat(awaitTrail(admin, "target=image:" + first + "&action=image.upload", 1).getLong("total")).isEqualTo(1);
    JsonObject unpublish = only(awaitTrail(admin, "target=product:" + productId + "&action=product.unpublish", 1));
    assertEntry(unpublish, seller, "product.unpublish", "product:" + productId, "unpublish-" + run);
    assertThat(unpublish.getJsonObject("newValue").getString("status")).isNotEqualTo("ACTIVE");
    JsonObject approval = only(awaitTrail(admin, "target=order:" + orderId + "&action=order.refund.approve", 1));
    assertEntry(approval, admin, "order.refund.approve", "order:" + orderId, "approve-" + run);
    assertThat(approval.getJsonObject("oldValue").getString("status")).isEqualTo("REFUND_REQUESTED");
  }

  @Test
  void anAdminsChangesAreRecordedAndSearchable() {
    Users.Session admin = Users.admin(http);
    Users.Session customer = Users.register(http, TestPlatform.uniqueEmail("audited"));
    String target = "user:" + customer.userId();
    Instant before = Instant.now().minus(1, ChronoUnit.SECONDS);

    Reply promoted = http.patch("/api/v1/admin/users/" + customer.userId()).bearer(admin.accessToken())
        .header("X-Request-Id", "audit-roles-" + customer.userId())
        .json(new JsonObject().put("roles", new JsonArray().add("customer").add("seller"))).send();
    assertThat(promoted.status()).as(promoted.toString()).isEqualTo(200);
    Reply disabled = http.patch("/api/v1/admin/users/" + customer.userId()).bearer(admin.accessToken())
        .json(new JsonObject().put("status", "disabled")).send();
    assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
    // the same value again changes nothing, and records nothing
    assertThat(http.patch("/api/v1/admin/users/" + customer.userId()).bearer(admin.accessToken())
        .json(new JsonObject().put("status", "disabled")).send().status()).isEqualTo(200);

    JsonObject trail = search(admin, "target=" + target);
    assertThat(trail.getLong("total")).isEqualTo(2);
    JsonObject status = trail.getJsonArray("items").getJsonObject(0);
    JsonObject roles = trail.getJsonArray("items").getJsonObject(1);
    assertThat(status.getString("action")).isEqualTo("user.status");
    assertThat(status.getValue("oldValue")).isEqualTo("active");
    assertThat(status.getValue("newValue")).isEqualTo("disabled");
    assertThat(roles.getString("action")).isEqualTo("user.roles");
    assertThat(roles.getJsonArray("oldValue")).containsExactly("customer");
    assertThat(roles.getJsonArray("newValue")).containsExactly("customer", "seller");
    assertThat(roles.getString("requestId")).isEqualTo("audit-roles-" + customer.userId());
    for (JsonObject entry : new JsonObject[] {status, roles}) {
      assertThat(entry.getString("actorId")).isEqualTo(admin.userId());
      assertThat(entry.getString("target")).isEqualTo(target);
      assertThat(entry.getString("clientIp")).isNotBlank();
      assertThat(Instant.parse(entry.getString("at"))).isAfter(before);
    }
    assertThat(status.getLong("id")).isGreaterThan(roles.getLong("id"));

    assertThat(search(admin, "target=" + target + "&action=user.roles").getLong("total")).isEqualTo(1);
    assertThat(search(admin, "target=" + target + "&actor=" + admin.userId()).getLong("total")).isEqualTo(2);
    assertThat(search(admin, "target=" + target + "&actor=" + UUID.randomUUID()).getLong("total")).isZero();
    assertThat(search(admin, "target=" + target + "&from=" + Instant.now().plusSeconds(3600)).getLong("total"))
        .isZero();
    assertThat(search(admin, "target=" + target + "&to=" + before).getLong("total")).isZero();
    assertThat(search(admin, "target=" + target + "&from=" + before + "&size=1&page=2").getJsonArray("items"))
        .hasSize(1);
    JsonObject pastTheEnd = search(admin, "target=" + target + "&size=1&page=3");
    assertThat(pastTheEnd.getJsonArray("items")).isEmpty();
    assertThat(pastTheEnd.getLong("total")).isEqualTo(2);
  }

  @Test
  void onlyAdminsSearchAndBadCriteriaAreNamed() {
    Users.Session admin = Users.admin(http);
    Users.Session customer = Users.register(http, TestPlatform.uniqueEmail("not-admin"));
    assertThat(http.get("/api/v1/admin/audit").send().status()).isEqualTo(401);
    Reply forbidden = http.get("/api/v1/admin/audit").bearer(customer.accessToken()).send();
    assertThat(forbidden.status()).isEqualTo(403);
    for (String bad : new String[] {"actor=someone", "from=yesterday", "to=2026-13-01T00:00:00Z", "page=0",
        "size=101"}) {
      Reply reply = http.get("/api/v1/admin/audit?" + bad).bearer(admin.accessToken()).send();
      assertThat(reply.status()).as(bad + ": " + reply).isEqualTo(400);
      assertThat(reply.errorCode()).isEqualTo("VALIDATION_FAILED");
    }
  }

  @Test
  void entriesCannotBeChangedOrRemoved() throws Exception {
    Users.Session admin = Users.admin(http);
    Users.Session customer = Users.register(http, TestPlatform.uniqueEmail("kept"));
    assertThat(http.patch("/api/v1/admin/users/" + customer.userId()).bearer(admin.accessToken())
        .json(new JsonObject().put("status", "disabled")).send().status()).isEqualTo(200);
    String target = "user:" + customer.userId();

    Pool pg = PgSettings.from(TestPlatform.config()).pool(TestPlatform.vertx(), "test");
    try {
      for (String statement : new String[] {
          "UPDATE users.audit_log SET new_value = '\"active\"' WHERE target = $1",
          "DELETE FROM users.audit_log WHERE target = $1"}) {
        Throwable refused = pg.preparedQuery(statement).execute(Tuple.of(target)).toCompletionStage()
            .toCompletableFuture().handle((rows, failure) -> failure).get(10, TimeUnit.SECONDS);
        assertThat(refused).as(statement).isNotNull().hasMessageContaining("append-only");
      }
    } finally {
      pg.close();
    }
    JsonObject trail = search(admin, "target=" + target);
    assertThat(trail.getLong("total")).isEqualTo(1);
    assertThat(trail.getJsonArray("items").getJsonObject(0).getValue("newValue")).isEqualTo("disabled");
  }

  /** The search's answer once it finds at least {@code count} entries (they arrive through Kafka). */
  private JsonObject awaitTrail(Users.Session admin, String query, int count) {
    JsonObject[] found = new JsonObject[1];
    CatalogFixtures.await("audit entries for " + query, ARRIVAL, () -> {
      found[0] = search(admin, query);
      return found[0].getLong("total") >= count;
    });
    return found[0];
  }

  private static JsonObject only(JsonObject trail) {
    assertThat(trail.getLong("total")).as(trail.encode()).isEqualTo(1);
    return trail.getJsonArray("items").getJsonObject(0);
  }

  private static void assertEntry(JsonObject entry, Users.Session actor, String action, String target,
      String requestId) {
    assertThat(entry.getString("action")).as(entry.encode()).isEqualTo(action);
    assertThat(entry.getString("target")).isEqualTo(target);
    assertThat(entry.getString("actorId")).isEqualTo(actor.userId());
    assertThat(entry.getString("clientIp")).isNotBlank();
    assertThat(entry.getString("requestId")).isEqualTo(requestId);
    assertThat(Instant.parse(entry.getString("at"))).isBefore(Instant.now().plusSeconds(1));
  }

  private JsonObject search(Users.Session admin, String query) {
    Reply reply = http.get("/api/v1/admin/audit?" + query).bearer(admin.accessToken()).send();
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json();
  }
}
