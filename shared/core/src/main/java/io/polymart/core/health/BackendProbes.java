package io.polymart.core.health;

import com.mongodb.reactivestreams.client.MongoClient;
import io.minio.MinioClient;
import io.polymart.core.db.PgSettings;
import io.polymart.core.db.ReadReplicas;
import io.polymart.core.mongo.MongoClients;
import io.polymart.core.mongo.Publishers;
import io.polymart.core.redis.RedisClients;
import io.polymart.core.s3.S3Clients;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.kafka.admin.KafkaAdminClient;
import io.vertx.redis.client.RedisAPI;
import io.vertx.sqlclient.Pool;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Asks each backend a real question: a query, a PING, a cluster description, a ping command and a
 * bucket listing. Each answer is {@code "up"} or {@code "down"}; the reason goes to the log only,
 * since readiness is public and reasons name internal hosts.
 */
public final class BackendProbes implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BackendProbes.class);
  private static final long TIMEOUT_MS = 2000;
  private final Vertx vertx;
  private final Pool pg;
  private final ReadReplicas replicas;
  private final RedisAPI redis;
  private final KafkaAdminClient kafka;
  private final MongoClient mongo;
  private final MinioClient s3;

  public BackendProbes(Vertx vertx, JsonObject config) {
    this.vertx = vertx;
    PgSettings pgSettings = PgSettings.from(config);
    this.pg = pgSettings.pool(vertx, "readiness");
    this.replicas = pgSettings.readReplicas(vertx, pg, "readiness").reportingChanges();
    this.redis = RedisClients.api(vertx, config, "readiness");
    Properties kafkaProps = new Properties();
    kafkaProps.put("bootstrap.servers", config.getJsonObject("kafka").getString("bootstrapServers"));
    kafkaProps.put("request.timeout.ms", String.valueOf(TIMEOUT_MS));
    kafkaProps.put("default.api.timeout.ms", String.valueOf(TIMEOUT_MS));
    this.kafka = KafkaAdminClient.create(vertx, kafkaProps);
    this.mongo = MongoClients.create(config);
    this.s3 = S3Clients.create(config);
  }

  public Future<JsonObject> check() {
    Map<String, Supplier<Future<?>>> probes = new LinkedHashMap<>();
    probes.put("postgres", () -> pg.query("SELECT 1").execute());
    probes.put("redis", () -> redis.ping(java.util.List.of()));
    probes.put("kafka", () -> kafka.describeCluster());
    probes.put("mongo", () -> Publishers.first(vertx, mongo.getDatabase("admin").runCommand(new Document("ping", 1))));
    probes.put("s3", () -> vertx.executeBlocking(s3::listBuckets, false));
    JsonObject results = new JsonObject();
    return Future.join(probes.entrySet().stream().map(probe -> timed(probe.getValue())
        .onComplete(done -> {
          if (done.failed()) {
            LOG.warn("Readiness: {} is down: {}", probe.getKey(), done.cause().getMessage());
          }
          results.put(probe.getKey(), done.succeeded() ? "up" : "down");
        }))
        .toList())
        .otherwiseEmpty()
        .map(v -> results);
  }

  public boolean hasReplicas() {
    return !replicas.status().isEmpty();
  }

  /** Each read replica: {@code {name, status: up|lagging|down, lagSeconds}}, checked every second. */
  public JsonArray replicas() {
    return replicas.status();
  }

  private Future<?> timed(Supplier<Future<?>> probe) {
    try {
      return probe.get().timeout(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  @Override
  public void close() {
    replicas.close();
    pg.close();
    kafka.close();
    mongo.close();
  }
}
