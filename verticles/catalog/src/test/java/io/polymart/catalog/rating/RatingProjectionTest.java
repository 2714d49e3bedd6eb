package io.polymart.catalog.rating;

import io.polymart.catalog.CatalogFixture;
import io.polymart.core.bus.BusReply;
import io.polymart.testing.BusTestNode.Caller;
import io.polymart.testing.BusTestNode.Reply;
import io.vertx.core.json.JsonObject;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.polymart.catalog.rating.RatingEvents.awaitConsumed;
import static io.polymart.catalog.rating.RatingEvents.ratingChanged;
import static io.polymart.catalog.rating.RatingEvents.send;
import static io.polymart.core.bus.Addresses.CATALOG_PRODUCTS_SEARCH;
import static io.polymart.core.bus.Addresses.CATALOG_PRODUCT_GET;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 11: the catalog keeps the product rating the reviews publish as ProductRatingChanged on polymart.reviews. */
class RatingProjectionTest {
  private final Caller seller = Caller.seller();

  @Test
  void aRatingChangeReachesTheProductPageAndDropsItsCachedCopy() {
    String product = activeProduct();
    page(product);
    Reply cached = page(product);
    assertThat(cached.header(BusReply.X_CACHE)).isEqualTo("HIT");
    assertRating(cached.body(), 0, 0);

    awaitConsumed(send(ratingChanged(product, 3, "4.33", Instant.now())));

    Reply changed = page(product);
    assertThat(changed.header(BusReply.X_CACHE)).as("the cached page was dropped").isEqualTo("MISS");
    assertRating(changed.body(), 3, 4.33);
    assertThat(changed.body().getJsonObject("rating").getValue("average")).isInstanceOf(Number.class);
    assertThat(page(product).header(BusReply.X_CACHE)).isEqualTo("HIT");
  }

  @Test
  void aRedeliveredEventChangesNothing() {
    String product = activeProduct();
    JsonObject event = ratingChanged(product, 2, "4.50", Instant.now());
    awaitConsumed(send(event));
    assertRating(page(product).body(), 2, 4.5);
    assertThat(page(product).header(BusReply.X_CACHE)).isEqualTo("HIT");
    Object storedAt = ratingChangedAt(product);

    awaitConsumed(send(event));

    Reply after = page(product);
    assertThat(after.header(BusReply.X_CACHE)).as("the duplicate was skipped: the page stays cached").isEqualTo("HIT");
    assertRating(after.body(), 2, 4.5);
    assertThat(ratingChangedAt(product)).isEqualTo(storedAt);
  }

  @Test
  void anOlderEventReadAfterANewerOneDoesNotTakeTheRatingBack() {
    String product = activeProduct();
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    awaitConsumed(send(ratingChanged(product, 5, "4.20", now)));
    assertRating(page(product).body(), 5, 4.2);

    awaitConsumed(send(ratingChanged(product, 4, "3.75", now.minusSeconds(30))));

    Reply after = page(product);
    assertRating(after.body(), 5, 4.2);
    assertThat(after.header(BusReply.X_CACHE)).as("nothing changed, nothing dropped").isEqualTo("HIT");
    // a newer one still applies, and one review unpublished down to none brings the rating back to 0
    awaitConsumed(send(ratingChanged(product, 0, "0", now.plusSeconds(1))));
    assertRating(page(product).body(), 0, 0);
  }

  @Test
  void anEventForAnUnknownProductIsPassedOverWithoutParking() {
    JsonObject event = ratingChanged(UUID.randomUUID().toString(), 1, "5.00", Instant.now());
    awaitConsumed(send(event));

    assertThat(RatingEvents.parked(event.getString("id"))).isEmpty();
    assertThat(CatalogFixture.count("SELECT count(*) FROM catalog.products WHERE id = $1::uuid",
        event.getJsonObject("data").getString("productId"))).isZero();
    // and the group goes on with the next event
    String product = activeProduct();
    awaitConsumed(send(ratingChanged(product, 1, "2.00", Instant.now())));
    assertRating(page(product).body(), 1, 2);
  }

  @Test
  void anImpossibleRatingIsParkedAndTheGroupMovesOn() {
    String product = activeProduct();
    JsonObject impossible = ratingChanged(product, 2, "4.00", Instant.now());
    impossible.getJsonObject("data").put("count", -2);
    awaitConsumed(RatingEvents.sendRaw(product, impossible.encode()));

    assertThat(RatingEvents.parked(impossible.getString("id"))).singleElement()
        .satisfies(parked -> assertThat(parked.error()).contains("count"));
    assertRating(page(product).body(), 0, 0);
    awaitConsumed(send(ratingChanged(product, 2, "4.00", Instant.now())));
    assertRating(page(product).body(), 2, 4);
  }

  @Test
  void otherReviewEventsAreNotTheCatalogsConcern() {
    String product = activeProduct();
    JsonObject published = new JsonObject().put("type", "ReviewPublished").put("id", UUID.randomUUID().toString())
        .put("occurredAt", Instant.now().toString()).put("aggregateId", product)
        .put("data", new JsonObject().put("reviewId", UUID.randomUUID().toString()).put("productId", product)
            .put("userId", UUID.randomUUID().toString()).put("rating", 5).put("verified", true));
    awaitConsumed(send(published));

    assertThat(RatingEvents.parked(published.getString("id"))).isEmpty();
    assertRating(page(product).body(), 0, 0);
  }

  @Test
  void searchSortedByRatingFollowsTheConsumedAverages() {
    String category = CatalogFixture.createCategory();
    String good = activeProduct(category);
    String best = activeProduct(category);
    String fair = activeProduct(category);
    String goodAndPopular = activeProduct(category);
    String unrated = activeProduct(category);
    Instant now = Instant.now();
    send(ratingChanged(good, 2, "4.50", now));
    send(ratingChanged(best, 1, "4.90", now));
    send(ratingChanged(fair, 7, "3.10", now));
    RecordMetadata last = send(ratingChanged(goodAndPopular, 10, "4.50", now));
    awaitConsumed(last);
    // records of other keys may sit on other partitions: wait for each product's own
    CatalogFixture.awaitCondition("every rating stored", RatingEvents.TIMEOUT, () -> CatalogFixture.count(
        "SELECT count(*) FROM catalog.products WHERE id::text = ANY($1) AND rating_changed_at IS NOT NULL",
        (Object) new String[] {good, best, fair, goodAndPopular}) == 4);

    JsonObject results = CatalogFixture.await(CatalogFixture.node().send(CATALOG_PRODUCTS_SEARCH, new JsonObject(),
        new JsonObject().put("category", category).put("sort", "rating"), new JsonObject(), Caller.anonymous()))
        .orThrow();
    List<JsonObject> items = results.getJsonArray("items").stream().map(JsonObject.class::cast).toList();
    assertThat(items).extracting(item -> item.getString("id"))
        .containsExactly(best, goodAndPopular, good, fair, unrated);
    assertRating(items.get(0), 1, 4.9);
    assertRating(items.get(1), 10, 4.5);
  }

  private String activeProduct() {
    return activeProduct(CatalogFixture.category());
  }

  private String activeProduct(String category) {
    JsonObject product = CatalogFixture.createProduct(seller, category, CatalogFixture.sku("19.90", 5));
    return CatalogFixture.publish(product.getString("id"), seller).getString("id");
  }

  private static Reply page(String productId) {
    return CatalogFixture.call(CATALOG_PRODUCT_GET, CatalogFixture.id(productId), new JsonObject(), Caller.anonymous());
  }

  private static Object ratingChangedAt(String productId) {
    return CatalogFixture.query("SELECT rating_changed_at FROM catalog.products WHERE id = $1::uuid", productId)
        .iterator().next().getValue(0);
  }

  private static void assertRating(JsonObject product, int count, double average) {
    JsonObject rating = product.getJsonObject("rating");
    assertThat(rating.getLong("count")).as("rating of " + product.getString("id")).isEqualTo((long) count);
    assertThat(rating.getNumber("average").doubleValue()).as("rating of " + product.getString("id"))
        .isEqualTo(average);
  }
}
