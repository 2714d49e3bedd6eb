package io.polymart.orders.order;

import io.polymart.core.money.Money;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.UUID;

/**
 * The facts about an order that decide a transition, read with its row locked, and its lines as its events list them
 * ({@code [{skuId, productId, sellerId, quantity, unitPrice}]}, the shape of OrderPlaced's items). Lines never change
 * once placed, so reading them in the locking statement costs no round trip and cannot go stale.
 */
public record LockedOrder(UUID id, String number, UUID userId, OrderStatus status, String reservationId, BigDecimal total,
    String currency, UUID userCouponId, UUID[] sellerIds, JsonObject refund, boolean expired, JsonArray items) {

  /** The columns of {@code orders.orders o}; lock with {@code FOR UPDATE OF o} so the lines are only read. */
  static final String COLUMNS = """
      o.id, o.number, o.user_id, o.status, o.reservation_id, o.total::text AS total, o.currency, o.user_coupon_id,
      o.seller_ids, o.refund, o.expires_at < now() AS expired,
      (SELECT json_agg(json_build_object('skuId', i.sku_id, 'productId', i.product_id, 'sellerId', i.seller_id,
          'quantity', i.quantity, 'unitPrice', i.unit_price::text) ORDER BY i.sku_id)
        FROM orders.order_items i WHERE i.order_id = o.id) AS items""";

  static LockedOrder from(Row row) {
    Object refund = row.getValue("refund");
    return new LockedOrder(row.getUUID("id"), row.getString("number"), row.getUUID("user_id"),
        OrderStatus.valueOf(row.getString("status")), row.getString("reservation_id"), Money.of(row.getString("total")),
        row.getString("currency"), row.getUUID("user_coupon_id"), row.getArrayOfUUIDs("seller_ids"),
        refund instanceof JsonObject json ? json : null, row.getBoolean("expired"), row.getJsonArray("items"));
  }

  public boolean soldBy(UUID sellerId) {
    return Arrays.asList(sellerIds).contains(sellerId);
  }
}
