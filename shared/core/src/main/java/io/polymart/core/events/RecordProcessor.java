package io.polymart.core.events;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one record through its life, on the consumer's Vert.x context: read the envelope, skip it if processed
 * before, call the handler (with retries and backoff), mark it processed, or park it. The result fails only when
 * the stores cannot be reached: the record has then neither been marked nor parked and must be read again.
 */
final class RecordProcessor {

  private static final Logger LOG = LoggerFactory.getLogger(RecordProcessor.class);

  private final Vertx vertx;
  private final EventConsumerSettings settings;
  private final EventHandler handler;
  private final ProcessedEvents processed;
  private final ParkedEvents parked;
  private final BooleanSupplier stopping;

  RecordProcessor(Vertx vertx, EventConsumerSettings settings, EventHandler handler, ProcessedEvents processed,
      ParkedEvents parked, BooleanSupplier stopping) {
    this.vertx = vertx;
    this.settings = settings;
    this.handler = handler;
    this.processed = processed;
    this.parked = parked;
    this.stopping = stopping;
  }

  Future<RecordOutcome> process(ConsumerRecord<String, String> record) {
    DomainEvent event;
    try {
      event = EventParser.parse(record);
    } catch (UnreadableEvent e) {
      return park(record, null, e.getMessage(), 0);
    }
    return processed.isProcessed(settings.group(), event.id())
        .compose(seen -> seen ? Future.succeededFuture(RecordOutcome.DUPLICATE) : attempt(record, event, 1));
  }

  private Future<RecordOutcome> attempt(ConsumerRecord<String, String> record, DomainEvent event, int attempt) {
    if (stopping.getAsBoolean()) {
      return Future.succeededFuture(RecordOutcome.ABANDONED);
    }
    return callHandler(event).transform(result -> {
      if (result.succeeded()) {
        return processed.markProcessed(settings.group(), event).map(RecordOutcome.HANDLED);
      }
      String error = describe(result.cause());
      if (attempt >= settings.maxAttempts()) {
        return park(record, event, error, attempt);
      }
      long backoff = settings.backoffMillis(attempt);
      LOG.debug("Consumer {}: {} {} failed (attempt {} of {}), again in {} ms: {}", settings.group(), event.type(),
          event.id(), attempt, settings.maxAttempts(), backoff, error);
      return vertx.timer(Math.max(1, backoff), TimeUnit.MILLISECONDS)
          .compose(v -> attempt(record, event, attempt + 1));
    });
  }

  private Future<Void> callHandler(DomainEvent event) {
    Future<Void> handled;
    try {
      handled = handler.handle(event);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    if (handled == null) {
      return Future.failedFuture(new IllegalStateException("the handler returned no future"));
    }
    return handled.timeout(settings.handlerTimeout().toMillis(), TimeUnit.MILLISECONDS);
  }

  private Future<RecordOutcome> park(ConsumerRecord<String, String> record, DomainEvent event, String error,
      int attempts) {
    LOG.error("Consumer {}: parking the record at {}-{} offset {} (event {}, {}) after {} failed attempt(s): {}",
        settings.group(), record.topic(), record.partition(), record.offset(), event == null ? "?" : event.id(),
        event == null ? "unreadable" : event.type(), attempts, error);
    ParkedEvent entry = new ParkedEvent(settings.group(), record.topic(), record.partition(), record.offset(),
        record.key(), record.value(), event == null ? null : event.id(), event == null ? null : event.type(), error,
        attempts, Instant.now());
    return parked.park(entry).map(RecordOutcome.PARKED);
  }

  private static String describe(Throwable failure) {
    return failure.getMessage() == null ? failure.getClass().getName() : failure.toString();
  }
}
