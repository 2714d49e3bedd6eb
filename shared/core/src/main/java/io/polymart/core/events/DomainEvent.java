package io.polymart.core.events;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Objects;

/**
 * One event read from a {@code polymart.<verticle>} topic: the JSON envelope ({@code type}, {@code id} = the event
 * id, {@code occurredAt}, {@code aggregateId}, {@code data}) and where it was read. A record carries one envelope,
 * or an array of them (activity is published in runs: one record per partition every few milliseconds); {@code index}
 * is the event's place in its record.
 *
 * @param occurredAt null when the envelope has none
 * @param aggregateId the envelope's, or else the record key; null when neither is there
 */
public record DomainEvent(String type, String id, Instant occurredAt, String aggregateId, JsonObject data,
    String topic, int partition, long offset, int index) {

  /** The most events one record may carry. */
  public static final int MAX_PER_RECORD = 1024;

  public DomainEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(topic, "topic");
    if (index < 0 || index >= MAX_PER_RECORD) {
      throw new IllegalArgumentException("index " + index + " is not within a record");
    }
  }

  /** The event of a record that carries only it. */
  public DomainEvent(String type, String id, Instant occurredAt, String aggregateId, JsonObject data,
      String topic, int partition, long offset) {
    this(type, id, occurredAt, aggregateId, data, topic, partition, offset, 0);
  }

  /**
   * Where the event is in its partition, as one number ordered like (offset, index): {@code offset ×}
   * {@value #MAX_PER_RECORD} {@code + index}. Exact in a double (as Lua keeps numbers) up to offset 2<sup>43</sup>.
   */
  public long position() {
    return offset * MAX_PER_RECORD + index;
  }
}
