package io.polymart.reviews;

import com.mongodb.client.model.Filters;
import io.polymart.core.mongo.Publishers;
import io.polymart.reviews.ReviewsFixture.Deployment;
import io.polymart.testing.BusTestNode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static io.polymart.reviews.ReviewsFixture.awaitCaughtUp;
import static io.polymart.reviews.ReviewsFixture.orderStatus;
import static io.polymart.reviews.ReviewsFixture.purchaseOrder;
import static io.polymart.reviews.ReviewsFixture.purchasesByProduct;
import static io.polymart.reviews.ReviewsFixture.send;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Purchase documents an earlier build wrote (every order of the product in the buyer's document) are moved to the
 * per-order shape when the verticle starts, and the projection goes on from there as if it had always had it.
 */
class LegacyPurchasesTest {
  private final UUID buyer = UUID.randomUUID();
  private final UUID shirt = UUID.randomUUID();
  private final UUID mug = UUID.randomUUID();
  private final UUID redShirt = UUID.randomUUID();
  private final UUID mugSku = UUID.randomUUID();
  private final UUID delivered = UUID.randomUUID();
  private final UUID refunded = UUID.randomUUID();
  private final Instant then = Instant.parse("2026-11-01T10:00:00Z");

  @Test
  void legacyDocumentsAreMovedAtStartAndTheProjectionGoesOnFromThem() {
    UUID stranger = UUID.randomUUID();
    insertLegacy(new Document("_id", buyer + ":" + shirt).append("userId", buyer.toString())
        .append("productId", shirt.toString()).append("orders", new Document()
            .append(delivered.toString(), entry("DELIVERED", redShirt, then, 7))
            .append(refunded.toString(), entry("REFUNDED", redShirt, then.plusSeconds(60), 9))));
    // the delivered order also held a mug, in the mug's document
    insertLegacy(new Document("_id", buyer + ":" + mug).append("userId", buyer.toString())
        .append("productId", mug.toString()).append("orders", new Document()
            .append(delivered.toString(), entry("DELIVERED", mugSku, then, 7))));
    // an earlier build created the document before its first entry: nothing was bought
    insertLegacy(new Document("_id", stranger + ":" + mug).append("userId", stranger.toString())
        .append("productId", mug.toString()).append("orders", new Document()));
    // one such document that a newer instance, already consuming, has since given a qualifying order
    UUID early = UUID.randomUUID();
    insertLegacy(new Document("_id", early + ":" + mug).append("userId", early.toString())
        .append("productId", mug.toString()).append("orders", new Document())
        .append("qualifying", new Document(UUID.randomUUID().toString(), List.of(mugSku.toString()))));

    Deployment first = ReviewsFixture.deploy(1);
    try {
      assertThat(purchasesByProduct(buyer)).containsOnlyKeys(shirt.toString(), mug.toString());
      assertThat(purchasesByProduct(buyer).get(shirt.toString())).isEqualTo(new JsonObject()
          .put("productId", shirt.toString()).put("skuIds", new JsonArray().add(redShirt.toString()))
          .put("eligible", true));
      assertThat(purchasesByProduct(buyer).get(mug.toString()).getJsonArray("skuIds"))
          .containsExactly(mugSku.toString());
      assertThat(orderStatus(delivered)).isEqualTo("DELIVERED");
      assertThat(orderStatus(refunded)).isEqualTo("REFUNDED");
      assertThat(purchaseOrder(delivered).get("products", Document.class))
          .containsEntry(shirt.toString(), List.of(redShirt.toString()))
          .containsEntry(mug.toString(), List.of(mugSku.toString()));
      assertThat(purchasesByProduct(stranger)).isEmpty();
      assertThat(purchasesByProduct(early).get(mug.toString()).getBoolean("eligible")).isTrue();
      assertThat(legacyCount()).isZero();
    } finally {
      first.undeploy();
    }

    Deployment again = ReviewsFixture.deploy(1);
    try {
      assertThat(purchasesByProduct(buyer).get(shirt.toString()).getBoolean("eligible")).as("a second start")
          .isTrue();
      // an event of a moved order older than the moved entry changes nothing; a newer one applies
      TestOrder late = new TestOrder(buyer, delivered).line(shirt, redShirt, 1).line(mug, mugSku, 1);
      send(TestOrder.at(late.moved("OrderShipped", "SHIPPED"), then.minusSeconds(60)));
      awaitCaughtUp();
      assertThat(orderStatus(delivered)).isEqualTo("DELIVERED");
      send(TestOrder.at(late.moved("OrderRefunded", "REFUNDED"), Instant.now()));
      awaitCaughtUp();
      assertThat(orderStatus(delivered)).isEqualTo("REFUNDED");
      assertThat(purchasesByProduct(buyer).get(shirt.toString()).getBoolean("eligible")).isFalse();
    } finally {
      again.undeploy();
    }
  }

  private static Document entry(String status, UUID skuId, Instant occurredAt, long offset) {
    return new Document("status", status).append("skuIds", List.of(skuId.toString()))
        .append("occurredAt", Date.from(occurredAt)).append("offset", offset);
  }

  private static void insertLegacy(Document legacy) {
    BusTestNode.await(Publishers.first(ReviewsFixture.node().vertx(), ReviewsFixture.database()
        .getCollection(PurchaseRepository.COLLECTION).insertOne(legacy)));
  }

  private static long legacyCount() {
    return BusTestNode.await(Publishers.first(ReviewsFixture.node().vertx(), ReviewsFixture.database()
        .getCollection(PurchaseRepository.COLLECTION).countDocuments(Filters.exists("orders"))));
  }
}
