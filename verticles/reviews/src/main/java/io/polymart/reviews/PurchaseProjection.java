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
 */
final class PurchaseProjection implements EventHandler {
  private final PurchaseRepository purchases;

  PurchaseProjection(PurchaseRepository purchases) {
    this.purchases = purchases;
  }

  @Override
  public Future<Void> handle(DomainEvent event) {
    OrderChange change = OrderChange.from(event);
    List<Future<Boolean>> writes = new ArrayList<>();
    for (Map.Entry<UUID, List<UUID>> product : change.skusByProduct().entrySet()) {
      writes.add(purchases.record(change, product.getKey(), product.getValue()));
    }
    return Future.all(writes).mapEmpty();
  }
}
