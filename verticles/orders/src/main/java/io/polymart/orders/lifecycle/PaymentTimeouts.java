package io.polymart.orders.lifecycle;

import io.polymart.core.sweep.Sweeper;
import io.polymart.orders.order.Actor;
import io.polymart.orders.order.OrderRepository;
import io.polymart.orders.payment.PaymentReconciler;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

/**
 * Cancels orders left unpaid past {@code expiresAt}: their stock is released and their coupon given back. Each order
 * is cancelled in its own transaction under {@code FOR UPDATE SKIP LOCKED}, so sweeps on several instances and
 * nodes share the work, and a webhook paying the order at that moment waits for the row or finds it cancelled.
 * Before that, the provider of each of its pending payments is asked how the payment stands, so an order whose
 * webhook never came is paid rather than cancelled; while a provider cannot be asked, the order waits for the next
 * sweep.
 */
public final class PaymentTimeouts {
  public static final int SWEEP_BATCH = 50;
  private static final Logger LOG = LoggerFactory.getLogger(PaymentTimeouts.class);
  private final OrderRepository orders;
  private final LifecycleService lifecycle;
  private final PaymentReconciler reconciler;

  public PaymentTimeouts(OrderRepository orders, LifecycleService lifecycle, PaymentReconciler reconciler) {
    this.orders = orders;
    this.lifecycle = lifecycle;
    this.reconciler = reconciler;
  }

  /** Cancels up to {@code batch} expired orders; answers how many it cancelled. */
  public Future<Integer> cancelExpired(int batch) {
    return orders.expiredIds(batch).compose(ids -> Sweeper.oneByOne(ids, this::expire));
  }

  private Future<Boolean> expire(UUID id) {
    return reconciler.reconcileOrder(id).transform(asked -> {
      if (asked.failed()) {
        LOG.warn("Order {} is past its payment time but its payments could not be checked with their provider; "
            + "it stays until the next sweep: {}", id, asked.cause().toString());
        return Future.succeededFuture(false);
      }
      return orders.inTransaction(change -> orders.lockExpired(change.connection(), id)
          .compose(locked -> locked.isEmpty() ? Future.succeededFuture(false)
              : lifecycle.cancel(change, locked.get(), Actor.SYSTEM, "payment timeout").map(true)));
    });
  }
}
