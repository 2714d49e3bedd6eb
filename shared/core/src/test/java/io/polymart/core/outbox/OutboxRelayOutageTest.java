package io.polymart.core.outbox;

import static io.polymart.core.outbox.OutboxBackends.await;
import static io.polymart.core.outbox.OutboxBackends.awaitCondition;
import static io.polymart.core.outbox.OutboxBackends.consume;
import static io.polymart.core.outbox.OutboxBackends.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class OutboxRelayOutageTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(90);
  private static final String TOPIC = "polymart.outbox-test-outage";

  @Test
  void catchesUpInOrderAfterKafkaComesBack() {
    String table = OutboxBackends.createTable("outage");
    Pool pool = OutboxBackends.pool();
    Outbox outbox = new Outbox(table);
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    OutboxRelay relay = new OutboxRelay(OutboxBackends.vertx(), pool, table, OutboxBackends.kafkaBootstrapServers(),
        200, meters);
    await(relay.start());
    Map<String, Integer> next = new HashMap<>();
    try {
      append(pool, outbox, relay, next, 0, 2);
      awaitCondition("the first events published", TIMEOUT, () -> relay.published() == 2);

      OutboxBackends.stopKafka();
      try {
        for (int i = 0; i < 10; i++) {
          append(pool, outbox, relay, next, i, 5);
        }
        awaitCondition("failed rounds", TIMEOUT, () -> relay.failedRounds() >= 2);
        assertThat(rows(table)).isEqualTo(50);
        assertThat(relay.published()).isEqualTo(2);
        // what the alerts watch: the backlog and the age of its oldest event, measured every few seconds
        awaitCondition("the backlog measured", TIMEOUT, () -> gauge(meters, "polymart.outbox.backlog", table) == 50
            && gauge(meters, "polymart.outbox.oldest.age.seconds", table) > 0);
        assertThat(meters.get("polymart.outbox.failed.rounds").tag("table", table).counter().count())
            .isGreaterThanOrEqualTo(2);
      } finally {
        OutboxBackends.startKafka();
      }
      // more while it catches up
      for (int i = 0; i < 10; i++) {
        append(pool, outbox, relay, next, i, 3);
      }

      int total = 2 + 50 + 30;
      List<ConsumerRecord<String, String>> records = consume(TOPIC, TIMEOUT,
          read -> read.stream().map(r -> new JsonObject(r.value()).getString("id")).distinct().count() == total);
      Map<String, List<Integer>> seen = new HashMap<>();
      Set<String> ids = new HashSet<>();
      for (ConsumerRecord<String, String> r : records) {
        JsonObject event = new JsonObject(r.value());
        if (ids.add(event.getString("id"))) {
          seen.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(event.getJsonObject("data").getInteger("seq"));
        }
      }
      assertThat(seen.keySet()).containsExactlyInAnyOrder("order-0", "order-1");
      seen.forEach((aggregate, seqs) -> assertThat(seqs).as(aggregate)
          .containsExactlyElementsOf(IntStream.range(0, next.get(aggregate)).boxed().toList()));
      awaitCondition("an empty outbox", TIMEOUT, () -> rows(table) == 0);
      assertThat(relay.published()).isEqualTo(total);
      assertThat(meters.get("polymart.outbox.published").tag("table", table).counter().count()).isEqualTo(total);
      awaitCondition("no backlog measured", TIMEOUT, () -> gauge(meters, "polymart.outbox.backlog", table) == 0
          && gauge(meters, "polymart.outbox.oldest.age.seconds", table) == 0);
      System.out.printf("outage: %d failed rounds, %d records read for %d events%n", relay.failedRounds(),
          records.size(), total);
    } finally {
      await(relay.stop());
    }
  }

  private static double gauge(SimpleMeterRegistry meters, String name, String table) {
    return meters.get(name).tag("table", table).gauge().value();
  }

  /** One transaction of {@code size} events for aggregate order-(i % 2), each with the aggregate's next seq. */
  private static void append(Pool pool, Outbox outbox, OutboxRelay relay, Map<String, Integer> next, int i,
      int size) {
    String aggregate = "order-" + (i % 2);
    List<OutboxEvent> events = new ArrayList<>();
    for (int k = 0; k < size; k++) {
      int seq = next.merge(aggregate, 1, Integer::sum) - 1;
      events.add(new OutboxEvent(TOPIC, aggregate, "OrderChanged", new JsonObject().put("seq", seq)));
    }
    await(pool.withTransaction(tx -> outbox.appendAll(tx, events)).compose(v -> Future.<Void>succeededFuture()));
    relay.wakeUp();
  }
}
