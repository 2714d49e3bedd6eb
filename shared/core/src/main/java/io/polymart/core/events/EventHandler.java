package io.polymart.core.events;

import io.vertx.core.Future;

/**
 * What a verticle does with one event, on the context the {@link EventConsumer} was created on. Succeeding means
 * "done": the event is then marked processed and its offset committed. Failing (or throwing) means "try again" with
 * backoff, up to the attempts of {@link EventConsumerSettings}, after which the event is parked. Calls for one
 * partition (so for one aggregate) never overlap; calls for different partitions may.
 *
 * <p>Make the handler idempotent itself: it can run twice for one event when the process dies between its write and
 * the mark in {@link ProcessedEvents}, or when an attempt outlives its timeout (the retry runs while the first is
 * still writing). Upserts keyed by the event's aggregate, or a version check, do it.
 */
@FunctionalInterface
public interface EventHandler {

  Future<Void> handle(DomainEvent event);
}
