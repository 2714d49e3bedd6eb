package io.polymart.orders;

import io.polymart.core.outbox.OutboxTransactions;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.sqlclient.Pool;

import java.util.function.Function;

/** Runs an orders change in one transaction with its outbox events; live updates go out after the commit. */
final class OrdersWriter {
  private final OutboxTransactions transactions;
  private final EventBus eventBus;

  OrdersWriter(OutboxTransactions transactions, EventBus eventBus) {
    this.transactions = transactions;
    this.eventBus = eventBus;
  }

  Pool pool() {
    return transactions.pool();
  }

  <T> Future<T> inTransaction(Function<OrderChange, Future<T>> work) {
    return transactions.run(tx -> work.apply(new OrderChange(tx, eventBus)));
  }
}
