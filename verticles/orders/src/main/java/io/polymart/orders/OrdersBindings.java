package io.polymart.orders;

import io.polymart.core.bus.BusRequest;
import io.polymart.core.bus.BusServer;
import io.polymart.core.bus.Paging;
import io.polymart.core.db.RecentWriters;
import io.polymart.core.error.FieldErrors;
import io.polymart.core.error.ServiceException;
import io.polymart.orders.checkout.CheckoutRequest;
import io.polymart.orders.checkout.CheckoutService;
import io.polymart.core.audit.AuditActor;
import io.polymart.orders.coupon.CouponService;
import io.polymart.orders.coupon.NewCoupon;
import io.polymart.orders.lifecycle.LifecycleService;
import io.polymart.orders.order.Actor;
import io.polymart.orders.order.OrderRepository;
import io.polymart.orders.order.SalesReport;
import io.polymart.orders.order.OrderStatus;
import io.polymart.orders.payment.PayRequest;
import io.polymart.orders.payment.PaymentService;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.Arrays;
import java.util.UUID;
import java.util.function.Function;

import static io.polymart.core.bus.Addresses.*;

/**
 * The orders addresses: each binding reads the request envelope (path, query, body, caller) into typed arguments
 * and calls the service. Arguments are read in the order the checks used to run, so a request with several faults
 * still gets the same error.
 */
final class OrdersBindings {
  private static final int MAX_TEXT = 500;
  private static final int SALES_DAYS = 30;
  private static final int MAX_SALES_DAYS = 90;
  private final CheckoutService checkout;
  private final OrderRepository orders;
  private final LifecycleService lifecycle;
  private final PaymentService payments;
  private final CouponService coupons;
  private final RecentWriters writers;
  private final SalesReport sales;

  OrdersBindings(CheckoutService checkout, OrderRepository orders, LifecycleService lifecycle,
      PaymentService payments, CouponService coupons, RecentWriters writers, SalesReport sales) {
    this.sales = sales;
    this.writers = writers;
    this.checkout = checkout;
    this.orders = orders;
    this.lifecycle = lifecycle;
    this.payments = payments;
    this.coupons = coupons;
  }

  BusServer bind(BusServer server) {
    return server
        .handle(ORDERS_PLACE, own(request -> checkout.place(CheckoutRequest.from(request))))
        .handle(ORDERS_LIST, this::list)
        .handle(ORDERS_GET, request -> orders.getOwned(orderId(request), request.userUuid()))
        .handle(ORDERS_CANCEL, own(request -> {
          UUID userId = request.userUuid();
          return lifecycle.cancel(orderId(request), userId);
        }))
        .handle(ORDERS_CONFIRM_RECEIPT, own(request -> {
          UUID userId = request.userUuid();
          return lifecycle.confirmReceipt(orderId(request), userId);
        }))
        .handle(ORDERS_REFUND_REQUEST, own(request -> {
          UUID userId = request.userUuid();
          String reason = text(request, "reason");
          return lifecycle.requestRefund(orderId(request), userId, reason);
        }))
        .handle(ORDERS_PAY, own(request -> {
          UUID orderId = orderId(request);
          PayRequest pay = PayRequest.from(request.body());
          return payments.pay(orderId, request.userUuid(), pay);
        }))
        .handle(ORDERS_ADMIN_LIST, this::staffList)
        .handle(ORDERS_ADMIN_SALES, request -> {
          Actor actor = staff(request);
          return sales.daily(request.intQuery("days", SALES_DAYS, 1, MAX_SALES_DAYS), actor.isAdmin() ? null : actor.id());
        })
        .handle(ORDERS_ADMIN_GET, request -> {
          UUID orderId = orderId(request);
          return orders.getForStaff(orderId, staff(request));
        })
        .handle(ORDERS_ADMIN_SHIP, own(request -> {
          Actor actor = staff(request);
          String carrier = text(request, "carrier");
          String trackingNo = text(request, "trackingNo");
          return lifecycle.ship(orderId(request), actor, carrier, trackingNo);
        }))
        .handle(ORDERS_ADMIN_DELIVER, own(request -> {
          Actor actor = staff(request);
          return lifecycle.deliver(orderId(request), actor);
        }))
        .handle(ORDERS_ADMIN_REFUND_APPROVE, own(request -> {
          Actor actor = staff(request);
          return lifecycle.approveRefund(orderId(request), actor);
        }))
        .handle(ORDERS_ADMIN_REFUND_REJECT, own(request -> {
          Actor actor = staff(request);
          return lifecycle.rejectRefund(orderId(request), actor);
        }))
        .handle(ORDERS_PAYMENT_WEBHOOK, request -> {
          JsonObject body = request.body();
          return payments.webhook(body.getString("provider"), body.getString("payload"), body.getString("signature"),
              body.getString("timestamp"));
        })
        .handle(COUPONS_CREATE, request -> {
          request.requireRole("admin");
          NewCoupon coupon = NewCoupon.from(request.body());
          return coupons.create(coupon, AuditActor.of(request));
        })
        .handle(COUPONS_LIST, request -> {
          request.requireRole("admin");
          return coupons.list(Paging.from(request));
        })
        .handle(COUPONS_CLAIM, request -> coupons.claim(request.param("code"), request.userUuid()))
        .handle(COUPONS_MINE, request -> coupons.mine(request.userUuid()));
  }

  private Future<JsonObject> list(BusRequest request) {
    Paging paging = Paging.from(request);
    return orders.list(request.userUuid(), null, status(request), paging.page(), paging.size(), request.userUuid());
  }

  private Future<JsonObject> staffList(BusRequest request) {
    Paging paging = Paging.from(request);
    Actor actor = staff(request);
    return orders.list(null, actor.isAdmin() ? null : actor.id(), status(request), paging.page(), paging.size(),
        request.userUuid());
  }

  /** A change made by the caller: their next reads (order lists) come from the primary for a while. */
  private Function<BusRequest, Future<JsonObject>> own(Function<BusRequest, Future<JsonObject>> change) {
    return writers.marking(change);
  }

  private static UUID orderId(BusRequest request) {
    return request.uuidParam("id", "Order");
  }

  /** Staff routes are open to sellers and admins; an admin acts as admin even when also a seller. */
  private static Actor staff(BusRequest request) {
    return Actor.staff(AuditActor.of(request), request.roles().contains("admin"));
  }

  private static OrderStatus status(BusRequest request) {
    return request.query("status").map(value -> Arrays.stream(OrderStatus.values())
            .filter(status -> status.name().equals(value)).findFirst()
            .orElseThrow(() -> ServiceException.invalidField("status", "must be one of "
                + Arrays.toString(OrderStatus.values()))))
        .orElse(null);
  }

  private static String text(BusRequest request, String field) {
    Object value = request.body().getValue(field);
    boolean valid = value instanceof String text && !text.isBlank() && text.length() <= MAX_TEXT;
    new FieldErrors().check(valid, field, "must be text of 1 to " + MAX_TEXT + " characters").throwIfAny();
    return ((String) value).trim();
  }
}
