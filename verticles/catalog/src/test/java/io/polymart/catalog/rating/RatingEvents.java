package io.polymart.catalog.rating;

import com.mongodb.reactivestreams.client.MongoClient;
import io.polymart.catalog.CatalogFixture;
import io.polymart.core.events.MongoParkedEvents;
import io.polymart.core.events.ParkedEvent;
import io.polymart.core.mongo.MongoClients;
import io.polymart.testing.Await;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes {@code polymart.reviews} events as the reviews' outbox relay would (a plain producer, keyed by product id),
 * and sees how far the catalog's group {@code polymart.catalog} has read, on the catalog test node.
 */
final class RatingEvents {
  static final String GROUP = "polymart.catalog";
  static final Duration TIMEOUT = CatalogFixture.TIMEOUT;
  private static KafkaProducer<String, String> producer;
  private static Admin admin;
  private static MongoParkedEvents parked;
  private static Validator schema;

  private RatingEvents() {
  }

  private static synchronized void start() {
    if (producer != null) {
      return;
    }
    JsonObject config = CatalogFixture.config();
    String bootstrap = config.getJsonObject("kafka").getString("bootstrapServers");
    producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    Properties adminConfig = new Properties();
    adminConfig.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    admin = Admin.create(adminConfig);
    MongoClient mongo = MongoClients.create(config);
    parked = new MongoParkedEvents(CatalogFixture.vertx(), mongo.getDatabase(config.getJsonObject("mongo")
        .getString("database")), "catalog");
    schema = Validator.create(JsonSchema.of(schemaJson()), new JsonSchemaOptions().setDraft(Draft.DRAFT202012)
        .setBaseUri("https://polymart.io/schemas/events/").setOutputFormat(OutputFormat.Basic));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      producer.close(Duration.ofSeconds(2));
      admin.close(Duration.ofSeconds(2));
      mongo.close();
    }, "rating-events-stop"));
  }

  /** A ProductRatingChanged envelope as the reviews verticle publishes it. */
  static JsonObject ratingChanged(String productId, int count, String average, Instant occurredAt) {
    JsonObject histogram = new JsonObject().put("1", 0).put("2", 0).put("3", 0).put("4", 0).put("5", count);
    return new JsonObject().put("type", "ProductRatingChanged").put("id", UUID.randomUUID().toString())
        .put("occurredAt", occurredAt.toString()).put("aggregateId", productId)
        .put("data", new JsonObject().put("productId", productId).put("count", count)
            .put("average", new BigDecimal(average).doubleValue()).put("histogram", histogram));
  }

  /** Sends an event that matches schemas/events/polymart.reviews.json; where it landed. */
  static RecordMetadata send(JsonObject event) {
    start();
    OutputUnit result = schema.validate(event);
    assertThat(result.getValid()).as("test event matches the schema: " + result.getErrors()).isTrue();
    return sendRaw(event.getString("aggregateId"), event.encode());
  }

  /** Sends any record value, waiting for the acknowledgement so records go out in call order. */
  static RecordMetadata sendRaw(String key, String value) {
    start();
    return get(producer.send(new ProducerRecord<>("polymart.reviews", key, value)));
  }

  /** Waits until the catalog's group has committed past the record: it was handled, skipped or parked. */
  static void awaitConsumed(RecordMetadata record) {
    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
    Await.until("the catalog to read past " + partition + " offset " + record.offset(), TIMEOUT, () -> {
      Map<TopicPartition, OffsetAndMetadata> committed =
          get(admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata());
      OffsetAndMetadata offset = committed.get(partition);
      return offset != null && offset.offset() > record.offset();
    });
  }

  /** The records the catalog's group parked with this event id. */
  static List<ParkedEvent> parked(String eventId) {
    start();
    return CatalogFixture.await(parked.list(GROUP, 10_000)).stream()
        .filter(p -> eventId.equals(p.eventId())).toList();
  }

  private static JsonObject schemaJson() {
    String resource = "schemas/events/polymart.reviews.json";
    try (InputStream in = RatingEvents.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource + " on the classpath").isNotNull();
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <T> T get(java.util.concurrent.Future<T> future) {
    try {
      return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
