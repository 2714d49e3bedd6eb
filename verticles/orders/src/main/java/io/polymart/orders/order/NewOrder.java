package io.polymart.orders.order;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.UUID;

/** Everything checkout writes for a new order. */
public record NewOrder(UUID id, UUID userId, String currency, Quote quote, String couponCode, UUID userCouponId,
    JsonObject address, String note, String reservationId, UUID[] sellerIds, int paymentTimeoutSeconds,
    JsonArray linesJson) {
}
