package io.polymart.orders.payment;

import java.math.BigDecimal;
import java.util.UUID;

/** A verified provider callback: {@code succeeded} or not, for which payment, of how much. */
public record WebhookEvent(String eventId, UUID paymentId, boolean succeeded, BigDecimal amount, String currency) {
}
