package io.polymart.orders.payment;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code polymart_payments_total{outcome}}: payments settled, {@code succeeded} or {@code failed} (refused by the
 * provider, reported failed, or unknown to it), counted once their status is committed. The share of failures is an
 * alert.
 */
public final class PaymentOutcomes {
  private final Counter succeeded;
  private final Counter failed;

  public PaymentOutcomes(MeterRegistry registry) {
    this.succeeded = counter(registry, "succeeded");
    this.failed = counter(registry, "failed");
  }

  private static Counter counter(MeterRegistry registry, String outcome) {
    return Counter.builder("polymart.payments").description("Payments settled, by outcome").tag("outcome", outcome)
        .register(registry);
  }

  void succeeded() {
    succeeded.increment();
  }

  void failed() {
    failed.increment();
  }
}
