package io.polymart.orders.payment;

import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.util.UUID;

/** A payment as a provider sees it; {@code options} are provider-specific (the sandbox reads its outcome there). */
public record PaymentIntent(UUID paymentId, UUID orderId, BigDecimal amount, String currency, String method,
    JsonObject options) {
}
