package io.polymart.core.outbox;

import io.vertx.core.json.JsonObject;
import java.util.Objects;

/** One event for {@link Outbox#appendAll}: published to {@code topic}, keyed by {@code aggregateId}. */
public record OutboxEvent(String topic, String aggregateId, String type, JsonObject data) {

  public OutboxEvent {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(aggregateId, "aggregateId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(data, "data");
  }
}
