package io.polymart.core.events;

import static io.polymart.core.events.EventBackends.await;
import static io.polymart.core.events.EventBackends.awaitCondition;
import static io.polymart.core.events.EventBackends.event;
import static io.polymart.core.events.EventBackends.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class EventConsumerTest {

  private static final String PREFIX = "eventstest";

  private final ProcessedEvents processed =
      new MongoProcessedEvents(EventBackends.vertx(), EventBackends.database(), PREFIX);
  private final MongoParkedEvents parked =
      new MongoParkedEvents(EventBackends.vertx(), EventBackends.database(), PREFIX);

  @Test
  void handlesEachEventOnceInTopicOrderAndSkipsARedeliveredDuplicate() {
    String topic = EventBackends.createTopic("order", 1);
    String group = group("order");
    List<JsonObject> events = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      events.add(event("Counted", "agg-" + (i % 2), new JsonObject().put("seq", i)));
    }
    events.forEach(e -> send(topic, e));
    send(topic, events.get(1));  // the relay sent it again after a failed round
    JsonObject last = event("Counted", "agg-0", new JsonObject().put("seq", 5));
    send(topic, last);

    RecordingHandler handler = new RecordingHandler();
    EventConsumer consumer = consumer(group, handler, topic);
    try {
      awaitCondition("all seven records", () -> consumer.handled() + consumer.duplicates() == 7);
      List<String> expected = new ArrayList<>(events.stream().map(e -> e.getString("id")).toList());
      expected.add(last.getString("id"));
      assertThat(handler.handledIds()).containsExactlyElementsOf(expected);
      assertThat(handler.totalCalls()).isEqualTo(6);
      assertThat(consumer.handled()).isEqualTo(6);
      assertThat(consumer.duplicates()).isEqualTo(1);
      assertThat(consumer.parked()).isZero();

      DomainEvent first = handler.handled().get(0);
      assertThat(first.type()).isEqualTo("Counted");
      assertThat(first.aggregateId()).isEqualTo("agg-0");
      assertThat(first.data()).isEqualTo(new JsonObject().put("seq", 0));
      assertThat(first.occurredAt()).isEqualTo(Instant.parse(events.get(0).getString("occurredAt")));
      assertThat(first.topic()).isEqualTo(topic);
      assertThat(first.partition()).isZero();
      assertThat(first.offset()).isZero();

      // committed past all seven records, duplicate included
      awaitCondition("the commit", () -> committedOffset(group, topic, 0) == 7);
      assertThat(await(processed.isProcessed(group, last.getString("id")))).isTrue();
      assertThat(await(processed.isProcessed("polymart.another-group", last.getString("id")))).isFalse();
    } finally {
      await(consumer.close());
    }
  }

  @Test
  void neitherARestartAfterACrashBeforeTheCommitNorAFreshGroupReplayingTheTopicHandlesAnEventAgain() {
    String topic = EventBackends.createTopic("restart", 1);
    String group = group("restart");
    RecordingHandler handler = new RecordingHandler();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      JsonObject e = event("Counted", "agg", new JsonObject().put("seq", i));
      ids.add(e.getString("id"));
      send(topic, e);
    }
    EventConsumer first = consumer(group, handler, topic);
    awaitCondition("five events", () -> first.handled() == 5);
    await(first.close());
    assertThat(committedOffset(group, topic, 0)).isEqualTo(5);

    // the state a crash between handling and committing leaves: handled and marked, offsets not committed
    EventBackends.setCommitted(group, Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(0)));
    // and an event arrives while no consumer runs
    JsonObject whileDown = event("Counted", "agg", new JsonObject().put("seq", 5));
    send(topic, whileDown);
    EventConsumer restarted = consumer(group, handler, topic);
    try {
      awaitCondition("the records up to the one sent while down",
          () -> restarted.handled() + restarted.duplicates() == 6);
      assertThat(handler.hasHandled(whileDown.getString("id"))).isTrue();
      assertThat(restarted.duplicates()).isEqualTo(5);
      assertThat(restarted.handled()).isEqualTo(1);
    } finally {
      await(restarted.close());
    }

    // the group's offsets are gone (deleted, expired, a new cluster): it starts again at the earliest offset
    EventBackends.deleteGroup(group);
    assertThat(EventBackends.committed(group)).isEmpty();
    JsonObject afterReplay = event("Counted", "agg", new JsonObject().put("seq", 6));
    send(topic, afterReplay);
    EventConsumer replaying = consumer(group, handler, topic);
    try {
      awaitCondition("the replay", () -> replaying.handled() + replaying.duplicates() == 7);
      assertThat(handler.hasHandled(afterReplay.getString("id"))).isTrue();
      assertThat(replaying.duplicates()).isEqualTo(6);
      assertThat(replaying.handled()).isEqualTo(1);
    } finally {
      await(replaying.close());
    }
    ids.add(whileDown.getString("id"));
    ids.add(afterReplay.getString("id"));
    assertThat(handler.handledIds()).containsExactlyElementsOf(ids);
    assertThat(handler.totalCalls()).isEqualTo(7);
  }

  @Test
  void parksAPoisonMessageAfterItsAttemptsAndUnreadableRecordsAtOnceThenMovesOn() {
    String topic = EventBackends.createTopic("poison", 1);
    String group = group("poison");
    JsonObject good = event("Counted", "agg", new JsonObject().put("seq", 0));
    JsonObject poison = event("Counted", "agg", new JsonObject().put("poison", true));
    JsonObject flaky = event("Counted", "agg", new JsonObject().put("flaky", true));
    JsonObject last = event("Counted", "agg", new JsonObject().put("seq", 1));
    send(topic, good);                                        // offset 0
    send(topic, poison);                                      // 1
    send(topic, "agg", "{not json");                          // 2
    send(topic, "agg", new JsonObject().put("type", "Counted").encode());  // 3: no id
    send(topic, flaky);                                       // 4
    send(topic, last);                                        // 5

    RecordingHandler handler = new RecordingHandler(e -> {
      if (e.data().getBoolean("poison", false)) {
        return Future.failedFuture("cannot handle this one");
      }
      if (e.data().getBoolean("flaky", false) && handlerCalls(e) < 3) {
        throw new IllegalStateException("not yet");
      }
      return Future.succeededFuture();
    });
    calls = handler;
    EventConsumerSettings settings = settings(group, topic)
        .withRetries(3, Duration.ofMillis(10), Duration.ofMillis(40));
    EventConsumer consumer = start(new EventConsumer(EventBackends.vertx(), settings, handler, processed, parked));
    try {
      awaitCondition("all six records", () -> consumer.handled() + consumer.parked() == 6);
      assertThat(handler.handledIds()).containsExactly(good.getString("id"), flaky.getString("id"),
          last.getString("id"));
      assertThat(handler.calls(poison.getString("id"))).isEqualTo(3);
      assertThat(handler.calls(flaky.getString("id"))).isEqualTo(3);
      assertThat(consumer.parked()).isEqualTo(3);
      awaitCondition("the commit past every record", () -> committedOffset(group, topic, 0) == 6);

      List<ParkedEvent> parkedEvents = await(parked.list(group, 10));
      assertThat(parkedEvents).extracting(ParkedEvent::offset).containsExactlyInAnyOrder(1L, 2L, 3L);
      ParkedEvent parkedPoison = parkedEvents.stream().filter(p -> p.offset() == 1).findFirst().orElseThrow();
      assertThat(parkedPoison.eventId()).isEqualTo(poison.getString("id"));
      assertThat(parkedPoison.type()).isEqualTo("Counted");
      assertThat(parkedPoison.attempts()).isEqualTo(3);
      assertThat(parkedPoison.error()).contains("cannot handle this one");
      assertThat(parkedPoison.value()).isEqualTo(poison.encode());
      assertThat(parkedPoison.key()).isEqualTo("agg");
      assertThat(parkedPoison.topic()).isEqualTo(topic);
      assertThat(parkedPoison.partition()).isZero();
      ParkedEvent notJson = parkedEvents.stream().filter(p -> p.offset() == 2).findFirst().orElseThrow();
      assertThat(notJson.value()).isEqualTo("{not json");
      assertThat(notJson.eventId()).isNull();
      assertThat(notJson.attempts()).isZero();
      assertThat(notJson.error()).contains("not a JSON object");
      ParkedEvent noId = parkedEvents.stream().filter(p -> p.offset() == 3).findFirst().orElseThrow();
      assertThat(noId.error()).contains("no id");
      // a parked event is not marked processed: it can be replayed by hand once its cause is fixed
      assertThat(await(processed.isProcessed(group, poison.getString("id")))).isFalse();
    } finally {
      await(consumer.close());
    }
  }

  @Test
  void anEventTheHandlerFindsMalformedIsParkedAtTheFirstAttempt() {
    String topic = EventBackends.createTopic("malformed", 1);
    String group = group("malformed");
    JsonObject malformed = event("Counted", "agg", new JsonObject().put("malformed", true));
    JsonObject last = event("Counted", "agg", new JsonObject().put("seq", 1));
    send(topic, malformed);
    send(topic, last);
    RecordingHandler handler = new RecordingHandler(e -> {
      if (e.data().getBoolean("malformed", false)) {
        throw new MalformedEvent("no seq");
      }
      return Future.succeededFuture();
    });
    calls = handler;
    EventConsumer consumer = start(new EventConsumer(EventBackends.vertx(), settings(group, topic)
        .withRetries(5, Duration.ofMillis(10), Duration.ofMillis(40)), handler, processed, parked));
    try {
      awaitCondition("both records", () -> consumer.handled() + consumer.parked() == 2);
      assertThat(handler.calls(malformed.getString("id"))).isEqualTo(1);
      assertThat(handler.handledIds()).containsExactly(last.getString("id"));
      ParkedEvent parkedEvent = await(parked.list(group, 10)).get(0);
      assertThat(parkedEvent.attempts()).isEqualTo(1);
      assertThat(parkedEvent.error()).contains("no seq");
    } finally {
      await(consumer.close());
    }
  }

  @Test
  void aBatchHandlerTakesAPartitionsRecordsTogetherAndABatchThatFailsIsTakenOneByOne() {
    String topic = EventBackends.createTopic("batch", 1);
    String group = group("batch");
    List<JsonObject> together = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      together.add(event("Counted", "agg", new JsonObject().put("seq", i)));
    }
    together.forEach(e -> send(topic, e));
    send(topic, together.get(2));  // sent twice within one batch: handled once
    List<String> batchSizes = new java.util.concurrent.CopyOnWriteArrayList<>();
    RecordingHandler single = new RecordingHandler(e -> e.data().getBoolean("poison", false)
        ? Future.failedFuture("cannot handle this one") : Future.succeededFuture());
    BatchEventHandler handler = batchHandler(single, events -> {
      batchSizes.add(events.size() + (events.stream().anyMatch(e -> e.data().containsKey("poison")) ? "!" : ""));
      return events.stream().anyMatch(e -> e.data().containsKey("poison"))
          ? Future.failedFuture("a poisoned batch") : Future.succeededFuture();
    });
    EventConsumer consumer = start(new EventConsumer(EventBackends.vertx(),
        settings(group, topic).withRetries(2, Duration.ofMillis(10), Duration.ofMillis(10)), handler, processed,
        parked));
    try {
      awaitCondition("the first five records", () -> consumer.handled() + consumer.duplicates() == 5);
      assertThat(batchSizes).containsExactly("4");
      assertThat(single.totalCalls()).as("no event handled alone").isZero();
      assertThat(consumer.duplicates()).isEqualTo(1);
      for (JsonObject e : together) {
        assertThat(await(processed.isProcessed(group, e.getString("id")))).isTrue();
      }
      awaitCondition("the commit past them", () -> committedOffset(group, topic, 0) == 5);

      JsonObject good = event("Counted", "agg", new JsonObject().put("seq", 4));
      JsonObject poison = event("Counted", "agg", new JsonObject().put("poison", true));
      JsonObject after = event("Counted", "agg", new JsonObject().put("seq", 5));
      await(consumer.close());
      send(topic, good);
      send(topic, poison);
      send(topic, after);
      EventConsumer restarted = start(new EventConsumer(EventBackends.vertx(),
          settings(group, topic).withRetries(2, Duration.ofMillis(10), Duration.ofMillis(10)), handler, processed,
          parked));
      try {
        awaitCondition("the three later records", () -> restarted.handled() + restarted.parked() == 3);
        assertThat(batchSizes).containsExactly("4", "3!");
        assertThat(single.handledIds()).containsExactly(good.getString("id"), after.getString("id"));
        assertThat(single.calls(poison.getString("id"))).isEqualTo(2);
        assertThat(restarted.parked()).isEqualTo(1);
        awaitCondition("the commit past every record", () -> committedOffset(group, topic, 0) == 8);
      } finally {
        await(restarted.close());
      }
    } finally {
      await(consumer.close());
    }
  }

  @Test
  void aRecordCarryingAnArrayOfEventsHasEachHandledOnceInOrderAndAPoisonOneParksOnlyItself() {
    String topic = EventBackends.createTopic("array", 1);
    String group = group("array");
    JsonObject before = event("Counted", "agg", new JsonObject().put("seq", 0));
    JsonObject first = event("Counted", "agg", new JsonObject().put("seq", 1));
    JsonObject second = event("Counted", "agg", new JsonObject().put("seq", 2));
    JsonObject poison = event("Counted", "agg", new JsonObject().put("poison", true));
    JsonObject after = event("Counted", "agg", new JsonObject().put("seq", 3));
    send(topic, before);                                                                       // offset 0
    send(topic, null, new JsonArray().add(first).add(second).add(poison).add(first).encode()); // 1
    send(topic, after);                                                                        // 2
    RecordingHandler handler = new RecordingHandler(e -> e.data().getBoolean("poison", false)
        ? Future.failedFuture("cannot handle this one") : Future.succeededFuture());
    EventConsumer consumer = start(new EventConsumer(EventBackends.vertx(),
        settings(group, topic).withRetries(2, Duration.ofMillis(10), Duration.ofMillis(10)), handler, processed,
        parked));
    try {
      awaitCondition("the six events", () -> consumer.handled() + consumer.duplicates() + consumer.parked() == 6);
      assertThat(handler.handledIds()).containsExactly(before.getString("id"), first.getString("id"),
          second.getString("id"), after.getString("id"));
      assertThat(consumer.duplicates()).as("the array's repeated event").isEqualTo(1);
      assertThat(consumer.parked()).isEqualTo(1);
      assertThat(handler.handled().get(2).offset()).isEqualTo(1);
      assertThat(handler.handled().get(2).index()).isEqualTo(1);
      awaitCondition("the commit past every record", () -> committedOffset(group, topic, 0) == 3);
      ParkedEvent parkedPoison = await(parked.list(group, 10)).stream()
          .filter(p -> poison.getString("id").equals(p.eventId())).findFirst().orElseThrow();
      assertThat(parkedPoison.offset()).isEqualTo(1);
    } finally {
      await(consumer.close());
    }
  }

  @Test
  void aBatchHandlerTakesTheEventsOfASingleArrayRecordTogether() {
    String topic = EventBackends.createTopic("array-batch", 1);
    String group = group("array-batch");
    JsonArray run = new JsonArray();
    for (int i = 0; i < 3; i++) {
      run.add(event("Counted", "agg-" + i, new JsonObject().put("seq", i)));
    }
    send(topic, null, run.encode());
    List<List<String>> batches = new java.util.concurrent.CopyOnWriteArrayList<>();
    RecordingHandler single = new RecordingHandler();
    BatchEventHandler handler = batchHandler(single, events -> {
      batches.add(events.stream().map(DomainEvent::id).toList());
      return Future.succeededFuture();
    });
    EventConsumer consumer = start(new EventConsumer(EventBackends.vertx(), settings(group, topic), handler,
        processed, parked));
    try {
      awaitCondition("the three events", () -> consumer.handled() == 3);
      assertThat(batches).containsExactly(run.stream().map(e -> ((JsonObject) e).getString("id")).toList());
      assertThat(single.totalCalls()).as("no event handled alone").isZero();
      awaitCondition("the commit past the record", () -> committedOffset(group, topic, 0) == 1);
    } finally {
      await(consumer.close());
    }
  }

  @Test
  void closingWhileAnEventIsRetriedLeavesItUncommittedForTheNextConsumer() {
    String topic = EventBackends.createTopic("close", 1);
    String group = group("close");
    JsonObject stuck = event("Counted", "agg", new JsonObject().put("seq", 0));
    send(topic, stuck);
    RecordingHandler failing = new RecordingHandler(e -> Future.failedFuture("the database is busy"));
    EventConsumer first = start(new EventConsumer(EventBackends.vertx(),
        settings(group, topic).withRetries(5, Duration.ofSeconds(1), Duration.ofSeconds(1)), failing, processed,
        parked));
    awaitCondition("a first attempt", () -> failing.calls(stuck.getString("id")) == 1);
    await(first.close());
    assertThat(failing.calls(stuck.getString("id"))).as("no attempt after close").isEqualTo(1);
    assertThat(first.parked()).isZero();
    assertThat(EventBackends.committed(group)).isEmpty();

    RecordingHandler working = new RecordingHandler();
    EventConsumer next = consumer(group, working, topic);
    try {
      awaitCondition("the event", () -> next.handled() == 1);
      assertThat(working.handledIds()).containsExactly(stuck.getString("id"));
      assertThat(await(parked.list(group, 10))).isEmpty();
    } finally {
      await(next.close());
    }
  }

  @Test
  void twoConsumersOfOneGroupSplitThePartitionsAndHandleEveryEventOnceInOrderPerKey() {
    String topic = EventBackends.createTopic("split", 3);
    String group = group("split");
    RecordingHandler handlerA = new RecordingHandler();
    RecordingHandler handlerB = new RecordingHandler();
    EventConsumer a = consumer(group, handlerA, topic);
    EventConsumer b = consumer(group, handlerB, topic);
    try {
      awaitCondition("both consumers with partitions", () -> !a.assignment().isEmpty() && !b.assignment().isEmpty()
          && a.assignment().size() + b.assignment().size() == 3);
      List<JsonObject> events = sendCounted(topic, 9, 10);
      awaitCondition("every event", () -> handlerA.handled().size() + handlerB.handled().size() == events.size());
      assertThat(handlerA.handled()).isNotEmpty();
      assertThat(handlerB.handled()).isNotEmpty();
      assertExactlyOnceInOrder(events, handlerA, handlerB);
      assertThat(a.duplicates() + b.duplicates()).isZero();
    } finally {
      await(Future.all(a.close(), b.close()));
    }
  }

  @Test
  void partitionsChangingHandsMidStreamLoseNoEventAndHandleNoneTwice() {
    String topic = EventBackends.createTopic("rebalance", 3);
    String group = group("rebalance");
    // 30 ms per event: alone, the first consumer would need 3 s for the 300 events of its 3 partitions, so the
    // partitions change hands while there is work left (a rebalance takes about a heartbeat, 1 s)
    RecordingHandler handlerA = new RecordingHandler(e -> EventBackends.vertx().timer(30).mapEmpty());
    RecordingHandler handlerB = new RecordingHandler(e -> EventBackends.vertx().timer(30).mapEmpty());
    EventConsumer a = consumer(group, handlerA, topic);
    EventConsumer b = null;
    try {
      List<JsonObject> events = sendCounted(topic, 12, 25);
      awaitCondition("a first part", () -> handlerA.handled().size() >= 15);
      b = consumer(group, handlerB, topic);
      EventConsumer joined = b;
      awaitCondition("the second consumer with partitions", () -> !joined.assignment().isEmpty());
      assertThat(joined.assignment()).as("shared with the first").hasSizeLessThan(3);
      int beforeClose = handlerA.handled().size();
      await(a.close());
      awaitCondition("every event", () -> handlerA.handled().size() + handlerB.handled().size() == events.size());
      assertThat(beforeClose).isLessThan(events.size());
      assertThat(handlerB.handled()).isNotEmpty();
      assertExactlyOnceInOrder(events, handlerA, handlerB);
      System.out.printf("rebalance: consumer a handled %d, b %d, b skipped %d duplicates%n",
          handlerA.handled().size(), handlerB.handled().size(), b.duplicates());
    } finally {
      await(a.close());
      if (b != null) {
        await(b.close());
      }
    }
  }

  // ---------------------------------------------------------------------------------------------------------------

  private RecordingHandler calls;

  private int handlerCalls(DomainEvent event) {
    return calls.calls(event.id());
  }

  @Test
  void measuresTheLagOfEachPartitionItReadsAndWhatItConsumed() {
    String topic = EventBackends.createTopic("lag", 2);
    String group = group("lag");
    for (int i = 0; i < 20; i++) {
      send(topic, event("Counted", "agg-" + i, new JsonObject().put("seq", i)));
    }
    Promise<Void> gate = Promise.promise();
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    // two records a poll, the first held: the rest waits in the partitions
    EventConsumer consumer = start(new EventConsumer(EventBackends.vertx(),
        settings(group, topic).withMaxPollRecords(2), event -> gate.future(), processed, parked, meters));
    try {
      awaitCondition("a lag measured", () -> lag(meters, group, topic) >= 8);
      assertThat(meters.find(ConsumerLag.NAME).tag("group", group).gauges()).hasSize(2);
      EventBackends.vertx().runOnContext(v -> gate.complete());
      awaitCondition("no lag", () -> consumer.handled() == 20 && lag(meters, group, topic) == 0);
      assertThat(meters.get("polymart.events.consumed").tag("group", group).tag("outcome", "handled").counter()
          .count()).isEqualTo(20);
    } finally {
      await(consumer.close());
    }
    // a partition it no longer reads has no gauge of its
    assertThat(meters.find(ConsumerLag.NAME).tag("group", group).gauges()).isEmpty();
  }

  private static double lag(SimpleMeterRegistry meters, String group, String topic) {
    return meters.find(ConsumerLag.NAME).tag("group", group).tag("topic", topic).gauges().stream()
        .mapToDouble(Gauge::value).filter(v -> !Double.isNaN(v)).sum();
  }

  private static String group(String name) {
    return "polymart.events-test-" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static EventConsumerSettings settings(String group, String topic) {
    return EventConsumerSettings.of(EventBackends.bootstrapServers(), group, topic);
  }

  private EventConsumer consumer(String group, EventHandler handler, String topic) {
    return start(new EventConsumer(EventBackends.vertx(), settings(group, topic).withMaxPollRecords(20), handler,
        processed, parked));
  }

  private static EventConsumer start(EventConsumer consumer) {
    await(consumer.start());
    return consumer;
  }

  /** {@code perKey} events for each of {@code keys} aggregates, interleaved, with their sequence number. */
  private static List<JsonObject> sendCounted(String topic, int keys, int perKey) {
    List<JsonObject> events = new ArrayList<>();
    for (int seq = 0; seq < perKey; seq++) {
      for (int k = 0; k < keys; k++) {
        JsonObject e = event("Counted", "agg-" + k, new JsonObject().put("seq", seq));
        events.add(e);
        send(topic, e);
      }
    }
    return events;
  }

  /** Every event handled by exactly one call of one handler, and each aggregate's events in sequence order. */
  private static void assertExactlyOnceInOrder(List<JsonObject> events, RecordingHandler... handlers) {
    for (JsonObject e : events) {
      int calls = 0;
      for (RecordingHandler handler : handlers) {
        calls += handler.calls(e.getString("id"));
      }
      assertThat(calls).as("calls for %s", e.encode()).isEqualTo(1);
    }
    Map<String, List<Integer>> seqByKey = new java.util.HashMap<>();
    for (RecordingHandler handler : handlers) {
      Map<String, List<Integer>> own = new java.util.HashMap<>();
      for (DomainEvent e : handler.handled()) {
        own.computeIfAbsent(e.aggregateId(), k -> new ArrayList<>()).add(e.data().getInteger("seq"));
      }
      // within one consumer, each aggregate's events come in order
      own.forEach((key, seqs) -> assertThat(seqs).as(key).isSorted());
      own.forEach((key, seqs) -> seqByKey.computeIfAbsent(key, k -> new ArrayList<>()).addAll(seqs));
    }
    seqByKey.forEach((key, seqs) -> assertThat(seqs).as(key).doesNotHaveDuplicates());
  }

  private static long committedOffset(String group, String topic, int partition) {
    OffsetAndMetadata offset = EventBackends.committed(group).get(new TopicPartition(topic, partition));
    return offset == null ? -1 : offset.offset();
  }

  /** A batch handler whose single events go to {@code single} and whose batches to {@code all}. */
  private static BatchEventHandler batchHandler(EventHandler single,
      Function<List<DomainEvent>, Future<Void>> all) {
    return new BatchEventHandler() {
      @Override
      public Future<Void> handle(DomainEvent event) {
        return single.handle(event);
      }

      @Override
      public Future<Void> handleAll(List<DomainEvent> events) {
        return all.apply(events);
      }
    };
  }
}
