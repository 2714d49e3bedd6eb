package io.polymart.core.events;

import io.vertx.core.Future;
import java.util.List;

/**
 * An {@link EventHandler} that can also take the events of one partition's poll at once, when handling them together
 * costs much less than one by one (one store round trip for the lot). {@link EventConsumer} hands it the records of a
 * partition that are not processed yet, in offset order; should {@link #handleAll} fail, the consumer handles the same
 * events one by one through {@link #handle}, with its retries and parking, so one bad event still only parks itself.
 */
public interface BatchEventHandler extends EventHandler {

  /**
   * Handles the events as {@link #handle} would one after the other. Succeeding means all of them are done; failing
   * should mean none is, or that handling the done ones again changes nothing (the handler is idempotent).
   */
  Future<Void> handleAll(List<DomainEvent> events);
}
