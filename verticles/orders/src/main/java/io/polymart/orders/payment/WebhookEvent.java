package io.polymart.orders.payment;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A provider's trusted word on a payment: {@code succeeded} or not, for which payment, of how much. It comes from a
 * verified webhook call, or from asking the provider when the webhook never came ({@link ProviderStatus#asEvent}).
 */
public record WebhookEvent(String eventId, UUID paymentId, boolean succeeded, BigDecimal amount, String currency) {
}
