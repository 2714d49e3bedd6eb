package io.polymart.orders;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Cancels orders left unpaid past {@code expiresAt}: their stock is released and their coupon given back. Each order
 * is cancelled in its own transaction under {@code FOR UPDATE SKIP LOCKED}, so sweepers on several instances and
 * nodes share the work, and a webhook paying the order at that moment waits for the row or finds it cancelled.
 */
final class PaymentTimeoutSweeper {
  private static final Logger LOG = LoggerFactory.getLogger(PaymentTimeoutSweeper.class);
  private static final int BATCH = 50;
  private final Vertx vertx;
  private final OrdersWriter writer;
  private final LifecycleService lifecycle;
  private final long intervalMs;
  private long timer = -1;
  private boolean running;

  PaymentTimeoutSweeper(Vertx vertx, OrdersWriter writer, LifecycleService lifecycle, long intervalMs) {
    this.vertx = vertx;
    this.writer = writer;
    this.lifecycle = lifecycle;
    this.intervalMs = intervalMs;
  }

  void start() {
    timer = vertx.setPeriodic(intervalMs, id -> {
      if (!running) {
        running = true;
        sweep().onComplete(done -> {
          running = false;
          if (done.failed()) {
            LOG.warn("Payment-timeout sweep failed: {}", done.cause().toString());
          } else if (done.result() > 0) {
            LOG.info("Cancelled {} unpaid order(s) past their payment time", done.result());
          }
        });
      }
    });
  }

  void stop() {
    vertx.cancelTimer(timer);
  }

  Future<Integer> sweep() {
    return writer.pool().preparedQuery("SELECT id FROM orders.orders WHERE status = 'PENDING_PAYMENT' "
            + "AND expires_at < now() ORDER BY expires_at LIMIT $1")
        .execute(Tuple.of(BATCH))
        .compose(rows -> {
          List<UUID> ids = new ArrayList<>();
          for (Row row : rows) {
            ids.add(row.getUUID("id"));
          }
          Future<Integer> cancelled = Future.succeededFuture(0);
          for (UUID id : ids) {
            cancelled = cancelled.compose(count -> expire(id).map(done -> done ? count + 1 : count));
          }
          return cancelled;
        });
  }

  private Future<Boolean> expire(UUID id) {
    return writer.inTransaction(change -> change.connection().preparedQuery("SELECT " + LockedOrder.COLUMNS
            + " FROM orders.orders WHERE id = $1 AND status = 'PENDING_PAYMENT' AND expires_at < now() "
            + "FOR UPDATE SKIP LOCKED")
        .execute(Tuple.of(id))
        .compose(rows -> rows.size() == 0 ? Future.succeededFuture(false)
            : lifecycle.cancel(change, LockedOrder.from(rows.iterator().next()), Actor.SYSTEM, "payment timeout")
                .map(true)));
  }
}
