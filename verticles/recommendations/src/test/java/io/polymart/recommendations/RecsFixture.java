package io.polymart.recommendations;

import io.polymart.core.redis.RedisClients;
import io.polymart.testing.BusTestNode;
import io.polymart.testing.ConsumerGroupProgress;
import io.polymart.testing.BusTestNode.Caller;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.RedisAPI;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static io.polymart.core.bus.Addresses.RECS_FOR_YOU;
import static io.polymart.core.bus.Addresses.RECS_PRODUCT;
import static io.polymart.core.bus.Addresses.RECS_TRENDING;

/**
 * The recommendations module's tests' node: a {@link BusTestNode} per test JVM where tests deploy and undeploy
 * {@link RecommendationsVerticle}, a plain Kafka producer writing the four topics as the other verticles' relays do
 * (each topic with three partitions, so that instances have partitions to share), an admin client to see how far the
 * group has read, and a Redis client to look at what was learned. Tests share the backends: each uses new products,
 * categories and shoppers.
 */
final class RecsFixture {
  static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final int PARTITIONS = 3;
  private static BusTestNode node;
  private static KafkaProducer<String, String> producer;
  private static Admin admin;
  private static RedisAPI redis;

  private RecsFixture() {
  }

  static synchronized BusTestNode node() {
    if (node == null) {
      BusTestNode started = BusTestNode.start();
      String bootstrap = started.config().getJsonObject("kafka").getString("bootstrapServers");
      producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
          ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
      Properties adminConfig = new Properties();
      adminConfig.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
      admin = Admin.create(adminConfig);
      for (String topic : RecsEventHandler.TOPICS) {
        try {
          get(admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all());
        } catch (IllegalStateException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        }
      }
      redis = RedisClients.api(started.vertx(), started.config(), "test");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        producer.close(Duration.ofSeconds(2));
        admin.close(Duration.ofSeconds(2));
      }, "recs-fixture-stop"));
      node = started;
    }
    return node;
  }

  record Deployment(String id, List<RecommendationsVerticle> instances) {
    long applied() {
      return instances.stream().mapToLong(v -> v.handler().applied()).sum();
    }

    long replayed() {
      return instances.stream().mapToLong(v -> v.handler().replayed()).sum();
    }

    void undeploy() {
      BusTestNode.await(node().vertx().undeploy(id));
    }
  }

  static Deployment deploy(int instances) {
    return deploy(instances, node().config());
  }

  /** Deploys with another conf, such as other {@code recommendations.*} settings. */
  static Deployment deploy(int instances, JsonObject config) {
    List<RecommendationsVerticle> created = new CopyOnWriteArrayList<>();
    String id = BusTestNode.await(node().vertx().deployVerticle(() -> {
      RecommendationsVerticle verticle = new RecommendationsVerticle();
      created.add(verticle);
      return verticle;
    }, new DeploymentOptions().setConfig(config).setInstances(instances)));
    return new Deployment(id, List.copyOf(created));
  }

  // -- events ------------------------------------------------------------------------------------------------------

  /** Sends an event keyed by its aggregate id and waits for the acknowledgement. */
  static void send(String topic, JsonObject event) {
    node();
    get(producer.send(new ProducerRecord<>(topic, event.getString("aggregateId"), event.encode())));
  }

  /** Sends a record that is no event envelope at all. */
  static void sendRaw(String topic, String key, String value) {
    node();
    get(producer.send(new ProducerRecord<>(topic, key, value)));
  }

  /** Waits until the group has committed every record of the four topics. */
  static void awaitCaughtUp() {
    progress().awaitCaughtUp();
  }

  /** Forgets the group's offsets: the next consumer reads the topics from their start, as a new group would. */
  static void deleteGroupOffsets() {
    progress().deleteOffsets();
  }

  private static ConsumerGroupProgress progress() {
    node();
    return new ConsumerGroupProgress(admin, RecommendationsVerticle.GROUP, RecsEventHandler.TOPICS, PARTITIONS,
        TIMEOUT);
  }

  // -- reading -----------------------------------------------------------------------------------------------------

  static RedisAPI redis() {
    node();
    return redis;
  }

  /** The ids of a product's recommendations of {@code type} (default size). */
  static List<String> forProduct(String productId, String type) {
    return ids(productReply(productId, new JsonObject().put("type", type)).orThrow());
  }

  static BusTestNode.Reply productReply(String productId, JsonObject query) {
    return BusTestNode.await(node().send(RECS_PRODUCT, new JsonObject().put("id", productId), query,
        new JsonObject(), Caller.anonymous()));
  }

  static JsonObject forProduct(String productId, String type, int size) {
    return productReply(productId, new JsonObject().put("type", type).put("size", Integer.toString(size))).orThrow();
  }

  static JsonObject forYou(Caller caller, JsonObject query) {
    return BusTestNode.await(node().send(RECS_FOR_YOU, new JsonObject(), query, new JsonObject(), caller)).orThrow();
  }

  static BusTestNode.Reply trendingReply(JsonObject query) {
    return BusTestNode.await(node().send(RECS_TRENDING, new JsonObject(), query, new JsonObject(),
        Caller.anonymous()));
  }

  static List<String> ids(JsonObject answer) {
    JsonArray items = answer.getJsonArray("items");
    return items.stream().map(JsonObject.class::cast).map(item -> item.getString("id")).toList();
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
