package io.polymart.reviews;

import io.polymart.core.events.DomainEvent;
import io.polymart.core.events.EventHandler;
import io.vertx.core.Future;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Learns who bought what from {@code polymart.orders}: every event of an order sets that order's status and SKUs in
 * the buyer's document of each product it holds. Replays, redeliveries and events older than what is stored change
 * nothing. An event without its buyer or lines fails, so the consumer retries and then parks it.
 *
 * <p>After each event the buyer's existing reviews of its products are told ({@code purchaseChanged}): a refunded or
 * cancelled order can take a review's verified mark away, another qualifying order gives it back. That runs even when
 * the event changed nothing, so an event retried after a crash between the two steps completes the second.
 */
final class PurchaseProjection implements EventHandler {
  /** Told that the buyer's orders of a product changed. */
  interface Listener {
    Future<Void> purchaseChanged(UUID userId, UUID productId);
  }

  private final PurchaseRepository purchases;
  private final Listener listener;

  PurchaseProjection(PurchaseRepository purchases, Listener listener) {
    this.purchases = purchases;
    this.listener = listener;
  }

  @Override
  public Future<Void> handle(DomainEvent event) {
    OrderChange change = OrderChange.from(event);
    List<Future<Void>> writes = new ArrayList<>();
    for (Map.Entry<UUID, List<UUID>> product : change.skusByProduct().entrySet()) {
      writes.add(purchases.record(change, product.getKey(), product.getValue())
          .compose(recorded -> listener.purchaseChanged(change.userId(), product.getKey())));
    }
    return Future.all(writes).mapEmpty();
  }
}
