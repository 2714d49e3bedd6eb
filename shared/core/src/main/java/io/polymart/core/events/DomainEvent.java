package io.polymart.core.events;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Objects;

/**
 * One event read from a {@code polymart.<verticle>} topic: the JSON envelope ({@code type}, {@code id} = the event
 * id, {@code occurredAt}, {@code aggregateId}, {@code data}) and where it was read.
 *
 * @param occurredAt null when the envelope has none
 * @param aggregateId the envelope's, or else the record key; null when neither is there
 */
public record DomainEvent(String type, String id, Instant occurredAt, String aggregateId, JsonObject data,
    String topic, int partition, long offset) {

  public DomainEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(topic, "topic");
  }
}
