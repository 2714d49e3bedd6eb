package io.polymart.orders.payment;

import io.polymart.core.error.ServiceException;
import io.polymart.core.client.CatalogStockClient;
import io.polymart.orders.coupon.CouponRepository;
import io.polymart.orders.order.Actor;
import io.polymart.orders.order.LockedOrder;
import io.polymart.orders.order.OrderAction;
import io.polymart.orders.order.OrderChange;
import io.polymart.orders.order.OrderRepository;
import io.polymart.orders.order.OrderStatus;
import io.polymart.orders.order.Transitions;
import io.polymart.orders.payment.PaymentRepository.Payment;
import io.vertx.core.Future;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.UUID;

/**
 * Paying for an order: {@code pay} starts a payment with the provider; the provider's webhook settles it, or, when
 * the webhook never comes, the provider's answer when {@link PaymentReconciler} asks. A settled success moves the
 * order to PAID and confirms its stock; a success that arrives too late (the order was cancelled, or already paid) is
 * refunded at once. Each delivery is recorded by event id, and only a PENDING payment is settled, so a repeat, or a
 * webhook after the answer it was asked for, changes nothing.
 */
public final class PaymentService {
  private static final Logger LOG = LoggerFactory.getLogger(PaymentService.class);
  private final OrderRepository orders;
  private final PaymentRepository payments;
  private final Transitions transitions;
  private final Refunds refunds;
  private final CatalogStockClient stock;
  private final CouponRepository coupons;
  private final Map<String, PaymentProvider> providers;
  private final PaymentProvider defaultProvider;

  private final PaymentOutcomes outcomes;

  public PaymentService(OrderRepository orders, PaymentRepository payments, Transitions transitions, Refunds refunds,
      CatalogStockClient stock, CouponRepository coupons, Map<String, PaymentProvider> providers,
      PaymentProvider defaultProvider, PaymentOutcomes outcomes) {
    this.outcomes = outcomes;
    this.orders = orders;
    this.payments = payments;
    this.transitions = transitions;
    this.refunds = refunds;
    this.stock = stock;
    this.coupons = coupons;
    this.providers = providers;
    this.defaultProvider = defaultProvider;
  }

  /** Starts paying the buyer's order; the reply carries where to send the buyer. */
  public Future<JsonObject> pay(UUID orderId, UUID userId, PayRequest request) {
    String method = request.method();
    JsonObject options = request.options();
    String outcome = request.outcome();
    return orders.inTransaction(change -> orders.lockOwned(change.connection(), orderId, userId)
            .compose(order -> {
              if (order.status() != OrderStatus.PENDING_PAYMENT) {
                throw ServiceException.conflict("INVALID_TRANSITION", "Only an order awaiting payment can be paid");
              }
              if (order.expired()) {
                throw ServiceException.conflict("ORDER_EXPIRED", "The time to pay for this order has run out");
              }
              return payments.insert(change.connection(), orderId, defaultProvider.name(), method, order.total(),
                  order.currency(), outcome);
            }))
        .compose(payment -> defaultProvider.create(new PaymentIntent(payment.id(), orderId, payment.amount(),
                payment.currency(), method, options))
            .compose(started -> payments.setReference(payment.id(), started.reference())
                .map(v -> payment.toJson().put("redirectUrl", started.redirectUrl())))
            .recover(failure -> {
              LOG.warn("Payment provider {} refused payment {}: {}", payment.provider(), payment.id(), failure.toString());
              return payments.fail(payment.id()).onSuccess(v -> outcomes.failed())
                  .transform(v -> Future.failedFuture(ServiceException.unavailable()));
            }));
  }

  /** A provider's signed call: {@code providerName} from the path, the raw payload, its signature and timestamp. */
  public Future<JsonObject> webhook(String providerName, String payload, String signature, String timestamp) {
    PaymentProvider provider = providers.get(providerName);
    if (provider == null) {
      throw ServiceException.notFound("Unknown payment provider");
    }
    WebhookEvent event = provider.verify(payload, signature, timestamp);
    if (event.eventId() == null || event.eventId().isBlank() || event.eventId().length() > 200) {
      throw ServiceException.badRequest("The webhook event has no id", null);
    }
    return orders.inTransaction(change -> payments.recordWebhook(change.connection(), provider.name(), event.eventId())
            .compose(recorded -> !recorded
                ? Future.succeededFuture(new JsonObject().put("received", true).put("duplicate", true))
                : settle(change, provider, event).map(new JsonObject().put("received", true))));
  }

  /**
   * Applies what {@code provider} answered when asked about a payment whose webhook never came, exactly as that
   * webhook would have been applied; a payment settled already (by its webhook, or another sweep) is left as it is.
   * Answers whether this call settled it.
   */
  Future<Boolean> settle(PaymentProvider provider, WebhookEvent event) {
    return orders.inTransaction(change -> settle(change, provider, event));
  }

  /** Fails a payment its provider has no record of (so it can never be confirmed), unless settled meanwhile. */
  Future<Void> failUnknown(UUID paymentId) {
    return orders.inTransaction(change -> payments.lock(change.connection(), paymentId).compose(found -> {
      if (found.isEmpty() || !found.get().status().equals("PENDING")) {
        return Future.succeededFuture();
      }
      Payment payment = found.get();
      LOG.warn("Payment {} is unknown to its provider {}: marked failed", payment.id(), payment.provider());
      return orders.lock(change.connection(), payment.orderId()).compose(order -> {
        change.notifyUser(order.orElseThrow().userId().toString(), paymentUpdate(payment, "FAILED"));
        change.afterCommit(outcomes::failed);
        return payments.setStatus(change.connection(), payment.id(), "FAILED", null);
      });
    }));
  }

  /** Answers false when the payment was settled already, by an earlier event or answer. */
  private Future<Boolean> settle(OrderChange change, PaymentProvider provider, WebhookEvent event) {
    return payments.lock(change.connection(), event.paymentId()).compose(found -> {
      Payment payment = found.filter(p -> p.provider().equals(provider.name()))
          .orElseThrow(() -> ServiceException.unprocessable("UNKNOWN_PAYMENT", "No such payment"));
      return orders.lock(change.connection(), payment.orderId()).compose(locked -> {
        LockedOrder order = locked.orElseThrow();
        if (event.amount().compareTo(payment.amount()) != 0 || !payment.currency().equals(event.currency())
            || event.amount().compareTo(order.total()) != 0 || !order.currency().equals(event.currency())) {
          LOG.error("Webhook {} for payment {} says {} {} but the order is {} {}: refused", event.eventId(),
              payment.id(), event.amount(), event.currency(), order.total(), order.currency());
          throw ServiceException.unprocessable("AMOUNT_MISMATCH", "The amount or currency does not match the order");
        }
        if (!payment.status().equals("PENDING")) {
          return Future.succeededFuture(false);
        }
        if (!event.succeeded()) {
          change.notifyUser(order.userId().toString(), paymentUpdate(payment, "FAILED"));
          change.afterCommit(outcomes::failed);
          return payments.setStatus(change.connection(), payment.id(), "FAILED", null).map(true);
        }
        change.afterCommit(outcomes::succeeded);
        return payments.setStatus(change.connection(), payment.id(), "SUCCEEDED", null)
            .compose(v -> order.status() == OrderStatus.PENDING_PAYMENT
                ? capture(change, order, payment)
                : refundLate(change, payment, "the order is already " + order.status()))
            .map(true);
      });
    });
  }

  /** Confirms the stock and marks the order paid; if the stock is no longer held the order is cancelled and refunded. */
  private Future<Void> capture(OrderChange change, LockedOrder order, Payment payment) {
    return stock.confirm(order.reservationId())
        .compose(confirmed -> transitions.apply(change, order, OrderAction.PAY, Actor.PAYMENT,
            "payment " + payment.id()))
        .recover(failure -> {
          if (!(failure instanceof ReplyException reply) || reply.failureCode() != 409) {
            return Future.failedFuture(failure);
          }
          return refundLate(change, payment, "its stock is no longer reserved")
              .compose(v -> coupons.giveBack(change.connection(), order.userCouponId()))
              .compose(v -> transitions.apply(change, order, OrderAction.CANCEL, Actor.SYSTEM,
                  "paid after its stock was released; refunded"));
        });
  }

  private Future<Void> refundLate(OrderChange change, Payment payment, String why) {
    LOG.info("Payment {} succeeded but {}: refunding it", payment.id(), why);
    return refunds.refund(change.connection(), payment);
  }

  private static JsonObject paymentUpdate(Payment payment, String status) {
    return new JsonObject().put("type", "payment.status").put("orderId", payment.orderId().toString())
        .put("paymentId", payment.id().toString()).put("status", status);
  }
}
