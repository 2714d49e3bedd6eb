package io.polymart.core.events;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** An {@link EventHandler} for tests: remembers every call and every success, in order; behaves as told. */
final class RecordingHandler implements EventHandler {

  private final Function<DomainEvent, Future<Void>> behaviour;
  private final List<DomainEvent> handled = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

  RecordingHandler() {
    this(event -> Future.succeededFuture());
  }

  RecordingHandler(Function<DomainEvent, Future<Void>> behaviour) {
    this.behaviour = behaviour;
  }

  @Override
  public Future<Void> handle(DomainEvent event) {
    calls.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
    return behaviour.apply(event).onSuccess(v -> handled.add(event));
  }

  /** The events whose handling succeeded, in the order it did. */
  List<DomainEvent> handled() {
    return new ArrayList<>(handled);
  }

  List<String> handledIds() {
    return handled().stream().map(DomainEvent::id).toList();
  }

  /** How often the handler was called for an event id. */
  int calls(String eventId) {
    AtomicInteger n = calls.get(eventId);
    return n == null ? 0 : n.get();
  }

  int totalCalls() {
    return calls.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  boolean hasHandled(String eventId) {
    return handled.stream().anyMatch(e -> e.id().equals(eventId));
  }
}
