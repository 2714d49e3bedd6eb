package io.polymart.orders;

import io.polymart.core.sweep.Sweeper;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Cancels orders left unpaid past {@code expiresAt}: their stock is released and their coupon given back. Each order
 * is cancelled in its own transaction under {@code FOR UPDATE SKIP LOCKED}, so sweeps on several instances and
 * nodes share the work, and a webhook paying the order at that moment waits for the row or finds it cancelled.
 */
final class PaymentTimeouts {
  static final int SWEEP_BATCH = 50;
  private final OrdersWriter writer;
  private final LifecycleService lifecycle;

  PaymentTimeouts(OrdersWriter writer, LifecycleService lifecycle) {
    this.writer = writer;
    this.lifecycle = lifecycle;
  }

  /** Cancels up to {@code batch} expired orders; answers how many it cancelled. */
  Future<Integer> cancelExpired(int batch) {
    return writer.pool().preparedQuery("SELECT id FROM orders.orders WHERE status = 'PENDING_PAYMENT' "
            + "AND expires_at < now() ORDER BY expires_at LIMIT $1")
        .execute(Tuple.of(batch))
        .compose(rows -> {
          List<UUID> ids = new ArrayList<>();
          for (Row row : rows) {
            ids.add(row.getUUID("id"));
          }
          return Sweeper.oneByOne(ids, this::expire);
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
