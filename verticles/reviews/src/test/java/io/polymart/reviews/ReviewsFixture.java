package io.polymart.reviews;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.polymart.core.mongo.MongoClients;
import io.polymart.core.mongo.Publishers;
import io.polymart.testing.BusTestNode;
import io.polymart.testing.ConsumerGroupProgress;
import io.polymart.testing.BusTestNode.Caller;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.polymart.core.bus.Addresses.REVIEWS_PURCHASES_LIST;

/**
 * The reviews module's tests' node: a {@link BusTestNode} per test JVM where tests deploy and undeploy
 * {@link ReviewsVerticle}, a plain Kafka producer writing {@code polymart.orders} events as the orders outbox relay
 * does, and an admin client to see how far the group {@code polymart.reviews} has read. The topic gets three
 * partitions, so that instances have partitions to share. A {@link CatalogDouble} answers for the catalog. Tests share
 * the backends: each uses new users, products and orders.
 */
final class ReviewsFixture {
  static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final int PARTITIONS = 3;
  private static BusTestNode node;
  private static KafkaProducer<String, String> producer;
  private static Admin admin;
  private static MongoDatabase database;
  private static CatalogDouble catalog;

  private ReviewsFixture() {
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
      try {
        get(admin.createTopics(List.of(new NewTopic(ReviewsVerticle.ORDERS_TOPIC, PARTITIONS, (short) 1))).all());
      } catch (IllegalStateException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
      }
      MongoClient mongo = MongoClients.create(started.config());
      database = mongo.getDatabase(started.config().getJsonObject("mongo").getString("database"));
      catalog = new CatalogDouble(started.vertx());
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        producer.close(Duration.ofSeconds(2));
        admin.close(Duration.ofSeconds(2));
        mongo.close();
      }, "reviews-fixture-stop"));
      node = started;
    }
    return node;
  }

  /** The reviews verticle deployed: its instances and the deployment to undeploy. */
  record Deployment(String id, List<ReviewsVerticle> instances) {
    long handled() {
      return instances.stream().mapToLong(v -> v.orderEvents().handled()).sum();
    }

    long parked() {
      return instances.stream().mapToLong(v -> v.orderEvents().parked()).sum();
    }

    void undeploy() {
      BusTestNode.await(node().vertx().undeploy(id));
    }
  }

  static Deployment deploy(int instances) {
    return deploy(instances, node().config());
  }

  /** Deploys with another conf, such as other {@code reviews.*} settings. */
  static Deployment deploy(int instances, JsonObject config) {
    List<ReviewsVerticle> created = new CopyOnWriteArrayList<>();
    String id = BusTestNode.await(node().vertx().deployVerticle(() -> {
      ReviewsVerticle verticle = new ReviewsVerticle();
      created.add(verticle);
      return verticle;
    }, new DeploymentOptions().setConfig(config).setInstances(instances)));
    return new Deployment(id, List.copyOf(created));
  }

  // -- events ------------------------------------------------------------------------------------------------------

  /** Sends an event keyed by its order id and waits for the acknowledgement, so records go out in call order. */
  static void send(JsonObject event) {
    node();
    get(producer.send(new ProducerRecord<>(ReviewsVerticle.ORDERS_TOPIC, event.getString("aggregateId"),
        event.encode())));
  }

  static void send(List<JsonObject> events) {
    events.forEach(ReviewsFixture::send);
  }

  /** Waits until the group has committed every record on the topic: everything sent so far is processed. */
  static void awaitCaughtUp() {
    progress().awaitCaughtUp();
  }

  /** How many records on the topic the group has not committed yet. */
  static long lag() {
    return progress().lag();
  }

  /** Forgets the group's offsets: the next consumer reads the topic from its start, as a new group would. */
  static void deleteGroupOffsets() {
    progress().deleteOffsets();
  }

  private static ConsumerGroupProgress progress() {
    node();
    return new ConsumerGroupProgress(admin, ReviewsVerticle.GROUP, List.of(ReviewsVerticle.ORDERS_TOPIC), PARTITIONS,
        TIMEOUT);
  }

  /** The catalog as the reviews verticle sees it on this node's bus. */
  static CatalogDouble catalog() {
    node();
    return catalog;
  }

  // -- reading -----------------------------------------------------------------------------------------------------

  static MongoDatabase database() {
    node();
    return database;
  }

  /** The reply of {@code reviews.purchases.list} for the user, asked as another verticle would. */
  static JsonObject purchases(UUID userId) {
    return node().ok(REVIEWS_PURCHASES_LIST, new JsonObject(), new JsonObject().put("userId", userId.toString()),
        Caller.service());
  }

  /** The status the purchase projection holds for the order, or null when it holds none. */
  static String orderStatus(UUID orderId) {
    Document order = purchaseOrder(orderId);
    return order == null ? null : order.getString("status");
  }

  /** The purchase projection's document of the order, or null. */
  static Document purchaseOrder(UUID orderId) {
    return BusTestNode.await(Publishers.first(node().vertx(), database()
        .getCollection(PurchaseRepository.ORDERS_COLLECTION).find(Filters.eq("_id", orderId.toString())).first()));
  }

  /** The user's purchase items by product id. */
  static Map<String, JsonObject> purchasesByProduct(UUID userId) {
    JsonArray items = purchases(userId).getJsonArray("items");
    return items.stream().map(JsonObject.class::cast)
        .collect(Collectors.toMap(item -> item.getString("productId"), Function.identity()));
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
