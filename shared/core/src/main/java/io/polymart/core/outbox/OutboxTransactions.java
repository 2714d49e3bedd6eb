package io.polymart.core.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a change and its outbox events in one PostgreSQL transaction, then its after-commit work:
 *
 * <pre>{@code
 * OutboxTransactions transactions = new OutboxTransactions(pool, new Outbox("orders.outbox"), relay::wakeUp);
 * Future<UUID> placed = transactions.run(tx -> insertOrder(tx.connection(), order).map(v -> {
 *   tx.event("polymart.orders", order.id().toString(), "OrderPlaced", data);
 *   tx.afterCommit(() -> eventBus.publish(Addresses.userEvents(userId), update));
 *   return order.id();
 * }));
 * }</pre>
 *
 * <p>The events are written at the end of the work, in the order added, so after the statements that lock their
 * aggregates (see {@link Outbox}); a statement of the work may write its own beside its change instead
 * ({@link OutboxTransaction#written}, one statement fewer). Once the transaction has committed, the relay is nudged
 * if there were events, then the hooks run one after the other, and the result completes after them. A failing hook
 * is logged and does not fail the result: the change is committed. If the work fails, or the commit does, nothing is
 * written, no hook runs and the result fails with that failure.
 *
 * <p>Committed events are counted by topic and type ({@code polymart_events_committed_total}): the business counters
 * of orders placed, paid, cancelled or refunded, low-stock warnings and the like, named as in
 * {@code schemas/events/}.
 */
public final class OutboxTransactions {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxTransactions.class);

  private final Pool pool;
  private final Outbox outbox;
  private final Runnable eventsWritten;
  private final MeterRegistry registry;
  private final Map<String, Counter> committed = new ConcurrentHashMap<>();

  /** @param eventsWritten run after a commit that wrote events, typically {@link OutboxRelay#wakeUp()} */
  public OutboxTransactions(Pool pool, Outbox outbox, Runnable eventsWritten) {
    this(pool, outbox, eventsWritten, new CompositeMeterRegistry());
  }

  /** As above, counting committed events in {@code registry} ({@link io.polymart.core.metrics.Meters#registry}). */
  public OutboxTransactions(Pool pool, Outbox outbox, Runnable eventsWritten, MeterRegistry registry) {
    this.pool = pool;
    this.outbox = outbox;
    this.eventsWritten = eventsWritten;
    this.registry = registry;
  }

  public Pool pool() {
    return pool;
  }

  public <T> Future<T> run(Function<OutboxTransaction, Future<T>> work) {
    OutboxTransaction[] current = new OutboxTransaction[1];
    return pool.<T>withTransaction(connection -> {
      OutboxTransaction tx = new OutboxTransaction(connection, false);
      current[0] = tx;
      return apply(work, tx).compose(result -> {
        tx.close();
        return outbox.appendAll(connection, tx.toAppend()).map(result);
      });
    }).compose(result -> afterCommit(current[0]).map(result));
  }

  /**
   * Runs a change that is one statement and writes its events in it ({@link OutboxTransaction#written}, with
   * {@link Outbox#addRow}), then the after-commit work as {@link #run} does. A single statement commits or rolls back
   * whole, so it runs without the transaction block {@link #run} opens: without BEGIN and COMMIT, two round trips and
   * two statements of PostgreSQL's fewer. The work must run exactly one statement on the connection; adding an event
   * for the outbox to write after it fails at once ({@link OutboxTransaction#event}).
   */
  public <T> Future<T> runStatement(Function<OutboxTransaction, Future<T>> work) {
    OutboxTransaction[] current = new OutboxTransaction[1];
    return pool.<T>withConnection(connection -> {
      OutboxTransaction tx = new OutboxTransaction(connection, true);
      current[0] = tx;
      return apply(work, tx).onComplete(done -> tx.close());
    }).compose(result -> afterCommit(current[0]).map(result));
  }

  private static <T> Future<T> apply(Function<OutboxTransaction, Future<T>> work, OutboxTransaction tx) {
    try {
      return work.apply(tx);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private Future<Void> afterCommit(OutboxTransaction tx) {
    List<OutboxEvent> events = tx.events();
    for (OutboxEvent event : events) {
      committed.computeIfAbsent(event.topic() + '\0' + event.type(), any -> Counter.builder("polymart.events.committed")
          .description("Domain events committed to an outbox, by topic and type (schemas/events)")
          .tag("topic", event.topic()).tag("type", event.type()).register(registry)).increment();
    }
    if (!events.isEmpty()) {
      safely(() -> {
        eventsWritten.run();
        return Future.succeededFuture();
      });
    }
    Future<Void> done = Future.succeededFuture();
    for (Supplier<Future<?>> hook : List.copyOf(tx.afterCommitHooks())) {
      done = done.compose(v -> safely(hook));
    }
    return done;
  }

  private static Future<Void> safely(Supplier<Future<?>> hook) {
    Future<?> ran;
    try {
      ran = hook.get();
    } catch (RuntimeException e) {
      ran = Future.failedFuture(e);
    }
    return ran.<Void>mapEmpty().recover(failure -> {
      LOG.warn("An after-commit step failed (the change is committed): {}", failure.toString());
      return Future.succeededFuture();
    });
  }
}
