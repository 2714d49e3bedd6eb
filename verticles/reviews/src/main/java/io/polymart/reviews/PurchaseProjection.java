package io.polymart.reviews;

import io.polymart.core.events.BatchEventHandler;
import io.polymart.core.events.DomainEvent;
import io.vertx.core.Future;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Learns who bought what from {@code polymart.orders}: every event of an order after OrderPlaced sets that order's
 * status and SKUs ({@link PurchaseRepository#record}), then the buyer's document of each product it holds says whether
 * the order qualifies ({@link PurchaseRepository#settle}). Replays, redeliveries and events older than what is stored
 * change nothing. An event without its buyer or lines fails, so the consumer retries and then parks it.
 *
 * <p>OrderPlaced only makes sure the buyer has a document of each product ({@link PurchaseRepository#listPlaced}): a
 * new order does not qualify, so it can change no buyer's eligibility, and it is the first event of its order, so no
 * later one is to be ordered against it; the order's document is made by its next event. A partition's poll is taken
 * together ({@link #handleAll}): its OrderPlaced events in one round trip for the lot. Under a checkout load nearly
 * every event is one, and every changing command commits in the MongoDB stand-in (a tenth of the platform's CPU
 * when each order made two).
 *
 * <p>After each other event the buyer's existing reviews of its products are told ({@code purchaseChanged}): a
 * refunded or cancelled order can take a review's verified mark away, another qualifying order gives it back. Not
 * after the event that first stored the order, when its status does not qualify: an order nothing knew of before, and
 * that does not qualify, changes no buyer's eligibility. The second and third steps run even when the event changed
 * nothing, from what is stored, so an event retried after a crash between the steps completes them.
 */
final class PurchaseProjection implements BatchEventHandler {
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
    return placed(event) ? purchases.listPlaced(List.of(change)) : handle(change);
  }

  private Future<Void> handle(OrderChange change) {
    return purchases.record(change).compose(recorded -> purchases.settle(recorded.order()).compose(v ->
        recorded.created() && !OrderStatus.qualifies(recorded.order().getString("status"))
            ? Future.succeededFuture() : tell(change)));
  }

  /**
   * The poll's OrderPlaced events together first (what they write commutes with every other event's writes), then
   * the other events one after the other, in offset order.
   */
  @Override
  public Future<Void> handleAll(List<DomainEvent> events) {
    // all read before any is written: an event that cannot be read fails the batch before it changed anything
    List<OrderChange> placed = new ArrayList<>();
    List<OrderChange> others = new ArrayList<>();
    for (DomainEvent event : events) {
      (placed(event) ? placed : others).add(OrderChange.from(event));
    }
    Future<Void> done = placed.isEmpty() ? Future.succeededFuture() : purchases.listPlaced(placed);
    for (OrderChange change : others) {
      done = done.compose(v -> handle(change));
    }
    return done;
  }

  private static boolean placed(DomainEvent event) {
    return OrderChange.PLACED_TYPE.equals(event.type());
  }

  /** Tells the listener of each of the order's products. */
  private Future<Void> tell(OrderChange change) {
    List<Future<Void>> told = new ArrayList<>();
    change.skusByProduct().keySet().forEach(product -> told.add(listener.purchaseChanged(change.userId(), product)));
    return Future.all(told).mapEmpty();
  }
}
