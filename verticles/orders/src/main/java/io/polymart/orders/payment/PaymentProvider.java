package io.polymart.orders.payment;

import io.vertx.core.Future;

/**
 * A payment gateway. Payments are confirmed asynchronously: the provider calls
 * {@code POST /api/v1/payments/webhook/<name>}, and {@link #verify} turns that call into a trusted event. When that
 * call never comes, {@link #retrieve} asks the provider instead.
 */
public interface PaymentProvider {

  String name();

  /** Starts collecting {@code payment}; answers what the client needs to complete it. */
  Future<ProviderPayment> create(PaymentIntent payment);

  /**
   * Checks that a webhook call comes from the provider and is fresh, and parses it; throws a 400
   * {@code INVALID_SIGNATURE} otherwise.
   */
  WebhookEvent verify(String payload, String signature, String timestamp);

  /**
   * Asks the provider how the payment stands now (what real gateways call "retrieve a payment intent"): for a payment
   * whose webhook never came, so that it is settled all the same.
   */
  Future<ProviderStatus> retrieve(PaymentIntent payment);

  /** Gives the payment's money back; idempotent per payment. Answers the provider's refund reference. */
  Future<String> refund(PaymentIntent payment);
}
