package io.polymart.orders.lifecycle;

import io.polymart.core.sweep.Sweeper;
import io.polymart.orders.order.Actor;
import io.polymart.orders.order.OrderRepository;
import io.vertx.core.Future;

import java.util.UUID;

/**
 * Cancels orders left unpaid past {@code expiresAt}: their stock is released and their coupon given back. Each order
 * is cancelled in its own transaction under {@code FOR UPDATE SKIP LOCKED}, so sweeps on several instances and
 * nodes share the work, and a webhook paying the order at that moment waits for the row or finds it cancelled.
 */
public final class PaymentTimeouts {
  public static final int SWEEP_BATCH = 50;
  private final OrderRepository orders;
  private final LifecycleService lifecycle;

  public PaymentTimeouts(OrderRepository orders, LifecycleService lifecycle) {
    this.orders = orders;
    this.lifecycle = lifecycle;
  }

  /** Cancels up to {@code batch} expired orders; answers how many it cancelled. */
  public Future<Integer> cancelExpired(int batch) {
    return orders.expiredIds(batch).compose(ids -> Sweeper.oneByOne(ids, this::expire));
  }

  private Future<Boolean> expire(UUID id) {
    return orders.inTransaction(change -> orders.lockExpired(change.connection(), id)
        .compose(locked -> locked.isEmpty() ? Future.succeededFuture(false)
            : lifecycle.cancel(change, locked.get(), Actor.SYSTEM, "payment timeout").map(true)));
  }
}
