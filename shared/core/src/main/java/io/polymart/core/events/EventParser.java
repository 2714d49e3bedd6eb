package io.polymart.core.events;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reads the JSON envelope of a record: an object with a non-blank string {@code id} and {@code type}. */
final class EventParser {

  private EventParser() {}

  static DomainEvent parse(ConsumerRecord<String, String> record) throws UnreadableEvent {
    if (record.value() == null) {
      throw new UnreadableEvent("empty record value");
    }
    JsonObject envelope;
    try {
      envelope = new JsonObject(record.value());
    } catch (DecodeException | ClassCastException e) {
      throw new UnreadableEvent("not a JSON object: " + e.getMessage());
    }
    String id = text(envelope, "id");
    String type = text(envelope, "type");
    Object data = envelope.getValue("data");
    if (data != null && !(data instanceof JsonObject)) {
      throw new UnreadableEvent("data is not an object");
    }
    Object aggregateId = envelope.getValue("aggregateId");
    return new DomainEvent(type, id, occurredAt(envelope),
        aggregateId instanceof String a ? a : record.key(),
        data == null ? new JsonObject() : (JsonObject) data,
        record.topic(), record.partition(), record.offset());
  }

  private static String text(JsonObject envelope, String field) throws UnreadableEvent {
    Object value = envelope.getValue(field);
    if (!(value instanceof String text) || text.isBlank()) {
      throw new UnreadableEvent("no " + field + " in the envelope");
    }
    return text;
  }

  private static Instant occurredAt(JsonObject envelope) throws UnreadableEvent {
    Object value = envelope.getValue("occurredAt");
    if (value == null) {
      return null;
    }
    try {
      return Instant.parse(value.toString());
    } catch (DateTimeParseException e) {
      throw new UnreadableEvent("occurredAt is not an ISO-8601 instant: " + value);
    }
  }
}
