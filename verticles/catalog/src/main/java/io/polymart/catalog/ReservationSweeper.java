package io.polymart.catalog;

import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Releases expired reservations every few seconds. Every instance on every node may run one: each sweep takes
 * its rows with {@code FOR UPDATE SKIP LOCKED}, so no reservation is released twice.
 */
final class ReservationSweeper {
  private static final Logger LOG = LoggerFactory.getLogger(ReservationSweeper.class);
  private static final int BATCH = 100;
  private final Vertx vertx;
  private final InventoryService inventory;
  private final long intervalMillis;
  private long timer = -1;
  private boolean stopped;

  ReservationSweeper(Vertx vertx, InventoryService inventory, long intervalMillis) {
    this.vertx = vertx;
    this.inventory = inventory;
    this.intervalMillis = intervalMillis;
  }

  void start() {
    schedule(intervalMillis);
  }

  void stop() {
    stopped = true;
    vertx.cancelTimer(timer);
  }

  private void schedule(long delay) {
    if (!stopped) {
      timer = vertx.setTimer(delay, t -> sweep());
    }
  }

  private void sweep() {
    inventory.releaseExpired(BATCH).onComplete(done -> {
      if (done.failed()) {
        LOG.warn("Releasing expired reservations failed: {}", done.cause().toString());
        schedule(intervalMillis);
      } else {
        if (done.result() > 0) {
          LOG.info("Released {} expired reservations", done.result());
        }
        // a full batch means more are waiting
        schedule(done.result() == BATCH ? 0 : intervalMillis);
      }
    });
  }
}
