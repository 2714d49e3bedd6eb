package io.polymart.reviews;

import com.mongodb.client.model.Filters;
import io.polymart.core.mongo.Publishers;
import io.polymart.reviews.ReviewsFixture.Deployment;
import io.polymart.testing.Await;
import io.polymart.testing.BusTestNode;
import io.polymart.testing.BusTestNode.Caller;
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
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.polymart.core.bus.Addresses.REVIEWS_ADMIN_PUBLISH;
import static io.polymart.core.bus.Addresses.REVIEWS_ADMIN_REJECT;
import static io.polymart.core.bus.Addresses.REVIEWS_CREATE;
import static io.polymart.core.bus.Addresses.REVIEWS_SUMMARY;
import static io.polymart.reviews.ReviewsFixture.awaitCaughtUp;
import static io.polymart.reviews.ReviewsFixture.node;
import static io.polymart.reviews.ReviewsFixture.send;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 11: the rating relay publishes every review_stats change as ProductRatingChanged on polymart.reviews. */
class RatingEventsTest {
  private Deployment reviews;

  @AfterEach
  void undeploy() {
    if (reviews != null) {
      reviews.undeploy();
    }
  }

  @Test
  void publishingAndRejectingReviewsPublishesTheRatingAsTheSummaryShowsIt() {
    reviews = deploy(2);
    UUID product = UUID.randomUUID();
    List<String> ids = new ArrayList<>();
    for (int rating : new int[] {5, 4, 2, 4}) {
      ids.add(create(deliveredBuyer(product), product, rating).getString("id"));
    }
    for (String id : ids) {
      node().ok(REVIEWS_ADMIN_PUBLISH, params(id), new JsonObject(), Caller.admin());
    }
    node().ok(REVIEWS_ADMIN_REJECT, params(ids.get(0)), new JsonObject().put("reason", "Spam"), Caller.admin());
    JsonObject summary = summary(product);
    assertThat(summary.getLong("count")).isEqualTo(3);
    assertThat(summary.getDouble("average")).isEqualTo(3.33);

    List<JsonObject> events = awaitLatestMatches(product, summary);
    Validator validator = validator();
    for (JsonObject event : events) {
      OutputUnit result = validator.validate(event);
      assertThat(result.getValid()).as(event.encode() + ": " + result.getErrors()).isTrue();
      assertThat(event.getString("type")).isEqualTo("ProductRatingChanged");
      assertThat(event.getJsonObject("data").getValue("average")).isInstanceOf(Number.class);
    }
    // the review events share the topic and key: every record is valid, 4 reviews entered PUBLISHED and 1 left it
    awaitOfType(product, ReviewEvents.PUBLISHED, 4);
    List<JsonObject> records = awaitOfType(product, ReviewEvents.REMOVED, 1);
    for (JsonObject record : records) {
      OutputUnit result = validator.validate(record);
      assertThat(result.getValid()).as(record.encode() + ": " + result.getErrors()).isTrue();
    }
    assertThat(records.stream().filter(r -> r.getString("type").equals(ReviewEvents.PUBLISHED))
        .map(r -> r.getString("id")).distinct()).hasSize(4);
    assertThat(records.stream().filter(r -> r.getString("type").equals(ReviewEvents.REMOVED))
        .map(r -> r.getJsonObject("data").getString("reviewId")).distinct()).containsExactly(ids.get(0));
    // each event id stands for one version of the stats: a re-sent one carries the same data
    Map<String, List<JsonObject>> byId = records.stream()
        .collect(Collectors.groupingBy(e -> e.getString("id")));
    byId.values().forEach(same -> assertThat(same).allSatisfy(e -> assertThat(e).isEqualTo(same.get(0))));
    Document stat = stat(product);
    Await.until("the latest version marked published", ReviewsFixture.TIMEOUT,
        () -> !stat(product).getBoolean("unpublished"));
    assertThat(((Number) stat(product).get("publishedVersion")).longValue())
        .isEqualTo(((Number) stat(product).get("version")).longValue());
    assertThat(((Number) stat.get("version")).longValue()).as("4 publishes and a reject").isEqualTo(5);
  }

  @Test
  void unpublishingTheOnlyReviewPublishesARatingOfZero() {
    reviews = deploy(1);
    UUID product = UUID.randomUUID();
    String id = create(deliveredBuyer(product), product, 3).getString("id");
    node().ok(REVIEWS_ADMIN_PUBLISH, params(id), new JsonObject(), Caller.admin());
    awaitLatestMatches(product, summary(product));
    node().ok(REVIEWS_ADMIN_REJECT, params(id), new JsonObject().put("reason", "Spam"), Caller.admin());

    JsonObject latest = latest(awaitLatestMatches(product, summary(product)));
    assertThat(latest.getJsonObject("data").getLong("count")).isZero();
    assertThat(latest.getJsonObject("data").getDouble("average")).isZero();
    assertThat(validator().validate(latest).getValid()).isTrue();
  }

  @Test
  void aRestartedRelayRepublishesNothingAlreadyPublished() {
    reviews = deploy(1);
    UUID product = UUID.randomUUID();
    String id = create(deliveredBuyer(product), product, 4).getString("id");
    node().ok(REVIEWS_ADMIN_PUBLISH, params(id), new JsonObject(), Caller.admin());
    awaitLatestMatches(product, summary(product));
    Await.until("published", ReviewsFixture.TIMEOUT, () -> !stat(product).getBoolean("unpublished"));
    int before = events(product).size();
    reviews.undeploy();

    reviews = deploy(1);
    // a change after the restart goes out: the new relay's rounds have run, and found nothing else to send
    UUID other = UUID.randomUUID();
    String otherId = create(deliveredBuyer(other), other, 5).getString("id");
    node().ok(REVIEWS_ADMIN_PUBLISH, params(otherId), new JsonObject(), Caller.admin());
    awaitLatestMatches(other, summary(other));
    Await.until("published", ReviewsFixture.TIMEOUT, () -> !stat(other).getBoolean("unpublished"));

    assertThat(events(product)).hasSize(before);
  }

  // ---------------------------------------------------------------------------------------------------------------

  /** Waits until the latest event for the product (as consumers keep it: by occurredAt) carries the summary. */
  private static List<JsonObject> awaitLatestMatches(UUID product, JsonObject summary) {
    List<List<JsonObject>> seen = new ArrayList<>();
    Await.until("a ProductRatingChanged equal to " + summary.encode(), ReviewsFixture.TIMEOUT, () -> {
      List<JsonObject> events = events(product);
      seen.add(events);
      if (events.isEmpty()) {
        return false;
      }
      JsonObject data = latest(events).getJsonObject("data");
      return data.getLong("count").equals(summary.getLong("count"))
          && data.getDouble("average").equals(summary.getDouble("average"))
          && data.getJsonObject("histogram").equals(summary.getJsonObject("histogram"))
          && data.getString("productId").equals(product.toString());
    });
    return seen.get(seen.size() - 1);
  }

  private static JsonObject latest(List<JsonObject> events) {
    return events.stream().max(Comparator.comparing(e -> Instant.parse(e.getString("occurredAt")))).orElseThrow();
  }

  /** The ProductRatingChanged records keyed by the product on polymart.reviews, from the topic's start. */
  private static List<JsonObject> events(UUID product) {
    return records(product).stream().filter(r -> RatingSnapshot.TYPE.equals(r.getString("type"))).toList();
  }

  /** Waits until {@code count} different events of the type keyed by the product are on the topic; all records. */
  static List<JsonObject> awaitOfType(UUID product, String type, int count) {
    List<List<JsonObject>> seen = new ArrayList<>();
    Await.until(count + " " + type + " of " + product, ReviewsFixture.TIMEOUT, () -> {
      List<JsonObject> records = records(product);
      seen.add(records);
      return records.stream().filter(r -> r.getString("type").equals(type)).map(r -> r.getString("id")).distinct()
          .count() >= count;
    });
    return seen.get(seen.size() - 1);
  }

  /** Every record (of every type) keyed by the product on polymart.reviews, from the topic's start. */
  static List<JsonObject> records(UUID product) {
    String bootstrap = node().config().getJsonObject("kafka").getString("bootstrapServers");
    Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    List<JsonObject> found = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
             new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(RatingRelay.TOPIC, Duration.ofSeconds(10)).stream()
          .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        assertThat(System.nanoTime()).as("read polymart.reviews to its end").isLessThan(deadline);
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          if (product.toString().equals(record.key())) {
            found.add(new JsonObject(record.value()));
          }
        }
      }
    }
    return found;
  }

  private static Document stat(UUID product) {
    return BusTestNode.await(Publishers.first(node().vertx(), ReviewsFixture.database()
        .getCollection(ReviewStatsRepository.COLLECTION).find(Filters.eq("_id", product.toString())).first()));
  }

  static Validator validator() {
    try {
      JsonObject schema = new JsonObject(Files.readString(Path.of("../../schemas/events/polymart.reviews.json")));
      return Validator.create(JsonSchema.of(schema), new JsonSchemaOptions().setDraft(Draft.DRAFT202012)
          .setBaseUri("https://polymart.io/schemas/events/").setOutputFormat(OutputFormat.Basic));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Deployment deploy(int instances) {
    JsonObject config = node().config().copy();
    config.getJsonObject("reviews").put("autoPublish", false);
    return ReviewsFixture.deploy(instances, config);
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

  private static JsonObject params(String id) {
    return new JsonObject().put("id", id);
  }

  private static JsonObject summary(UUID product) {
    return node().ok(REVIEWS_SUMMARY, new JsonObject().put("id", product.toString()), new JsonObject(),
        Caller.anonymous());
  }
}
