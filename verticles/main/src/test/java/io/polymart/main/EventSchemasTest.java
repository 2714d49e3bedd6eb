package io.polymart.main;

import io.polymart.testing.HttpTestClient.Reply;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static io.polymart.main.CatalogFixtures.API;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event the catalog and orders write to their outboxes, and the activity the verticles publish, as it reaches
 * Kafka, matches its schema in {@code schemas/events/}. The flows below raise every event type of each topic; then
 * each topic is read from the start and every record on it is checked, those of other tests included.
 */
class EventSchemasTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private final Shop shop = new Shop();

  @Test
  void everyCatalogEventMatchesPolymartCatalogJson() {
    Shop.Sku sku = shop.stockedSku("20.00", 10);
    shop.setPrice(sku, "18.50");
    Reply stock = shop.http.post(API + "/skus/" + sku.skuId() + "/stock").bearer(shop.seller().accessToken())
        .json(new JsonObject().put("delta", -7).put("reason", "stocktake")).send();
    assertThat(stock.status()).as(stock.toString()).isEqualTo(200);
    shop.order(shop.buyer(), sku, 1);
    Reply renamed = shop.http.patch(API + "/products/" + sku.productId()).bearer(shop.seller().accessToken())
        .json(new JsonObject().put("description", "Renamed in a schema test")).send();
    assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
    Reply unpublished = shop.http.post(API + "/products/" + sku.productId() + "/unpublish")
        .bearer(shop.seller().accessToken()).send();
    assertThat(unpublished.status()).as(unpublished.toString()).isEqualTo(200);
    Shop.Sku deleted = shop.stockedSku("5.00", 1);
    Reply delete = shop.http.delete(API + "/products/" + deleted.productId()).bearer(shop.seller().accessToken())
        .send();
    assertThat(delete.status()).as(delete.toString()).isBetween(200, 204);

    List<JsonObject> events = allEventsOf("polymart.catalog", read -> typesOf(read, sku.productId())
        .containsAll(Set.of("ProductCreated", "ProductPublished", "PriceChanged", "StockChanged", "LowStock",
            "ProductUpdated", "ProductUnpublished"))
        && typesOf(read, deleted.productId()).contains("ProductDeleted"));
    assertMatchSchema("polymart.catalog", events);

    // issue 12: product-level events describe the product as their transaction left it
    JsonObject unpublishedSnapshot = lastOf(events, sku.productId(), "ProductUnpublished").getJsonObject("data")
        .getJsonObject("snapshot");
    assertThat(unpublishedSnapshot.getString("status")).isEqualTo("INACTIVE");
    assertThat(unpublishedSnapshot.getString("minPrice")).isEqualTo("18.50");
    assertThat(unpublishedSnapshot.getJsonObject("attributes"))
        .isEqualTo(new JsonObject().put("color", new io.vertx.core.json.JsonArray().add("red")));
    assertThat(unpublishedSnapshot.getString("categoryId")).isNotNull();
    assertThat(unpublishedSnapshot.getValue("brandId")).isNull();
    assertThat(unpublishedSnapshot.getValue("image")).isNull();
    assertThat(lastOf(events, sku.productId(), "ProductPublished").getJsonObject("data").getJsonObject("snapshot")
        .getString("status")).isEqualTo("ACTIVE");
    assertThat(lastOf(events, deleted.productId(), "ProductDeleted").getJsonObject("data").getJsonObject("snapshot")
        .getString("status")).isEqualTo("DELETED");
    Validator validator = validator("polymart.catalog");
    JsonObject withoutSnapshot = lastOf(events, sku.productId(), "ProductCreated").copy();
    assertThat(validator.validate(withoutSnapshot).getValid()).isTrue();
    withoutSnapshot.getJsonObject("data").remove("snapshot");
    assertThat(validator.validate(withoutSnapshot).getValid()).isFalse();
    JsonObject badPrice = lastOf(events, sku.productId(), "ProductUnpublished").copy();
    badPrice.getJsonObject("data").getJsonObject("snapshot").put("minPrice", 18.5);
    assertThat(validator.validate(badPrice).getValid()).isFalse();
  }

  /** Issue 12: views, cart adds and sign-ins, as the catalog, the cart and the users verticle publish them. */
  @Test
  void everyActivityEventMatchesPolymartActivityJson() {
    Shop.Sku sku = shop.stockedSku("7.00", 5);
    Shop.Buyer buyer = shop.buyer();
    String visitor = ActivityEventsTest.visitorId();
    expectOk(shop.http.get(API + "/products/" + sku.productId()).header("X-Visitor-Id", visitor).send());
    expectOk(shop.http.get(API + "/products/" + sku.productId()).bearer(buyer.token()).send());
    expectOk(shop.http.post(API + "/cart/items").header("X-Visitor-Id", visitor)
        .json(new JsonObject().put("skuId", sku.skuId()).put("quantity", 1)).send());
    expectOk(shop.addToCart(buyer, sku, 2));
    expectOk(shop.http.post("/api/v1/auth/login").header("X-Visitor-Id", visitor)
        .json(new JsonObject().put("email", buyer.session().email()).put("password", Users.PASSWORD)).send());

    String userId = buyer.session().userId();
    List<JsonObject> events = allEventsOf("polymart.activity", read -> read.stream()
        .filter(e -> sku.productId().equals(e.getString("aggregateId"))).count() >= 4
        && typesOf(read, userId).contains("VisitorSignedIn"));
    assertMatchSchema("polymart.activity", events);

    Validator validator = validator("polymart.activity");
    String product = sku.productId();
    JsonObject view = new JsonObject().put("productId", product).put("visitorId", visitor)
        .put("at", "2026-12-03T21:15:30.123Z");
    JsonObject add = new JsonObject().put("productId", product).put("skuId", sku.skuId()).put("quantity", 1)
        .put("userId", userId).put("at", "2026-12-03T21:15:30.123Z");
    JsonObject signIn = new JsonObject().put("visitorId", visitor).put("userId", userId)
        .put("at", "2026-12-03T21:15:30.123Z");
    assertMatchSchema("polymart.activity", List.of(activityEvent("ProductViewed", product, view),
        activityEvent("CartItemAdded", product, add), activityEvent("VisitorSignedIn", userId, signIn)));
    List<JsonObject> invalid = List.of(
        activityEvent("ProductViewed", product, view.copy().put("userId", userId)),
        activityEvent("ProductViewed", product, withoutField(view, "visitorId")),
        activityEvent("ProductViewed", product, view.copy().put("visitorId", "bad id")),
        activityEvent("ProductViewed", product, withoutField(view, "at")),
        activityEvent("CartItemAdded", product, add.copy().put("quantity", 0)),
        activityEvent("CartItemAdded", product, withoutField(add, "skuId")),
        activityEvent("VisitorSignedIn", userId, withoutField(signIn, "visitorId")),
        activityEvent("VisitorSignedIn", userId, withoutField(signIn, "userId")));
    for (JsonObject event : invalid) {
      assertThat(validator.validate(event).getValid()).as("rejects " + event.encode()).isFalse();
    }
  }

  private static JsonObject activityEvent(String type, String aggregateId, JsonObject data) {
    return reviewEvent(type, aggregateId, data);
  }

  private static JsonObject lastOf(List<JsonObject> events, String aggregateId, String type) {
    JsonObject last = null;
    for (JsonObject event : events) {
      if (aggregateId.equals(event.getString("aggregateId")) && type.equals(event.getString("type"))) {
        last = event;
      }
    }
    assertThat(last).as(type + " of " + aggregateId).isNotNull();
    return last;
  }

  @Test
  void everyOrdersEventMatchesPolymartOrdersJson() {
    Shop.Sku sku = shop.stockedSku("30.00", 20);
    Shop.Buyer buyer = shop.buyer();
    // placed, paid, shipped, delivered, refund requested and rejected, then completed
    String completed = shop.paidOrder(buyer, sku, 2).getString("id");
    expectOk(shop.staff(shop.seller(), completed, "ship", new JsonObject().put("carrier", "SF")
        .put("trackingNo", "SF9")));
    expectOk(shop.staff(shop.seller(), completed, "deliver", null));
    expectOk(shop.buyerAction(buyer, completed, "refund", new JsonObject().put("reason", "scratched")));
    expectOk(shop.staff(shop.seller(), completed, "refund/reject", null));
    expectOk(shop.buyerAction(buyer, completed, "confirm-receipt", null));
    // paid, then refunded
    String refunded = shop.paidOrder(buyer, sku, 1).getString("id");
    expectOk(shop.buyerAction(buyer, refunded, "refund", new JsonObject().put("reason", "changed my mind")));
    expectOk(shop.staff(shop.seller(), refunded, "refund/approve", null));
    // cancelled before payment
    String cancelled = shop.order(buyer, sku, 1).getString("id");
    expectOk(shop.buyerAction(buyer, cancelled, "cancel", null));

    List<JsonObject> events = allEventsOf("polymart.orders", read -> typesOf(read, completed).contains("OrderCompleted")
        && typesOf(read, refunded).contains("OrderRefunded") && typesOf(read, cancelled).contains("OrderCancelled"));
    Set<String> types = events.stream().filter(e -> Set.of(completed, refunded, cancelled)
        .contains(e.getString("aggregateId"))).map(e -> e.getString("type")).collect(Collectors.toSet());
    assertThat(types).containsExactlyInAnyOrder("OrderPlaced", "OrderPaid", "OrderCancelled", "OrderShipped",
        "OrderDelivered", "OrderCompleted", "OrderRefundRequested", "OrderRefundRejected", "OrderRefunded");
    assertMatchSchema("polymart.orders", events);
    // a status change must name the buyer and the order's lines: consumers rely on them alone
    JsonObject delivered = events.stream().filter(e -> completed.equals(e.getString("aggregateId"))
        && "OrderDelivered".equals(e.getString("type"))).findFirst().orElseThrow();
    Validator validator = validator("polymart.orders");
    assertThat(validator.validate(delivered).getValid()).isTrue();
    JsonObject withoutLines = delivered.copy();
    withoutLines.getJsonObject("data").remove("items");
    assertThat(validator.validate(withoutLines).getValid()).isFalse();
    JsonObject withoutBuyer = delivered.copy();
    withoutBuyer.getJsonObject("data").remove("userId");
    assertThat(validator.validate(withoutBuyer).getValid()).isFalse();
  }

  /** Issue 15: the audit trail's events, from the catalog and the orders verticles, and malformed ones refused. */
  @Test
  void everyAuditEventMatchesPolymartAuditJson() {
    Shop.Sku sku = shop.stockedSku("8.00", 3);
    shop.setPrice(sku, "9.50");
    Reply coupon = shop.http.post(API + "/coupons").bearer(shop.admin().accessToken())
        .json(CheckoutTest.couponBody("PERCENT", "10", "5.00", "0", 5, 1)).send();
    assertThat(coupon.status()).as(coupon.toString()).isEqualTo(201);
    String couponTarget = "coupon:" + coupon.json().getString("id");
    String skuTarget = "sku:" + sku.skuId();

    List<JsonObject> events = allEventsOf("polymart.audit", read -> read.stream().map(e -> e.getString("aggregateId"))
        .collect(Collectors.toSet()).containsAll(Set.of(couponTarget, skuTarget, "product:" + sku.productId())));
    assertMatchSchema("polymart.audit", events);
    JsonObject price = events.stream().filter(e -> skuTarget.equals(e.getString("aggregateId"))).findFirst()
        .orElseThrow();
    assertThat(price.getJsonObject("data").getString("action")).isEqualTo("sku.price");

    Validator validator = validator("polymart.audit");
    JsonObject data = price.getJsonObject("data");
    List<JsonObject> invalid = List.of(withoutField(price, "occurredAt"),
        price.copy().put("type", "Audited"),
        price.copy().put("data", withoutField(data, "actorId")),
        price.copy().put("data", data.copy().put("actorId", "someone")),
        price.copy().put("data", data.copy().put("action", "Price Change")),
        price.copy().put("data", data.copy().put("target", "sku")),
        price.copy().put("data", data.copy().put("oldValue", "8.00")),
        price.copy().put("data", data.copy().put("extra", true)));
    for (JsonObject event : invalid) {
      assertThat(validator.validate(event).getValid()).as("rejects " + event.encode()).isFalse();
    }
  }

  /**
   * Issue 11: polymart.reviews, checked on sample events until the reviews verticle publishes them. The catalog's
   * rating consumer relies on ProductRatingChanged as this schema describes it.
   */
  @Test
  void polymartReviewsJsonAcceptsTheReviewEventsAndRejectsMalformedOnes() {
    Validator validator = validator("polymart.reviews");
    String product = UUID.randomUUID().toString();
    JsonObject review = new JsonObject().put("reviewId", UUID.randomUUID().toString()).put("productId", product)
        .put("userId", UUID.randomUUID().toString()).put("rating", 4).put("verified", true);
    JsonObject histogram = new JsonObject().put("1", 0).put("2", 1).put("3", 0).put("4", 1).put("5", 1);
    JsonObject rating = new JsonObject().put("productId", product).put("count", 3).put("average", 3.67)
        .put("histogram", histogram);
    List<JsonObject> valid = List.of(reviewEvent("ReviewPublished", product, review),
        reviewEvent("ReviewRemoved", product, review.copy().put("verified", false)),
        reviewEvent("ProductRatingChanged", product, rating),
        reviewEvent("ProductRatingChanged", product, new JsonObject().put("productId", product).put("count", 0)
            .put("average", 0).put("histogram", new JsonObject().put("1", 0).put("2", 0).put("3", 0).put("4", 0)
                .put("5", 0))));
    assertMatchSchema("polymart.reviews", valid);

    List<JsonObject> invalid = List.of(
        reviewEvent("ReviewPublished", product, review.copy().put("rating", 6)),
        reviewEvent("ReviewRemoved", product, withoutField(review, "verified")),
        reviewEvent("ProductRatingChanged", product, rating.copy().put("average", "3.67")),
        reviewEvent("ProductRatingChanged", product, rating.copy().put("average", 5.5)),
        reviewEvent("ProductRatingChanged", product, rating.copy().put("count", -1)),
        reviewEvent("ProductRatingChanged", product, rating.copy().put("count", 2.5)),
        reviewEvent("ProductRatingChanged", product, withoutField(rating, "histogram")),
        reviewEvent("ProductRatingChanged", product, rating.copy().put("histogram", withoutField(histogram, "5"))),
        reviewEvent("ProductRatingChanged", product, rating.copy().put("histogram", histogram.copy().put("6", 1))),
        withoutField(reviewEvent("ProductRatingChanged", product, rating), "occurredAt"));
    for (JsonObject event : invalid) {
      assertThat(validator.validate(event).getValid()).as("rejects " + event.encode()).isFalse();
    }
  }

  private static JsonObject reviewEvent(String type, String productId, JsonObject data) {
    return new JsonObject().put("type", type).put("id", UUID.randomUUID().toString())
        .put("occurredAt", "2026-12-03T21:15:30.123Z").put("aggregateId", productId).put("data", data);
  }

  private static JsonObject withoutField(JsonObject object, String field) {
    JsonObject copy = object.copy();
    copy.remove(field);
    return copy;
  }

  private static void expectOk(Reply reply) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
  }

  private static Validator validator(String topic) {
    return Validator.create(JsonSchema.of(schema(topic)), new JsonSchemaOptions()
        .setDraft(Draft.DRAFT202012).setBaseUri("https://polymart.io/schemas/events/")
        .setOutputFormat(OutputFormat.Basic));
  }

  private static void assertMatchSchema(String topic, List<JsonObject> events) {
    Validator validator = validator(topic);
    List<String> failures = new ArrayList<>();
    for (JsonObject event : events) {
      OutputUnit result = validator.validate(event);
      if (!result.getValid()) {
        failures.add(event.getString("type") + " " + event.encode() + ": " + result.getErrors());
      }
    }
    assertThat(failures).as("events on " + topic + " that do not match schemas/events/" + topic + ".json")
        .isEmpty();
    // the schema does reject: an event without its data, or with a type it does not know, fails
    JsonObject sample = events.get(0);
    assertThat(validator.validate(sample.copy().put("data", "none")).getValid()).isFalse();
    assertThat(validator.validate(sample.copy().put("type", "SomethingElse")).getValid()).isFalse();
  }

  private static JsonObject schema(String topic) {
    String resource = "schemas/events/" + topic + ".json";
    try (InputStream in = EventSchemasTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource + " on the classpath").isNotNull();
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Set<String> typesOf(List<JsonObject> events, String aggregateId) {
    return events.stream().filter(e -> aggregateId.equals(e.getString("aggregateId")))
        .map(e -> e.getString("type")).collect(Collectors.toSet());
  }

  /** Every event on the topic from its start, until {@code done} holds for what was read. */
  private static List<JsonObject> allEventsOf(String topic, Predicate<List<JsonObject>> done) {
    Map<String, Object> config = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
        TestPlatform.config().getJsonObject("kafka").getString("bootstrapServers"),
        ConsumerConfig.GROUP_ID_CONFIG, "schema-test-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    List<JsonObject> events = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (!done.test(events)) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("Timed out after " + TIMEOUT + " reading " + topic + "; got "
              + events.stream().map(e -> e.getString("type")).toList());
        }
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
          if (record.value().startsWith("[")) {
            // an activity record: the events of a few milliseconds on its partition
            new io.vertx.core.json.JsonArray(record.value()).forEach(event -> events.add((JsonObject) event));
          } else {
            events.add(new JsonObject(record.value()));
          }
        }
      }
    }
    return events;
  }
}
