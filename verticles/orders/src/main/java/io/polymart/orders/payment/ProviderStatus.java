package io.polymart.orders.payment;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * How a payment stands at its provider when asked ({@link PaymentProvider#retrieve}): still {@code PENDING}, settled
 * ({@code SUCCEEDED} or {@code FAILED}, of {@code amount} in {@code currency}), or {@code UNKNOWN} to the provider.
 */
public record ProviderStatus(State state, BigDecimal amount, String currency) {

  public enum State { PENDING, SUCCEEDED, FAILED, UNKNOWN }

  public static ProviderStatus pending() {
    return new ProviderStatus(State.PENDING, null, null);
  }

  public static ProviderStatus unknown() {
    return new ProviderStatus(State.UNKNOWN, null, null);
  }

  public static ProviderStatus settled(boolean succeeded, BigDecimal amount, String currency) {
    return new ProviderStatus(succeeded ? State.SUCCEEDED : State.FAILED, amount, currency);
  }

  public boolean settled() {
    return state == State.SUCCEEDED || state == State.FAILED;
  }

  /** A settled answer as the event its webhook would have carried, so that it is applied the same way. */
  WebhookEvent asEvent(UUID paymentId) {
    if (!settled()) {
      throw new IllegalStateException("Payment " + paymentId + " is not settled: " + state);
    }
    return new WebhookEvent("retrieved:" + paymentId, paymentId, state == State.SUCCEEDED, amount, currency);
  }
}
