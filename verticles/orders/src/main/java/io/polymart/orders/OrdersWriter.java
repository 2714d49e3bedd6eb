package io.polymart.orders;

import io.polymart.core.bus.Addresses;
import io.polymart.core.outbox.Outbox;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.sqlclient.Pool;

import java.util.function.Function;

/**
 * Runs an orders change in one transaction together with its outbox events; after the commit it nudges the relay
 * and publishes the live updates (to every node, where the gateway holds the users' WebSockets).
 */
final class OrdersWriter {
  private final Pool pool;
  private final Outbox outbox;
  private final Runnable eventsWritten;
  private final EventBus eventBus;

  OrdersWriter(Pool pool, Outbox outbox, Runnable eventsWritten, EventBus eventBus) {
    this.pool = pool;
    this.outbox = outbox;
    this.eventsWritten = eventsWritten;
    this.eventBus = eventBus;
  }

  Pool pool() {
    return pool;
  }

  <T> Future<T> inTransaction(Function<OrderChange, Future<T>> work) {
    OrderChange[] change = new OrderChange[1];
    return pool.withTransaction(connection -> {
      change[0] = new OrderChange(connection);
      return work.apply(change[0]).compose(result -> outbox.appendAll(connection, change[0].events()).map(result));
    }).onSuccess(result -> afterCommit(change[0]));
  }

  private void afterCommit(OrderChange change) {
    if (!change.events().isEmpty()) {
      eventsWritten.run();
    }
    change.userEvents().forEach(event -> eventBus.publish(Addresses.userEvents(event.userId()), event.body()));
  }
}
