package io.polymart.core.events;

import io.vertx.core.Future;

/** Where a consumer keeps the records it gave up on, for someone to inspect (and replay by hand if need be). */
public interface ParkedEvents {

  /** Idempotent per group, topic, partition and offset: parking a record again replaces the first entry. */
  Future<Void> park(ParkedEvent event);
}
