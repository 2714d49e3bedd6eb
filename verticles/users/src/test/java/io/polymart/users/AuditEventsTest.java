package io.polymart.users;

import io.polymart.core.db.PgSettings;
import io.polymart.testing.Await;
import io.polymart.testing.BusTestNode;
import io.polymart.testing.BusTestNode.Caller;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.polymart.core.bus.Addresses.USERS_ADMIN_AUDIT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The other verticles' audit entries reach {@code users.audit_log} through {@code polymart.audit}: once each, however
 * often an event is delivered, at the time of the change; an event that cannot make an entry is parked.
 */
class AuditEventsTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static BusTestNode node;
  private static KafkaProducer<String, String> producer;
  private static Pool pool;

  @BeforeAll
  static void start() {
    node = UsersFixture.node();
    producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        node.config().getJsonObject("kafka").getString("bootstrapServers"), ProducerConfig.ACKS_CONFIG, "all"),
        new StringSerializer(), new StringSerializer());
    pool = PgSettings.from(node.config()).pool(node.vertx(), "audit-test");
  }

  @AfterAll
  static void stop() {
    producer.close(Duration.ofSeconds(2));
    pool.close();
  }

  @Test
  void anEventDeliveredTwiceMakesOneEntryAtTheTimeOfTheChange() throws Exception {
    String target = "product:" + UUID.randomUUID();
    Instant changedAt = Instant.now().minus(3, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
    UUID actor = UUID.randomUUID();
    JsonObject event = event(UUID.randomUUID(), changedAt, new JsonObject().put("actorId", actor.toString())
        .put("action", "sku.price").put("target", target).put("oldValue", new JsonObject().put("price", "10.00"))
        .put("newValue", new JsonObject().put("price", "12.50")).put("clientIp", "198.51.100.7")
        .put("requestId", "req-twice"));
    send(target, event);
    send(target, event);
    // a later event on the same key (so the same partition): once it is there, the two before it were handled
    send(target, event(UUID.randomUUID(), Instant.now(), event.getJsonObject("data").copy()
        .put("action", "product.publish").put("oldValue", null).put("newValue", null)));

    JsonArray items = awaitEntries(target, 2);
    JsonObject price = items.stream().map(JsonObject.class::cast)
        .filter(entry -> entry.getString("action").equals("sku.price")).findFirst().orElseThrow();
    assertThat(items.stream().map(JsonObject.class::cast).filter(entry -> entry.getString("action").equals("sku.price")))
        .hasSize(1);
    assertThat(price.getString("at")).isEqualTo(changedAt.toString());
    assertThat(price.getString("actorId")).isEqualTo(actor.toString());
    assertThat(price.getJsonObject("oldValue")).isEqualTo(new JsonObject().put("price", "10.00"));
    assertThat(price.getJsonObject("newValue")).isEqualTo(new JsonObject().put("price", "12.50"));
    assertThat(price.getString("clientIp")).isEqualTo("198.51.100.7");
    assertThat(price.getString("requestId")).isEqualTo("req-twice");
  }

  @Test
  void anEventWithoutAnActorIsParkedAndTheNextOneIsKept() throws Exception {
    String target = "coupon:" + UUID.randomUUID();
    UUID broken = UUID.randomUUID();
    send(target, event(broken, Instant.now(), new JsonObject().put("action", "coupon.create").put("target", target)));
    send(target, event(UUID.randomUUID(), Instant.now(), new JsonObject().put("actorId", UUID.randomUUID().toString())
        .put("action", "coupon.create").put("target", target).put("oldValue", null)
        .put("newValue", new JsonObject().put("code", "SAVE5")).put("clientIp", null).put("requestId", null)));

    awaitEntries(target, 1);
    long parked = Await.result(pool.preparedQuery("SELECT count(*) FROM users.parked_events WHERE event_id = $1")
        .execute(Tuple.of(broken.toString())).map(rows -> rows.iterator().next().getLong(0)), TIMEOUT);
    assertThat(parked).isEqualTo(1);
  }

  private static JsonObject event(UUID id, Instant at, JsonObject data) {
    return new JsonObject().put("type", "AuditRecorded").put("id", id.toString()).put("occurredAt", at.toString())
        .put("aggregateId", data.getString("target")).put("data", data);
  }

  private static void send(String key, JsonObject event) throws Exception {
    producer.send(new ProducerRecord<>("polymart.audit", key, event.encode())).get(30, TimeUnit.SECONDS);
  }

  /** The target's entries, once there are {@code count} of them. */
  private static JsonArray awaitEntries(String target, int count) {
    JsonArray[] items = new JsonArray[1];
    Await.until("audit entries of " + target, TIMEOUT, () -> {
      items[0] = Await.result(node.send(USERS_ADMIN_AUDIT, new JsonObject(), new JsonObject().put("target", target),
          new JsonObject(), Caller.admin()), TIMEOUT).orThrow().getJsonArray("items");
      return items[0].size() >= count;
    });
    return items[0];
  }
}
