package io.polymart.orders;

import io.polymart.core.bus.BusRequest;
import io.polymart.core.error.FieldErrors;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;

import java.util.UUID;
import java.util.function.BiFunction;

/**
 * The order lifecycle after checkout, for buyers (cancel, confirm receipt, ask for a refund) and for sellers and
 * admins (ship, deliver, approve or reject a refund). Each move locks the order row, so moves never interleave.
 */
final class LifecycleService {
  private static final int MAX_TEXT = 500;
  private final OrdersWriter writer;
  private final OrderStore orders;
  private final SqlClient reads;
  private final Transitions transitions;
  private final CatalogStock stock;
  private final CouponStore coupons;
  private final Refunds refunds;

  LifecycleService(OrdersWriter writer, OrderStore orders, SqlClient reads, Transitions transitions,
      CatalogStock stock, CouponStore coupons, Refunds refunds) {
    this.writer = writer;
    this.orders = orders;
    this.reads = reads;
    this.transitions = transitions;
    this.stock = stock;
    this.coupons = coupons;
    this.refunds = refunds;
  }

  /** Unpaid: the stock is released. Paid but not shipped: the payment is refunded and the stock restored. */
  Future<JsonObject> cancel(BusRequest request) {
    Actor actor = Actor.owner(request);
    return asOwner(request, (change, order) -> {
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

  Future<JsonObject> confirmReceipt(BusRequest request) {
    Actor actor = Actor.owner(request);
    return asOwner(request, (change, order) -> transitions.apply(change, order, OrderAction.CONFIRM_RECEIPT, actor,
        null));
  }

  Future<JsonObject> requestRefund(BusRequest request) {
    Actor actor = Actor.owner(request);
    String reason = text(request, "reason");
    return asOwner(request, (change, order) -> {
      OrderStatus to = OrderAction.REQUEST_REFUND.check(order.status());
      JsonObject refund = new JsonObject().put("status", "REQUESTED").put("reason", reason)
          .put("previousStatus", order.status().name()).put("requestedAt", OrderEvents.now());
      return transitions.apply(change, order, OrderAction.REQUEST_REFUND, to, actor, reason, null, refund);
    });
  }

  Future<JsonObject> ship(BusRequest request) {
    Actor actor = Actor.staff(request);
    String carrier = text(request, "carrier");
    String trackingNo = text(request, "trackingNo");
    JsonObject shipment = new JsonObject().put("carrier", carrier).put("trackingNo", trackingNo)
        .put("shippedAt", OrderEvents.now());
    return asStaff(request, actor, (change, order) -> transitions.apply(change, order, OrderAction.SHIP,
        OrderAction.SHIP.check(order.status()), actor, null, shipment, null));
  }

  Future<JsonObject> deliver(BusRequest request) {
    Actor actor = Actor.staff(request);
    return asStaff(request, actor, (change, order) -> transitions.apply(change, order, OrderAction.DELIVER, actor,
        null));
  }

  /** The payment goes back through its provider and the stock comes back on hand. */
  Future<JsonObject> approveRefund(BusRequest request) {
    Actor actor = Actor.staff(request);
    return asStaff(request, actor, (change, order) -> {
      OrderStatus to = OrderAction.APPROVE_REFUND.check(order.status());
      JsonObject refund = order.refund().copy().put("status", "APPROVED").put("resolvedAt", OrderEvents.now());
      return refunds.refundOrder(change.connection(), order.id())
          .compose(v -> stock.restore(order.reservationId()))
          .compose(v -> transitions.apply(change, order, OrderAction.APPROVE_REFUND, to, actor,
              order.refund().getString("reason"), null, refund));
    });
  }

  /** The order returns to where it was when the refund was requested. */
  Future<JsonObject> rejectRefund(BusRequest request) {
    Actor actor = Actor.staff(request);
    return asStaff(request, actor, (change, order) -> {
      OrderAction.REJECT_REFUND.check(order.status());
      OrderStatus back = OrderStatus.valueOf(order.refund().getString("previousStatus"));
      JsonObject refund = order.refund().copy().put("status", "REJECTED").put("resolvedAt", OrderEvents.now());
      return transitions.apply(change, order, OrderAction.REJECT_REFUND, back, actor, "refund rejected", null, refund);
    });
  }

  private Future<JsonObject> asOwner(BusRequest request, BiFunction<OrderChange, LockedOrder, Future<Void>> move) {
    UUID id = request.uuidParam("id", "Order");
    UUID userId = request.userUuid();
    return writer.inTransaction(change -> orders.lockOwned(change.connection(), id, userId)
            .compose(order -> move.apply(change, order)))
        .compose(v -> orders.get(reads, id));
  }

  private Future<JsonObject> asStaff(BusRequest request, Actor actor,
      BiFunction<OrderChange, LockedOrder, Future<Void>> move) {
    UUID id = request.uuidParam("id", "Order");
    return writer.inTransaction(change -> orders.lockForStaff(change.connection(), id, actor)
            .compose(order -> move.apply(change, order)))
        .compose(v -> orders.get(reads, id));
  }

  private static String text(BusRequest request, String field) {
    Object value = request.body().getValue(field);
    boolean valid = value instanceof String text && !text.isBlank() && text.length() <= MAX_TEXT;
    new FieldErrors().check(valid, field, "must be text of 1 to " + MAX_TEXT + " characters").throwIfAny();
    return ((String) value).trim();
  }
}
