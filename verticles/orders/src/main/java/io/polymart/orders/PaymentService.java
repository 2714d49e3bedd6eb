package io.polymart.orders;

import io.polymart.core.bus.BusRequest;
import io.polymart.core.error.FieldErrors;
import io.polymart.core.error.ServiceException;
import io.polymart.orders.payment.PaymentIntent;
import io.polymart.orders.payment.PaymentProvider;
import io.polymart.orders.payment.WebhookEvent;
import io.vertx.core.Future;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Paying for an order: {@code pay} starts a payment with the provider; the provider's webhook settles it. A settled
 * success moves the order to PAID and confirms its stock; a success that arrives too late (the order was cancelled,
 * or already paid) is refunded at once. Each delivery is recorded by event id, so a repeat changes nothing.
 */
final class PaymentService {
  private static final Logger LOG = LoggerFactory.getLogger(PaymentService.class);
  private static final Set<String> METHODS = Set.of("card", "wallet", "bank_transfer");
  private static final Set<String> OUTCOMES = Set.of("success", "failure", "delay");
  private static final int MAX_DELAY_SECONDS = 600;
  private final OrdersWriter writer;
  private final OrderStore orders;
  private final PaymentStore payments;
  private final Transitions transitions;
  private final Refunds refunds;
  private final CatalogStock stock;
  private final CouponStore coupons;
  private final Map<String, PaymentProvider> providers;
  private final PaymentProvider defaultProvider;

  PaymentService(OrdersWriter writer, OrderStore orders, PaymentStore payments, Transitions transitions,
      Refunds refunds, CatalogStock stock, CouponStore coupons, Map<String, PaymentProvider> providers,
      PaymentProvider defaultProvider) {
    this.writer = writer;
    this.orders = orders;
    this.payments = payments;
    this.transitions = transitions;
    this.refunds = refunds;
    this.stock = stock;
    this.coupons = coupons;
    this.providers = providers;
    this.defaultProvider = defaultProvider;
  }

  Future<JsonObject> pay(BusRequest request) {
    UUID orderId = request.uuidParam("id", "Order");
    JsonObject body = request.body();
    String method = body.getValue("method") instanceof String text ? text : null;
    JsonObject options = body.getValue("sandbox") instanceof JsonObject sandbox ? sandbox : new JsonObject();
    FieldErrors errors = new FieldErrors();
    errors.check(method != null && METHODS.contains(method), "method", "must be one of " + METHODS);
    errors.check(body.getValue("sandbox") == null || body.getValue("sandbox") instanceof JsonObject, "sandbox",
        "must be an object");
    errors.check(options.getValue("outcome") == null || OUTCOMES.contains(options.getValue("outcome")),
        "sandbox.outcome", "must be one of " + OUTCOMES);
    Object delay = options.getValue("delaySeconds");
    errors.check(delay == null || delay instanceof Integer seconds && seconds >= 0 && seconds <= MAX_DELAY_SECONDS,
        "sandbox.delaySeconds", "must be from 0 to " + MAX_DELAY_SECONDS);
    errors.throwIfAny();
    String outcome = options.getString("outcome", "success");
    return writer.inTransaction(change -> orders.lockOwned(change.connection(), orderId, request.userUuid())
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
            .compose(started -> payments.setReference(writer.pool(), payment.id(), started.reference())
                .map(v -> payment.toJson().put("redirectUrl", started.redirectUrl())))
            .recover(failure -> {
              LOG.warn("Payment provider {} refused payment {}: {}", payment.provider(), payment.id(), failure.toString());
              return writer.pool().withTransaction(tx -> payments.setStatus(tx, payment.id(), "FAILED", null))
                  .transform(v -> Future.failedFuture(ServiceException.unavailable()));
            }));
  }

  Future<JsonObject> webhook(BusRequest request) {
    JsonObject body = request.body();
    PaymentProvider provider = providers.get(body.getString("provider"));
    if (provider == null) {
      throw ServiceException.notFound("Unknown payment provider");
    }
    WebhookEvent event = provider.verify(body.getString("payload"), body.getString("signature"),
        body.getString("timestamp"));
    if (event.eventId() == null || event.eventId().isBlank() || event.eventId().length() > 200) {
      throw ServiceException.badRequest("The webhook event has no id", null);
    }
    return writer.inTransaction(change -> change.connection().preparedQuery("INSERT INTO orders.webhook_events "
                + "(provider, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING")
            .execute(Tuple.of(provider.name(), event.eventId()))
            .compose(recorded -> recorded.rowCount() == 0
                ? Future.succeededFuture(new JsonObject().put("received", true).put("duplicate", true))
                : settle(change, provider, event).map(new JsonObject().put("received", true))));
  }

  private Future<Void> settle(OrderChange change, PaymentProvider provider, WebhookEvent event) {
    return payments.lock(change.connection(), event.paymentId()).compose(found -> {
      PaymentStore.Payment payment = found.filter(p -> p.provider().equals(provider.name()))
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
          return Future.succeededFuture(); // settled by an earlier event
        }
        if (!event.succeeded()) {
          change.notifyUser(order.userId().toString(), paymentUpdate(payment, "FAILED"));
          return payments.setStatus(change.connection(), payment.id(), "FAILED", null);
        }
        return payments.setStatus(change.connection(), payment.id(), "SUCCEEDED", null)
            .compose(v -> order.status() == OrderStatus.PENDING_PAYMENT
                ? capture(change, order, payment)
                : refundLate(change, payment, "the order is already " + order.status()));
      });
    });
  }

  /** Confirms the stock and marks the order paid; if the stock is no longer held the order is cancelled and refunded. */
  private Future<Void> capture(OrderChange change, LockedOrder order, PaymentStore.Payment payment) {
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

  private Future<Void> refundLate(OrderChange change, PaymentStore.Payment payment, String why) {
    LOG.info("Payment {} succeeded but {}: refunding it", payment.id(), why);
    return refunds.refund(change.connection(), payment);
  }

  private static JsonObject paymentUpdate(PaymentStore.Payment payment, String status) {
    return new JsonObject().put("type", "payment.status").put("orderId", payment.orderId().toString())
        .put("paymentId", payment.id().toString()).put("status", status);
  }
}
