package io.polymart.reviews;

import io.polymart.core.events.BatchEventHandler;
import io.polymart.core.events.DomainEvent;
import io.vertx.core.Future;
import org.bson.Document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 *
 * <p>A partition's poll is taken together ({@link #handleAll}): each run of orders' first events (OrderPlaced, of
 * orders not seen before) is stored in two round trips for the lot, one per collection, instead of two per order;
 * under a checkout load nearly every event is one, and the MongoDB stand-in's commits were a tenth of the platform's
 * CPU.
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
    return handle(OrderChange.from(event));
  }

  private Future<Void> handle(OrderChange change) {
    return purchases.record(change).compose(recorded -> purchases.settle(recorded.order())
        .compose(v -> tell(change, recorded.created() ? recorded.order() : null)));
  }

  /**
   * The events in offset order: every run of OrderPlaced of distinct orders together ({@link #placeAll}), any other
   * event on its own after what came before it, so each order's events keep their order.
   */
  @Override
  public Future<Void> handleAll(List<DomainEvent> events) {
    // all read before any is written: an event that cannot be read fails the batch before it changed anything
    List<OrderChange> changes = events.stream().map(OrderChange::from).toList();
    Future<Void> done = Future.succeededFuture();
    Map<UUID, OrderChange> run = new LinkedHashMap<>();
    for (OrderChange change : changes) {
      boolean placed = OrderStatus.PLACED.equals(change.status());
      if (placed && !run.containsKey(change.orderId())) {
        run.put(change.orderId(), change);
        continue;
      }
      done = then(done, List.copyOf(run.values()));
      run.clear();
      if (placed) {
        run.put(change.orderId(), change);
      } else {
        done = done.compose(v -> handle(change));
      }
    }
    return then(done, List.copyOf(run.values()));
  }

  private Future<Void> then(Future<Void> done, List<OrderChange> run) {
    return run.isEmpty() ? done : done.compose(v -> placeAll(run));
  }

  /**
   * First events of distinct orders: the orders not stored yet are created and settled together; one already stored
   * (a redelivery, or a newer event of it taken first) goes through {@link #handle} as on its own.
   */
  private Future<Void> placeAll(List<OrderChange> changes) {
    return purchases.recordAllNew(changes).compose(created -> {
      List<Document> createdOrders = created.stream().filter(Objects::nonNull).toList();
      return purchases.settleAll(createdOrders).compose(v -> {
        Future<Void> done = Future.succeededFuture();
        for (int i = 0; i < changes.size(); i++) {
          OrderChange change = changes.get(i);
          Document order = created.get(i);
          done = done.compose(v2 -> order == null ? handle(change) : tell(change, order));
        }
        return done;
      });
    });
  }

  /**
   * Tells the listener of each of the order's products, unless this change created the order's document ({@code
   * created}, else null) with a status that does not qualify.
   */
  private Future<Void> tell(OrderChange change, Document created) {
    if (created != null && !OrderStatus.qualifies(created.getString("status"))) {
      return Future.succeededFuture();
    }
    List<Future<Void>> told = new ArrayList<>();
    change.skusByProduct().keySet().forEach(product -> told.add(listener.purchaseChanged(change.userId(), product)));
    return Future.all(told).mapEmpty();
  }
}
