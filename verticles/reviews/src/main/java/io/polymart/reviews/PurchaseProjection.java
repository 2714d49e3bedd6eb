package io.polymart.reviews;

import io.polymart.core.events.DomainEvent;
import io.polymart.core.events.EventHandler;
import io.vertx.core.Future;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Learns who bought what from {@code polymart.orders}: every event of an order sets that order's status and SKUs
 * ({@link PurchaseRepository#record}), then the buyer's document of each product it holds says whether the order
 * qualifies ({@link PurchaseRepository#settle}). Replays, redeliveries and events older than what is stored change
 * nothing. An event without its buyer or lines fails, so the consumer retries and then parks it.
 *
 * <p>After each event the buyer's existing reviews of its products are told ({@code purchaseChanged}): a refunded or
 * cancelled order can take a review's verified mark away, another qualifying order gives it back. Not after the event
 * that first stored the order, when its status does not qualify (an OrderPlaced, nearly always): an order nothing
 * knew of before, and that does not qualify, changes no buyer's eligibility (two reads per product fewer per order
 * placed). The second and third steps run even when the event changed nothing, from what is stored, so an event
 * retried after a crash between the steps completes them.
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
    return purchases.record(change).compose(recorded -> purchases.settle(recorded.order()).compose(v -> {
      if (recorded.created() && !OrderStatus.qualifies(recorded.order().getString("status"))) {
        return Future.succeededFuture();
      }
      List<Future<Void>> told = new ArrayList<>();
      change.skusByProduct().keySet().forEach(product -> told.add(listener.purchaseChanged(change.userId(), product)));
      return Future.all(told).mapEmpty();
    }));
  }
}
