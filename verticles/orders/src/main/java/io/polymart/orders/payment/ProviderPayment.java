package io.polymart.orders.payment;

/** The provider's answer to a new payment: its reference, and where to send the buyer (null when nowhere). */
public record ProviderPayment(String reference, String redirectUrl) {
}
