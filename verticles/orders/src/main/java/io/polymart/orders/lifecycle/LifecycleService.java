package io.polymart.orders.lifecycle;

import io.polymart.core.client.CatalogStockClient;
import io.polymart.orders.coupon.CouponRepository;
import io.polymart.orders.order.Actor;
import io.polymart.orders.order.LockedOrder;
import io.polymart.orders.order.OrderAction;
import io.polymart.orders.order.OrderChange;
import io.polymart.orders.order.OrderEvents;
import io.polymart.orders.order.OrderRepository;
import io.polymart.orders.order.OrderStatus;
import io.polymart.orders.order.Transitions;
import io.polymart.orders.payment.Refunds;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.UUID;
import java.util.function.BiFunction;

/**
 * The order lifecycle after checkout, for buyers (cancel, confirm receipt, ask for a refund) and for sellers and
 * admins (ship, deliver, approve or reject a refund). Each move locks the order row, so moves never interleave.
 * Each answers the order as it is afterwards.
 */
public final class LifecycleService {
  private final OrderRepository orders;
  private final Transitions transitions;
  private final CatalogStockClient stock;
  private final CouponRepository coupons;
  private final Refunds refunds;

  public LifecycleService(OrderRepository orders, Transitions transitions, CatalogStockClient stock,
      CouponRepository coupons, Refunds refunds) {
    this.orders = orders;
    this.transitions = transitions;
    this.stock = stock;
    this.coupons = coupons;
    this.refunds = refunds;
  }

  /** Unpaid: the stock is released. Paid but not shipped: the payment is refunded and the stock restored. */
  public Future<JsonObject> cancel(UUID orderId, UUID userId) {
    Actor actor = Actor.owner(userId);
    return asOwner(orderId, userId, (change, order) -> {
      OrderAction.CANCEL.check(order.status());
      return cancel(change, order, actor, "cancelled by the buyer");
    });
  }

  /** Used by the buyer's cancel and by {@link PaymentTimeouts}. */
  Future<Void> cancel(OrderChange change, LockedOrder order, Actor actor, String reason) {
    Future<?> stockBack = order.status() == OrderStatus.PAID
        ? refunds.refundOrder(change.connection(), order.id()).compose(v -> stock.restore(order.reservationId()))
        : stock.release(order.reservationId());
    return stockBack
        .compose(v -> coupons.giveBack(change.connection(), order.userCouponId()))
        .compose(v -> transitions.apply(change, order, OrderAction.CANCEL, actor,
            order.status() == OrderStatus.PAID ? reason + "; refunded" : reason));
  }

  public Future<JsonObject> confirmReceipt(UUID orderId, UUID userId) {
    Actor actor = Actor.owner(userId);
    return asOwner(orderId, userId, (change, order) -> transitions.apply(change, order, OrderAction.CONFIRM_RECEIPT,
        actor, null));
  }

  public Future<JsonObject> requestRefund(UUID orderId, UUID userId, String reason) {
    Actor actor = Actor.owner(userId);
    return asOwner(orderId, userId, (change, order) -> {
      OrderStatus to = OrderAction.REQUEST_REFUND.check(order.status());
      JsonObject refund = new JsonObject().put("status", "REQUESTED").put("reason", reason)
          .put("previousStatus", order.status().name()).put("requestedAt", OrderEvents.now());
      return transitions.apply(change, order, OrderAction.REQUEST_REFUND, to, actor, reason, null, refund);
    });
  }

  public Future<JsonObject> ship(UUID orderId, Actor actor, String carrier, String trackingNo) {
    JsonObject shipment = new JsonObject().put("carrier", carrier).put("trackingNo", trackingNo)
        .put("shippedAt", OrderEvents.now());
    return asStaff(orderId, actor, (change, order) -> transitions.apply(change, order, OrderAction.SHIP,
        OrderAction.SHIP.check(order.status()), actor, null, shipment, null));
  }

  public Future<JsonObject> deliver(UUID orderId, Actor actor) {
    return asStaff(orderId, actor, (change, order) -> transitions.apply(change, order, OrderAction.DELIVER, actor,
        null));
  }

  /** The payment goes back through its provider and the stock comes back on hand. */
  public Future<JsonObject> approveRefund(UUID orderId, Actor actor) {
    return asStaff(orderId, actor, (change, order) -> {
      OrderStatus to = OrderAction.APPROVE_REFUND.check(order.status());
      JsonObject refund = order.refund().copy().put("status", "APPROVED").put("resolvedAt", OrderEvents.now());
      return refunds.refundOrder(change.connection(), order.id())
          .compose(v -> stock.restore(order.reservationId()))
          .compose(v -> transitions.apply(change, order, OrderAction.APPROVE_REFUND, to, actor,
              order.refund().getString("reason"), null, refund));
    });
  }

  /** The order returns to where it was when the refund was requested. */
  public Future<JsonObject> rejectRefund(UUID orderId, Actor actor) {
    return asStaff(orderId, actor, (change, order) -> {
      OrderAction.REJECT_REFUND.check(order.status());
      OrderStatus back = OrderStatus.valueOf(order.refund().getString("previousStatus"));
      JsonObject refund = order.refund().copy().put("status", "REJECTED").put("resolvedAt", OrderEvents.now());
      return transitions.apply(change, order, OrderAction.REJECT_REFUND, back, actor, "refund rejected", null, refund);
    });
  }

  private Future<JsonObject> asOwner(UUID id, UUID userId, BiFunction<OrderChange, LockedOrder, Future<Void>> move) {
    return orders.inTransaction(change -> orders.lockOwned(change.connection(), id, userId)
            .compose(order -> move.apply(change, order)))
        .compose(v -> orders.get(id));
  }

  private Future<JsonObject> asStaff(UUID id, Actor actor, BiFunction<OrderChange, LockedOrder, Future<Void>> move) {
    return orders.inTransaction(change -> orders.lockForStaff(change.connection(), id, actor)
            .compose(order -> move.apply(change, order)))
        .compose(v -> orders.get(id));
  }
}
