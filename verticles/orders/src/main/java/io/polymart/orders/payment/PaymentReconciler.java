package io.polymart.orders.payment;

import io.polymart.core.sweep.Sweeper;
import io.polymart.orders.payment.PaymentRepository.Payment;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.UUID;

/**
 * Settles payments whose webhook never came (the provider gave up retrying during an outage, or the node that would
 * have received it was down) by asking their provider how they stand, and applying a settled answer through
 * {@link PaymentService} exactly as the webhook would have been applied. Only a PENDING payment changes, under the
 * same row locks as the webhook, so the webhook arriving later, or two sweeps asking at once, change nothing more.
 */
public final class PaymentReconciler {
  public static final int SWEEP_BATCH = 50;
  private static final Logger LOG = LoggerFactory.getLogger(PaymentReconciler.class);
  private final PaymentRepository payments;
  private final PaymentService service;
  private final Map<String, PaymentProvider> providers;
  private final int afterSeconds;

  /** Asks about payments pending for longer than {@code afterSeconds}, and again every {@code afterSeconds}. */
  public PaymentReconciler(PaymentRepository payments, PaymentService service, Map<String, PaymentProvider> providers,
      int afterSeconds) {
    this.payments = payments;
    this.service = service;
    this.providers = providers;
    this.afterSeconds = afterSeconds;
  }

  /**
   * The sweep: asks about up to {@code batch} payments pending too long, claimed so that sweeps elsewhere ask about
   * others; answers how many it asked about (a payment whose answer could not be had or applied is asked about again
   * later).
   */
  public Future<Integer> reconcileStale(int batch) {
    return payments.claimStale(afterSeconds, batch).compose(claimed -> Sweeper.oneByOne(claimed, payment ->
        reconcile(payment, true).transform(done -> {
          if (done.failed()) {
            LOG.warn("Could not reconcile payment {} with its provider {}: {}", payment.id(), payment.provider(),
                done.cause().toString());
          }
          return Future.succeededFuture(true);
        })));
  }

  /**
   * Asks about every pending payment of the order, however recent, and applies the settled answers: done before the
   * order is cancelled for want of payment, so that an order its provider has been paid for is never cancelled.
   * Fails when an answer could not be had or applied.
   */
  public Future<Void> reconcileOrder(UUID orderId) {
    return payments.pendingOf(orderId).compose(pending -> Sweeper.oneByOne(pending, payment ->
        reconcile(payment, false))).mapEmpty();
  }

  /**
   * Answers whether the payment was settled. A payment unknown to its provider is failed only once it is
   * {@code stale} (pending longer than the threshold): a payment just recorded may not have reached its provider yet.
   */
  private Future<Boolean> reconcile(Payment payment, boolean stale) {
    PaymentProvider provider = providers.get(payment.provider());
    if (provider == null) {
      return Future.failedFuture(new IllegalStateException("No provider " + payment.provider() + " is configured"));
    }
    return provider.retrieve(payment.intent()).compose(status -> {
      if (status.settled()) {
        return service.settle(provider, status.asEvent(payment.id())).onSuccess(settled -> {
          if (settled) {
            LOG.info("Payment {} settled without its webhook: its provider {} says {}", payment.id(), provider.name(),
                status.state());
          }
        }).map(true);
      }
      if (status.state() == ProviderStatus.State.UNKNOWN && stale) {
        return service.failUnknown(payment.id()).map(true);
      }
      return Future.succeededFuture(false);
    });
  }
}
