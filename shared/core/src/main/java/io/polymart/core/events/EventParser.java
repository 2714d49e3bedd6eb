package io.polymart.core.events;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads the events of a record: one JSON envelope, an object with a non-blank string {@code id} and {@code type}, or
 * a non-empty array of at most {@value DomainEvent#MAX_PER_RECORD} of them. One unreadable envelope makes the whole
 * record unreadable.
 */
final class EventParser {

  private EventParser() {}

  static List<DomainEvent> parse(ConsumerRecord<String, String> record) throws UnreadableEvent {
    String value = record.value();
    if (value == null) {
      throw new UnreadableEvent("empty record value");
    }
    if (!value.isEmpty() && value.charAt(0) == '[') {
      return parseArray(record);
    }
    JsonObject envelope;
    try {
      envelope = new JsonObject(value);
    } catch (DecodeException | ClassCastException e) {
      throw new UnreadableEvent("not a JSON object: " + e.getMessage());
    }
    return List.of(event(envelope, record, 0));
  }

  private static List<DomainEvent> parseArray(ConsumerRecord<String, String> record) throws UnreadableEvent {
    JsonArray envelopes;
    try {
      envelopes = new JsonArray(record.value());
    } catch (DecodeException | ClassCastException e) {
      throw new UnreadableEvent("not a JSON array: " + e.getMessage());
    }
    if (envelopes.isEmpty() || envelopes.size() > DomainEvent.MAX_PER_RECORD) {
      throw new UnreadableEvent("an array of " + envelopes.size() + " events (1 to " + DomainEvent.MAX_PER_RECORD
          + " may be in one record)");
    }
    List<DomainEvent> events = new ArrayList<>(envelopes.size());
    for (int i = 0; i < envelopes.size(); i++) {
      if (!(envelopes.getValue(i) instanceof JsonObject envelope)) {
        throw new UnreadableEvent("event " + i + " of the array is not a JSON object");
      }
      events.add(event(envelope, record, i));
    }
    return events;
  }

  private static DomainEvent event(JsonObject envelope, ConsumerRecord<String, String> record, int index)
      throws UnreadableEvent {
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
        record.topic(), record.partition(), record.offset(), index);
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
