package io.polymart.core.outbox;

import io.polymart.backends.Backend;
import io.polymart.backends.BackendsOptions;
import io.polymart.backends.EmbeddedBackends;
import io.polymart.backends.EmbeddedKafka;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Embedded PostgreSQL (through {@link EmbeddedBackends}) and one Kafka node for the outbox tests, started once per
 * test JVM in a temporary directory. Kafka is started on its own so that a test can stop it and start it again on the
 * same port and data directory. Plus a Vert.x instance, a pool and small helpers. The core's other tests that need
 * PostgreSQL use its server too ({@link #backends()}): one set of backends per test JVM.
 */
public final class OutboxBackends {

  private static Path dataDir;
  private static EmbeddedBackends backends;
  private static EmbeddedKafka kafka;
  private static int kafkaPort;
  private static Vertx vertx;
  private static Pool pool;

  private OutboxBackends() {}

  static synchronized void start() {
    if (backends != null) {
      return;
    }
    try {
      dataDir = Files.createTempDirectory("polymart-core-test-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    CompletableFuture<EmbeddedKafka> kafkaStarted =
        CompletableFuture.supplyAsync(() -> EmbeddedKafka.start(dataDir.resolve("kafka"), 0));
    backends = EmbeddedBackends.start(new BackendsOptions(dataDir, false, EnumSet.of(Backend.POSTGRES)))
        .ownedByCaller();
    kafka = kafkaStarted.join();
    kafkaPort = kafka.port();
    vertx = Vertx.vertx();
    pool = poolOf(vertx);
    Runtime.getRuntime().addShutdownHook(new Thread(OutboxBackends::stopAll, "outbox-test-backends-stop"));
  }

  public static EmbeddedBackends backends() {
    start();
    return backends;
  }

  static Vertx vertx() {
    start();
    return vertx;
  }

  static Pool pool() {
    start();
    return pool;
  }

  /** A pool of the embedded PostgreSQL for another Vert.x instance (another node); the caller closes it. */
  static Pool poolOf(Vertx node) {
    return PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(8))
        .connectingTo(PgConnectOptions.fromUri(backends().postgresUrl().orElseThrow()).setCachePreparedStatements(true))
        .using(node)
        .build();
  }

  /** Stays the same across {@link #stopKafka()} and {@link #startKafka()}. */
  static synchronized String kafkaBootstrapServers() {
    start();
    return "127.0.0.1:" + kafkaPort;
  }

  static synchronized void stopKafka() {
    kafka.close();
    kafka = null;
  }

  static synchronized void startKafka() {
    if (kafka == null) {
      kafka = EmbeddedKafka.start(dataDir.resolve("kafka"), kafkaPort);
    }
  }

  /** Creates {@code outbox_test.<name>} afresh, as in the {@link Outbox} Javadoc, and returns its name. */
  static String createTable(String name) {
    String table = "outbox_test." + name;
    await(pool().query("CREATE SCHEMA IF NOT EXISTS outbox_test; DROP TABLE IF EXISTS " + table + "; "
        + "CREATE TABLE " + table + " ("
        + "  id           BIGSERIAL PRIMARY KEY,"
        + "  topic        TEXT NOT NULL,"
        + "  aggregate_id TEXT NOT NULL,"
        + "  event_id     UUID NOT NULL,"
        + "  event_type   TEXT NOT NULL,"
        + "  payload      JSONB NOT NULL,"
        + "  created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),"
        + "  trace_context TEXT)").execute());
    return table;
  }

  static long rows(String table) {
    return await(pool().query("SELECT count(*) FROM " + table).execute()).iterator().next().getLong(0);
  }

  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static void awaitCondition(String what, Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out after " + timeout + " waiting for " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("Interrupted waiting for " + what);
      }
    }
  }

  /**
   * Creates the topic with one partition, before anything is published to it: what {@link #consume} then reads is in
   * the order it was published, across aggregates too.
   */
  static void createSinglePartitionTopic(String topic) {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException(e.getCause());
      }
    } catch (InterruptedException | TimeoutException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Reads every partition of the topic from the beginning until {@code done} holds for what was read: in order
   * within a partition (so for each aggregate), partitions interleaved.
   */
  static List<ConsumerRecord<String, String>> consume(String topic, Duration timeout,
      Predicate<List<ConsumerRecord<String, String>>> done) {
    Map<String, Object> config = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers(),
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      long deadline = System.nanoTime() + timeout.toNanos();
      // the relay's first send creates the topic: until then it has no partitions to read
      List<TopicPartition> partitions = List.of();
      while (partitions.isEmpty()) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("Timed out after " + timeout + " waiting for topic " + topic);
        }
        partitions = consumer.partitionsFor(topic, Duration.ofSeconds(1)).stream()
            .map(info -> new TopicPartition(topic, info.partition())).toList();
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      while (!done.test(records)) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("Timed out after " + timeout + " reading " + topic + ", got " + records.size()
              + " records");
        }
        consumer.poll(Duration.ofMillis(100)).forEach(records::add);
      }
    }
    return records;
  }

  private static synchronized void stopAll() {
    vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null)
        .join();
    if (kafka != null) {
      kafka.close();
    }
    backends.close();
    try (var paths = Files.walk(dataDir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException ignored) {
      // a leftover temporary directory is harmless
    }
  }
}
