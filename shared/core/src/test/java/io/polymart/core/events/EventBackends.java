package io.polymart.core.events;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.polymart.backends.Backend;
import io.polymart.backends.BackendsOptions;
import io.polymart.backends.EmbeddedBackends;
import io.polymart.core.mongo.MongoClients;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Embedded Kafka and MongoDB for the event consumer tests, started once per test JVM in a temporary directory, plus
 * a Vert.x instance, a producer, an admin client and waiting helpers. (shared/testing depends on core, so core's
 * tests use shared/backends directly, as the outbox tests do.)
 */
final class EventBackends {

  static final Duration TIMEOUT = Duration.ofSeconds(30);

  private static Path dataDir;
  private static EmbeddedBackends backends;
  private static Vertx vertx;
  private static MongoClient mongo;
  private static KafkaProducer<String, String> producer;
  private static Admin admin;

  private EventBackends() {}

  private static synchronized void start() {
    if (backends != null) {
      return;
    }
    try {
      dataDir = Files.createTempDirectory("polymart-events-test-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    backends = EmbeddedBackends.start(new BackendsOptions(dataDir, false, EnumSet.of(Backend.KAFKA, Backend.MONGO)))
        .ownedByCaller();
    vertx = Vertx.vertx();
    mongo = MongoClients.create(new JsonObject().put("mongo", new JsonObject().put("url",
        backends.mongoUrl().orElseThrow())));
    producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
        ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    Properties adminConfig = new Properties();
    adminConfig.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    admin = Admin.create(adminConfig);
    Runtime.getRuntime().addShutdownHook(new Thread(EventBackends::stopAll, "events-test-backends-stop"));
  }

  static synchronized String bootstrapServers() {
    start();
    return backends.kafkaBootstrapServers().orElseThrow();
  }

  static synchronized Vertx vertx() {
    start();
    return vertx;
  }

  static synchronized MongoDatabase database() {
    start();
    return mongo.getDatabase("events_test");
  }

  /** A topic of its own for each test, {@code polymart.events-test-<name>-<random>}. */
  static String createTopic(String name, int partitions) {
    start();
    String topic = "polymart.events-test-" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
    get(admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all());
    return topic;
  }

  /** An event envelope as the outbox relay writes it. */
  static JsonObject event(String type, String aggregateId, JsonObject data) {
    return new JsonObject()
        .put("type", type)
        .put("id", UUID.randomUUID().toString())
        .put("occurredAt", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString())
        .put("aggregateId", aggregateId)
        .put("data", data);
  }

  /** Sends and waits for the acknowledgement, so records go out in call order. */
  static void send(String topic, String key, String value) {
    start();
    get(producer.send(new ProducerRecord<>(topic, key, value)));
  }

  static void send(String topic, JsonObject event) {
    send(topic, event.getString("aggregateId"), event.encode());
  }

  /** The group's committed offsets (empty when it has none). */
  static Map<TopicPartition, OffsetAndMetadata> committed(String group) {
    start();
    return get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
  }

  /** Sets the committed offsets of a group without members, as a crash after processing, before the commit, does. */
  static void setCommitted(String group, Map<TopicPartition, OffsetAndMetadata> offsets) {
    start();
    get(admin.alterConsumerGroupOffsets(group, offsets).all());
  }

  /** Deletes a group without members: the next consumer of that name starts a fresh group at the earliest offset. */
  static void deleteGroup(String group) {
    start();
    get(admin.deleteConsumerGroups(List.of(group)).all());
  }

  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static void awaitCondition(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out after " + TIMEOUT + " waiting for " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("Interrupted waiting for " + what);
      }
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

  private static synchronized void stopAll() {
    producer.close(Duration.ofSeconds(2));
    admin.close(Duration.ofSeconds(2));
    mongo.close();
    vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null)
        .join();
    backends.close();
    try (var paths = Files.walk(dataDir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException ignored) {
      // a leftover temporary directory is harmless
    }
  }
}
