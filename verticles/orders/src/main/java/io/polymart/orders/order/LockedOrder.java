package io.polymart.orders.order;

import io.polymart.core.money.Money;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.UUID;

/** The facts about an order that decide a transition, read with its row locked. */
public record LockedOrder(UUID id, String number, UUID userId, OrderStatus status, String reservationId, BigDecimal total,
    String currency, UUID userCouponId, UUID[] sellerIds, JsonObject refund, boolean expired) {

  static final String COLUMNS = "id, number, user_id, status, reservation_id, total::text AS total, currency, "
      + "user_coupon_id, seller_ids, refund, expires_at < now() AS expired";

  static LockedOrder from(Row row) {
    Object refund = row.getValue("refund");
    return new LockedOrder(row.getUUID("id"), row.getString("number"), row.getUUID("user_id"),
        OrderStatus.valueOf(row.getString("status")), row.getString("reservation_id"), Money.of(row.getString("total")),
        row.getString("currency"), row.getUUID("user_coupon_id"), row.getArrayOfUUIDs("seller_ids"),
        refund instanceof JsonObject json ? json : null, row.getBoolean("expired"));
  }

  public boolean soldBy(UUID sellerId) {
    return Arrays.asList(sellerIds).contains(sellerId);
  }
}
