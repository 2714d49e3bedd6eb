package io.polymart.core.outbox;

import static io.polymart.core.outbox.OutboxBackends.await;
import static io.polymart.core.outbox.OutboxBackends.awaitCondition;
import static io.polymart.core.outbox.OutboxBackends.consume;
import static io.polymart.core.outbox.OutboxBackends.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class OutboxRelayTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @Test
  void committedEventsReachKafkaAndRolledBackOnesNever() {
    String table = OutboxBackends.createTable("delivery");
    String topic = "polymart.outbox-test-delivery";
    // one partition: the order across aggregates below is the relay's
    OutboxBackends.createSinglePartitionTopic(topic);
    Pool pool = OutboxBackends.pool();
    Outbox outbox = new Outbox(table);
    // polling hardly ever: the events go out because of wakeUp()
    OutboxRelay relay = new OutboxRelay(OutboxBackends.vertx(), pool, table, OutboxBackends.kafkaBootstrapServers(),
        60_000);
    await(relay.start());
    try {
      await(pool.withTransaction(tx -> outbox.append(tx, topic, "p1", "ProductCreated", new JsonObject()
              .put("name", "Lamp").put("price", "12.50"))
          .compose(v -> outbox.appendAll(tx, List.of(
              new OutboxEvent(topic, "p2", "ProductCreated", new JsonObject().put("name", "Desk")),
              new OutboxEvent(topic, "p1", "PriceChanged", new JsonObject().put("price", "9.99")))))));
      relay.wakeUp();
      assertThatThrownBy(() -> await(pool.withTransaction(tx -> outbox.append(tx, topic, "p3", "ProductCreated",
              new JsonObject().put("name", "Ghost"))
          .compose(v -> Future.failedFuture("rolled back")))))
          .hasMessageContaining("rolled back");
      relay.wakeUp();
      await(pool.withTransaction(tx -> outbox.append(tx, topic, "p4", "ProductCreated", new JsonObject())));
      relay.wakeUp();

      // the relay goes by id: had the rolled-back event been published, it would come before p4's
      List<ConsumerRecord<String, String>> records = consume(topic, TIMEOUT,
          read -> read.stream().anyMatch(r -> r.key().equals("p4")));
      assertThat(records).extracting(ConsumerRecord::key).containsExactly("p1", "p2", "p1", "p4");
      assertThat(records).extracting(ConsumerRecord::topic).containsOnly(topic);

      JsonObject first = new JsonObject(records.get(0).value());
      assertThat(first.fieldNames()).containsExactlyInAnyOrder("type", "id", "occurredAt", "aggregateId", "data");
      assertThat(first.getString("type")).isEqualTo("ProductCreated");
      assertThat(UUID.fromString(first.getString("id"))).isNotNull();
      assertThat(Instant.parse(first.getString("occurredAt"))).isBetween(Instant.now().minusSeconds(120),
          Instant.now());
      assertThat(first.getString("occurredAt")).endsWith("Z");
      assertThat(first.getString("aggregateId")).isEqualTo("p1");
      assertThat(first.getJsonObject("data")).isEqualTo(new JsonObject().put("name", "Lamp").put("price", "12.50"));
      assertThat(new JsonObject(records.get(2).value()).getString("type")).isEqualTo("PriceChanged");
      assertThat(records).extracting(r -> new JsonObject(r.value()).getString("id")).doesNotHaveDuplicates();

      awaitCondition("an empty outbox", TIMEOUT, () -> rows(table) == 0);
      assertThat(relay.published()).isEqualTo(4);
      assertThat(relay.failedRounds()).isZero();
    } finally {
      await(relay.stop());
    }
  }

  @Test
  void keepsTheOrderOfEachAggregateWithRelaysOnTwoNodes() {
    String table = OutboxBackends.createTable("ordering");
    String topic = "polymart.outbox-test-ordering";
    Pool pool = OutboxBackends.pool();
    Outbox outbox = new Outbox(table);
    // two instances' relays on one node (taking turns), a third on another node (the advisory lock between them)
    Vertx otherNode = Vertx.vertx();
    Pool otherPool = OutboxBackends.poolOf(otherNode);
    OutboxRelay a = new OutboxRelay(OutboxBackends.vertx(), pool, table, OutboxBackends.kafkaBootstrapServers(), 100);
    OutboxRelay b = new OutboxRelay(otherNode, otherPool, table, OutboxBackends.kafkaBootstrapServers(), 100);
    OutboxRelay c = new OutboxRelay(OutboxBackends.vertx(), pool, table, OutboxBackends.kafkaBootstrapServers(), 100);
    await(Future.all(a.start(), b.start(), c.start()));
    try {
      List<String> aggregates = List.of("agg-1", "agg-2", "agg-3");
      int perAggregate = 100;
      // one writer per aggregate, all three at once, in transactions of 1 to 6 events
      List<Future<Void>> writers = new ArrayList<>();
      for (String aggregate : aggregates) {
        writers.add(write(pool, outbox, topic, aggregate, perAggregate, new Random(aggregate.hashCode()), a, b, c));
      }
      await(Future.all(writers));

      int total = aggregates.size() * perAggregate;
      List<ConsumerRecord<String, String>> records = consume(topic, TIMEOUT,
          read -> read.stream().map(r -> new JsonObject(r.value()).getString("id")).distinct().count() == total);

      // at least once: consumers skip an event id they have seen; what they process must be in order
      Map<String, List<Integer>> seen = new HashMap<>();
      Map<String, Boolean> ids = new LinkedHashMap<>();
      for (ConsumerRecord<String, String> r : records) {
        JsonObject event = new JsonObject(r.value());
        assertThat(r.key()).isEqualTo(event.getString("aggregateId"));
        if (ids.put(event.getString("id"), true) == null) {
          seen.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(event.getJsonObject("data").getInteger("seq"));
        }
      }
      List<Integer> expected = java.util.stream.IntStream.range(0, perAggregate).boxed().toList();
      for (String aggregate : aggregates) {
        assertThat(seen.get(aggregate)).as(aggregate).containsExactlyElementsOf(expected);
      }
      awaitCondition("an empty outbox", TIMEOUT, () -> rows(table) == 0);
      // each row was published and deleted by exactly one of them
      assertThat(a.published() + b.published() + c.published()).isEqualTo(total);
      System.out.printf("relays a and c (one node) published %d and %d, relay b (another node) %d, %d records read%n",
          a.published(), c.published(), b.published(), records.size());
    } finally {
      await(Future.all(a.stop(), b.stop(), c.stop()));
      await(otherNode.close()); // and its pool
    }
  }

  @Test
  void aRelayWokenUpWhileASiblingIsInARoundGetsItsEventsOutThroughThatSibling() {
    String table = OutboxBackends.createTable("turns");
    String topic = "polymart.outbox-test-turns";
    OutboxBackends.createSinglePartitionTopic(topic);
    Pool pool = OutboxBackends.pool();
    Outbox outbox = new Outbox(table);
    // two instances' relays on one node, polling hardly ever: only the turn handed over gets the second event out
    OutboxRelay inRound = new OutboxRelay(OutboxBackends.vertx(), pool, table,
        OutboxBackends.kafkaBootstrapServers(), 600_000);
    OutboxRelay sibling = new OutboxRelay(OutboxBackends.vertx(), pool, table,
        OutboxBackends.kafkaBootstrapServers(), 600_000);
    await(pool.withTransaction(tx -> outbox.append(tx, topic, "first", "Counted", new JsonObject())));
    SqlConnection blocker = await(pool.getConnection());
    try {
      // the first event's row locked: the relay's round sends it, then its DELETE waits
      await(blocker.begin());
      await(blocker.query("SELECT id FROM " + table + " FOR UPDATE").execute());
      await(inRound.start());
      consume(topic, TIMEOUT, read -> read.stream().anyMatch(r -> r.key().equals("first")));
      // the sibling's first round, at its start, finds the turn taken (start completes after it tried)
      await(sibling.start());
      await(pool.withTransaction(tx -> outbox.append(tx, topic, "second", "Counted", new JsonObject())));
      await(blocker.transaction().commit());

      List<ConsumerRecord<String, String>> records = consume(topic, TIMEOUT,
          read -> read.stream().anyMatch(r -> r.key().equals("second")));
      assertThat(records).extracting(ConsumerRecord::key).contains("first", "second");
      awaitCondition("an empty outbox", TIMEOUT, () -> rows(table) == 0);
      assertThat(inRound.published()).as("the round in progress, then the one it ran for its sibling").isEqualTo(2);
      assertThat(sibling.published()).isZero();
    } finally {
      await(blocker.close());
      await(Future.all(inRound.stop(), sibling.stop()));
    }
  }

  /** Appends seq 0..count-1 for one aggregate, one transaction after the other, waking a relay after each. */
  private static Future<Void> write(Pool pool, Outbox outbox, String topic, String aggregate, int count,
      Random random, OutboxRelay... relays) {
    Future<Void> chain = Future.succeededFuture();
    int seq = 0;
    while (seq < count) {
      int size = Math.min(count - seq, 1 + random.nextInt(6));
      List<OutboxEvent> events = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        events.add(new OutboxEvent(topic, aggregate, "Counted", new JsonObject().put("seq", seq + i)));
      }
      boolean single = size == 1;
      OutboxRelay relay = relays[random.nextInt(relays.length)];
      chain = chain.compose(v -> pool.withTransaction(tx -> single
              ? outbox.append(tx, topic, aggregate, "Counted", events.get(0).data())
              : outbox.appendAll(tx, events)))
          .onSuccess(v -> relay.wakeUp());
      seq += size;
    }
    return chain;
  }
}
