package io.polymart.core.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class EventParserTest {

  @Test
  void readsTheEnvelopeAndWhereItCameFrom() throws UnreadableEvent {
    DomainEvent event = EventParser.parse(record("o-1", new JsonObject().put("type", "OrderDelivered")
        .put("id", "7d1f6a2e-7b63-4c8e-9f0e-3f1f1b8a9c01").put("occurredAt", "2026-12-03T10:15:30.123Z")
        .put("aggregateId", "o-1").put("data", new JsonObject().put("total", "12.50")).encode()));
    assertThat(event).isEqualTo(new DomainEvent("OrderDelivered", "7d1f6a2e-7b63-4c8e-9f0e-3f1f1b8a9c01",
        Instant.parse("2026-12-03T10:15:30.123Z"), "o-1", new JsonObject().put("total", "12.50"), "polymart.orders",
        2, 41));
  }

  @Test
  void toleratesWhatItCanDoWithout() throws UnreadableEvent {
    DomainEvent event = EventParser.parse(record("o-2", new JsonObject().put("type", "T").put("id", "e").encode()));
    assertThat(event.occurredAt()).isNull();
    assertThat(event.aggregateId()).as("the record key").isEqualTo("o-2");
    assertThat(event.data()).isEqualTo(new JsonObject());
  }

  @Test
  void refusesWhatIsNoEnvelope() {
    assertUnreadable(null, "empty");
    assertUnreadable("{not json", "not a JSON object");
    assertUnreadable("[1, 2]", "not a JSON object");
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

  private static ConsumerRecord<String, String> record(String key, String value) {
    return new ConsumerRecord<>("polymart.orders", 2, 41, key, value);
  }
}
