package io.polymart.core.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class EventParserTest {

  @Test
  void readsTheEnvelopeAndWhereItCameFrom() throws UnreadableEvent {
    DomainEvent event = single(record("o-1", new JsonObject().put("type", "OrderDelivered")
        .put("id", "7d1f6a2e-7b63-4c8e-9f0e-3f1f1b8a9c01").put("occurredAt", "2026-12-03T10:15:30.123Z")
        .put("aggregateId", "o-1").put("data", new JsonObject().put("total", "12.50")).encode()));
    assertThat(event).isEqualTo(new DomainEvent("OrderDelivered", "7d1f6a2e-7b63-4c8e-9f0e-3f1f1b8a9c01",
        Instant.parse("2026-12-03T10:15:30.123Z"), "o-1", new JsonObject().put("total", "12.50"), "polymart.orders",
        2, 41));
  }

  @Test
  void toleratesWhatItCanDoWithout() throws UnreadableEvent {
    DomainEvent event = single(record("o-2", new JsonObject().put("type", "T").put("id", "e").encode()));
    assertThat(event.occurredAt()).isNull();
    assertThat(event.aggregateId()).as("the record key").isEqualTo("o-2");
    assertThat(event.data()).isEqualTo(new JsonObject());
  }

  @Test
  void readsTheEventsOfAnArrayInOrderEachWithItsPlace() throws UnreadableEvent {
    JsonObject first = new JsonObject().put("type", "ProductViewed").put("id", "e-1").put("aggregateId", "p-1");
    JsonObject second = new JsonObject().put("type", "CartItemAdded").put("id", "e-2");
    List<DomainEvent> events = EventParser.parse(record("k", new JsonArray().add(first).add(second).encode()));
    assertThat(events).extracting(DomainEvent::id).containsExactly("e-1", "e-2");
    assertThat(events).extracting(DomainEvent::index).containsExactly(0, 1);
    assertThat(events).extracting(DomainEvent::offset).containsOnly(41L);
    assertThat(events.get(1).aggregateId()).as("the record key").isEqualTo("k");
    assertThat(events.get(0).position()).isLessThan(events.get(1).position());
    assertThat(events.get(1).position()).as("before the next record's events")
        .isLessThan(new DomainEvent("T", "e-3", null, null, new JsonObject(), "polymart.orders", 2, 42).position());
  }

  @Test
  void refusesWhatIsNoEnvelope() {
    assertUnreadable(null, "empty");
    assertUnreadable("{not json", "not a JSON object");
    assertUnreadable("[1, 2]", "event 0 of the array is not a JSON object");
    assertUnreadable("[{\"type\": \"T\", \"id\": \"e\"}, {\"type\": \"T\"}]", "no id");
    assertUnreadable("[]", "an array of 0 events");
    assertUnreadable("[{\"type\": \"T\"", "not a JSON array");
    JsonArray tooMany = new JsonArray();
    for (int i = 0; i <= DomainEvent.MAX_PER_RECORD; i++) {
      tooMany.add(new JsonObject().put("type", "T").put("id", "e-" + i));
    }
    assertUnreadable(tooMany.encode(), "an array of 1025 events");
    assertUnreadable(new JsonObject().put("type", "T").encode(), "no id");
    assertUnreadable(new JsonObject().put("type", "T").put("id", " ").encode(), "no id");
    assertUnreadable(new JsonObject().put("type", 3).put("id", "e").encode(), "no type");
    assertUnreadable(new JsonObject().put("type", "T").put("id", "e").put("data", "x").encode(), "data");
    assertUnreadable(new JsonObject().put("type", "T").put("id", "e").put("occurredAt", "yesterday").encode(),
        "occurredAt");
  }

  private static void assertUnreadable(String value, String message) {
    assertThatThrownBy(() -> EventParser.parse(record("k", value)))
        .isInstanceOf(UnreadableEvent.class).hasMessageContaining(message);
  }

  private static DomainEvent single(ConsumerRecord<String, String> record) throws UnreadableEvent {
    List<DomainEvent> events = EventParser.parse(record);
    assertThat(events).hasSize(1);
    return events.get(0);
  }

  private static ConsumerRecord<String, String> record(String key, String value) {
    return new ConsumerRecord<>("polymart.orders", 2, 41, key, value);
  }
}
