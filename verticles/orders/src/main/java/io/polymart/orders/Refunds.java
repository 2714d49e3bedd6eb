package io.polymart.orders;

import io.polymart.orders.payment.PaymentProvider;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;

import java.util.Map;
import java.util.UUID;

/** Gives an order's money back through the provider that took it, and records that on the payment. */
final class Refunds {
  private final PaymentStore payments;
  private final Map<String, PaymentProvider> providers;

  Refunds(PaymentStore payments, Map<String, PaymentProvider> providers) {
    this.payments = payments;
    this.providers = providers;
  }

  /** Refunds the order's captured payment; nothing to do when none was captured. */
  Future<Void> refundOrder(SqlConnection tx, UUID orderId) {
    return payments.succeeded(tx, orderId).compose(payment -> payment.isEmpty() ? Future.succeededFuture()
        : refund(tx, payment.get()));
  }

  Future<Void> refund(SqlConnection tx, PaymentStore.Payment payment) {
    return providers.get(payment.provider()).refund(payment.intent())
        .compose(reference -> payments.setStatus(tx, payment.id(), "REFUNDED", reference));
  }
}
