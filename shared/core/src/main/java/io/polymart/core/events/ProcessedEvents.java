package io.polymart.core.events;

import io.vertx.core.Future;

/**
 * The memory of which events a consumer group has handled, by event id, so that an event delivered twice (a
 * redelivery after a crash before the offset commit, a replay of the topic) is handled once. It must outlive the
 * consumer and the group's offsets in Kafka: keep it in the verticle's own database.
 */
public interface ProcessedEvents {
  /**
   * No memory, for a handler whose writes are idempotent by themselves (an insert keyed by the event id, a script
   * that checks and advances the partition's offset): asking it says "not handled", marking does nothing.
   */
  ProcessedEvents NONE = new ProcessedEvents() {
    @Override
    public Future<Boolean> isProcessed(String group, String eventId) {
      return Future.succeededFuture(false);
    }

    @Override
    public Future<Void> markProcessed(String group, DomainEvent event) {
      return Future.succeededFuture();
    }
  };

  Future<Boolean> isProcessed(String group, String eventId);

  /** Idempotent: marking an event twice is no error. */
  Future<Void> markProcessed(String group, DomainEvent event);
}
