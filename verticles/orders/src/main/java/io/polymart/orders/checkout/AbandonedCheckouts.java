package io.polymart.orders.checkout;

import io.polymart.core.client.CatalogStockClient;
import io.polymart.orders.order.OrderRepository;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives back the stock of a checkout that failed after reserving it. First its idempotency key is marked as placing
 * no order (so a replay cannot place one on stock being released), then the reservation is released. When that
 * fails, typically because a backend is down, it is tried again with growing pauses until it succeeds or the
 * reservation would have expired on its own, so an outage leaves no stock held for an order that does not exist.
 */
final class AbandonedCheckouts {
  private static final Logger LOG = LoggerFactory.getLogger(AbandonedCheckouts.class);
  private static final long FIRST_RETRY_MS = 500;
  private static final long LONGEST_RETRY_MS = 30_000;
  private final Vertx vertx;
  private final OrderRepository orders;
  private final CatalogStockClient stock;
  private final long giveUpAfterMs;

  AbandonedCheckouts(Vertx vertx, OrderRepository orders, CatalogStockClient stock, long giveUpAfterMs) {
    this.vertx = vertx;
    this.orders = orders;
    this.stock = stock;
    this.giveUpAfterMs = giveUpAfterMs;
  }

  /**
   * Completes with the first attempt: true when the stock was given back (or is being given back in the background),
   * false when an order already holds the key (a concurrent replay of the request won).
   */
  Future<Boolean> release(CheckoutRequest checkout) {
    return attempt(checkout).recover(failure -> {
      LOG.warn("Could not release reservation {} yet ({}); retrying in the background", checkout.reservationId(),
          failure.toString());
      retryLater(checkout, FIRST_RETRY_MS, System.currentTimeMillis() + giveUpAfterMs);
      return Future.succeededFuture(true);
    });
  }

  private Future<Boolean> attempt(CheckoutRequest checkout) {
    return orders.abandonIdempotencyKey(checkout.userId(), checkout.idempotencyKey(), checkout.fingerprint())
        .compose(noOrder -> noOrder
            ? stock.release(checkout.reservationId()).map(true)
            : Future.succeededFuture(false));
  }

  private void retryLater(CheckoutRequest checkout, long delayMs, long giveUpAt) {
    vertx.setTimer(delayMs, id -> attempt(checkout).onComplete(done -> {
      if (done.succeeded()) {
        LOG.info("Released reservation {} after the outage", checkout.reservationId());
      } else if (System.currentTimeMillis() + delayMs > giveUpAt) {
        LOG.error("Gave up releasing reservation {}; it expires on its own", checkout.reservationId(), done.cause());
      } else {
        retryLater(checkout, Math.min(delayMs * 2, LONGEST_RETRY_MS), giveUpAt);
      }
    }));
  }
}
