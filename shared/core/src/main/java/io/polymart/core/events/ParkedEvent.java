package io.polymart.core.events;

import java.time.Instant;
import java.util.Objects;

/**
 * A record the consumer gave up on: where it was, its raw key and value, and why.
 *
 * @param eventId null when the record was not even an event envelope
 * @param type null when the record was not even an event envelope
 * @param attempts how often the handler failed on it; 0 when it was never called
 */
public record ParkedEvent(String group, String topic, int partition, long offset, String key, String value,
    String eventId, String type, String error, int attempts, Instant parkedAt) {

  public ParkedEvent {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(parkedAt, "parkedAt");
  }
}
