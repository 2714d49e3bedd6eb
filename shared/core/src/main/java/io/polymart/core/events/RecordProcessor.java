package io.polymart.core.events;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
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

  /**
   * The outcome of each of the record's events, in order (one {@link RecordOutcome#PARKED} for an unreadable record);
   * it ends at the first {@link RecordOutcome#ABANDONED}, leaving the rest of the record to be read again.
   */
  Future<List<RecordOutcome>> process(ConsumerRecord<String, String> record) {
    return RecordTracing.traced(vertx, settings.group(), record, () -> processUntraced(record));
  }

  private Future<List<RecordOutcome>> processUntraced(ConsumerRecord<String, String> record) {
    List<DomainEvent> events;
    try {
      events = EventParser.parse(record);
    } catch (UnreadableEvent e) {
      return park(record, null, e.getMessage(), 0).map(List::of);
    }
    return process(record, events, 0, new ArrayList<>(events.size()));
  }

  private Future<List<RecordOutcome>> process(ConsumerRecord<String, String> record, List<DomainEvent> events,
      int index, List<RecordOutcome> outcomes) {
    if (index == events.size()) {
      return Future.succeededFuture(outcomes);
    }
    DomainEvent event = events.get(index);
    return processed.isProcessed(settings.group(), event.id())
        .compose(seen -> seen ? Future.succeededFuture(RecordOutcome.DUPLICATE) : attempt(record, event, 1))
        .compose(outcome -> {
          outcomes.add(outcome);
          return outcome == RecordOutcome.ABANDONED ? Future.succeededFuture(outcomes)
              : process(record, events, index + 1, outcomes);
        });
  }

  /** Whether {@link #processAll} may be tried for a partition's records. */
  boolean takesBatches() {
    return handler instanceof BatchEventHandler;
  }

  /**
   * Takes the events of one partition's records through together (the handler is a {@link BatchEventHandler}): those
   * processed before are skipped, the others handled in one call and marked. Fails, leaving the records to be
   * processed one by one, when a record is unreadable, the handler fails, or a store does.
   */
  Future<BatchOutcome> processAll(List<ConsumerRecord<String, String>> records) {
    return RecordTracing.tracedBatch(vertx, settings.group(), records, () -> processAllUntraced(records));
  }

  private Future<BatchOutcome> processAllUntraced(List<ConsumerRecord<String, String>> records) {
    List<DomainEvent> events = new ArrayList<>(records.size());
    try {
      for (ConsumerRecord<String, String> record : records) {
        events.addAll(EventParser.parse(record));
      }
    } catch (UnreadableEvent e) {
      return Future.failedFuture(e);
    }
    List<Future<Boolean>> seen = events.stream().map(event -> processed.isProcessed(settings.group(), event.id()))
        .toList();
    return Future.all(seen).compose(all -> {
      List<DomainEvent> fresh = new ArrayList<>(events.size());
      Set<String> ids = new HashSet<>();
      for (int i = 0; i < events.size(); i++) {
        // an event sent twice within the batch counts once, as it would one by one
        if (!seen.get(i).result() && ids.add(events.get(i).id())) {
          fresh.add(events.get(i));
        }
      }
      BatchOutcome outcome = new BatchOutcome(fresh.size(), events.size() - fresh.size());
      if (fresh.isEmpty()) {
        return Future.succeededFuture(outcome);
      }
      return callHandler(() -> ((BatchEventHandler) handler).handleAll(List.copyOf(fresh)))
          .compose(v -> Future.all(fresh.stream().map(event -> processed.markProcessed(settings.group(), event))
              .toList()))
          .map(outcome);
    }).onFailure(e -> LOG.debug("Consumer {}: a batch of {} records failed, taking them one by one: {}",
        settings.group(), records.size(), describe(e)));
  }

  /** How many events a {@link #processAll} handled, and how many it skipped as processed before. */
  record BatchOutcome(int handled, int duplicates) {
  }

  private Future<RecordOutcome> attempt(ConsumerRecord<String, String> record, DomainEvent event, int attempt) {
    if (stopping.getAsBoolean()) {
      return Future.succeededFuture(RecordOutcome.ABANDONED);
    }
    return callHandler(() -> handler.handle(event)).transform(result -> {
      if (result.succeeded()) {
        return processed.markProcessed(settings.group(), event).map(RecordOutcome.HANDLED);
      }
      String error = describe(result.cause());
      if (attempt >= settings.maxAttempts() || result.cause() instanceof MalformedEvent) {
        return park(record, event, error, attempt);
      }
      long backoff = settings.backoffMillis(attempt);
      LOG.debug("Consumer {}: {} {} failed (attempt {} of {}), again in {} ms: {}", settings.group(), event.type(),
          event.id(), attempt, settings.maxAttempts(), backoff, error);
      return vertx.timer(Math.max(1, backoff), TimeUnit.MILLISECONDS)
          .compose(v -> attempt(record, event, attempt + 1));
    });
  }

  private Future<Void> callHandler(Supplier<Future<Void>> call) {
    Future<Void> handled;
    try {
      handled = call.get();
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
