package io.polymart.orders.payment;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;

import java.util.Map;
import java.util.UUID;

/** Gives an order's money back through the provider that took it, and records that on the payment. */
public final class Refunds {
  private final PaymentRepository payments;
  private final Map<String, PaymentProvider> providers;

  public Refunds(PaymentRepository payments, Map<String, PaymentProvider> providers) {
    this.payments = payments;
    this.providers = providers;
  }

  /** Refunds the order's captured payment; nothing to do when none was captured. */
  public Future<Void> refundOrder(SqlConnection tx, UUID orderId) {
    return payments.succeeded(tx, orderId).compose(payment -> payment.isEmpty() ? Future.succeededFuture()
        : refund(tx, payment.get()));
  }

  Future<Void> refund(SqlConnection tx, PaymentRepository.Payment payment) {
    return providers.get(payment.provider()).refund(payment.intent())
        .compose(reference -> payments.setStatus(tx, payment.id(), "REFUNDED", reference));
  }
}
