package io.polymart.orders;

import io.polymart.core.error.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.Optional;
import java.util.UUID;

import static io.polymart.core.db.SqlSupport.iso;

/** The {@code orders.orders} table with its lines and history. Orders come back as JSON built by PostgreSQL. */
final class OrderStore {
  static final String NOT_FOUND = "Order not found";
  private static final String SUMMARY_FIELDS = "'id', o.id, 'number', o.number, 'userId', o.user_id, "
      + "'status', o.status, 'currency', o.currency, "
      + "'items', (SELECT json_agg(json_build_object('skuId', i.sku_id, 'productId', i.product_id, "
      + "'sellerId', i.seller_id, 'code', i.code, 'name', i.name, 'attributes', i.attributes, 'image', i.image, "
      + "'unitPrice', i.unit_price::text, 'quantity', i.quantity, 'lineTotal', i.line_total::text) "
      + "ORDER BY i.sku_id) FROM orders.order_items i WHERE i.order_id = o.id), "
      + "'subtotal', o.subtotal::text, 'discount', o.discount::text, 'shippingFee', o.shipping_fee::text, "
      + "'total', o.total::text, 'coupon', CASE WHEN o.coupon_code IS NULL THEN NULL ELSE "
      + "json_build_object('code', o.coupon_code, 'discount', o.discount::text) END, "
      + "'address', o.address, 'note', o.note, 'expiresAt', " + iso("o.expires_at") + ", "
      + "'createdAt', " + iso("o.created_at") + ", 'updatedAt', " + iso("o.updated_at") + ", "
      + "'paidAt', " + iso("o.paid_at") + ", 'shipment', o.shipment, 'refund', o.refund";
  private static final String HISTORY_FIELD = ", 'history', (SELECT json_agg(json_build_object('from', h.from_status, "
      + "'to', h.to_status, 'actor', h.actor, 'actorId', h.actor_id, 'reason', h.reason, "
      + "'at', " + iso("h.created_at") + ") ORDER BY h.id) FROM orders.order_history h WHERE h.order_id = o.id)";
  private static final String PAYMENTS_FIELD = ", 'payments', (SELECT json_agg(json_build_object('paymentId', p.id, "
      + "'provider', p.provider, 'method', p.method, 'status', p.status, 'amount', p.amount::text, "
      + "'currency', p.currency, 'createdAt', " + iso("p.created_at") + ") ORDER BY p.created_at, p.id) "
      + "FROM orders.payments p WHERE p.order_id = o.id)";
  private static final String FULL = "SELECT json_build_object(" + SUMMARY_FIELDS + HISTORY_FIELD + PAYMENTS_FIELD
      + ") AS body FROM orders.orders o WHERE o.id = $1";
  private static final String INSERT = "WITH o AS (INSERT INTO orders.orders (id, number, user_id, status, currency, "
      + "subtotal, discount, shipping_fee, total, coupon_code, user_coupon_id, address, note, reservation_id, "
      + "seller_ids, expires_at) VALUES ($1, 'PM' || to_char(now() AT TIME ZONE 'UTC', 'YYYYMMDD') || "
      + "lpad(nextval('orders.order_numbers')::text, 10, '0'), $2, 'PENDING_PAYMENT', $3, $4, $5, $6, $7, $8, $9, "
      + "$10, $11, $12, $13, now() + make_interval(secs => $14)) RETURNING id, user_id, number), "
      + "lines AS (INSERT INTO orders.order_items (order_id, sku_id, product_id, seller_id, code, name, attributes, "
      + "image, unit_price, quantity, line_total) SELECT o.id, l.\"skuId\", l.\"productId\", l.\"sellerId\", l.code, "
      + "l.name, l.attributes, l.image, l.\"unitPrice\", l.quantity, l.\"lineTotal\" FROM o, jsonb_to_recordset($15::jsonb) "
      + "AS l(\"skuId\" uuid, \"productId\" uuid, \"sellerId\" uuid, code text, name text, attributes jsonb, "
      + "image text, \"unitPrice\" numeric, quantity int, \"lineTotal\" numeric)), "
      + "history AS (INSERT INTO orders.order_history (order_id, to_status, actor, actor_id) "
      + "SELECT id, 'PENDING_PAYMENT', 'user', user_id FROM o) "
      + "SELECT number FROM o";
  /** Buyer ($1), seller ($2) and status ($3) limits of a list; null means no limit. */
  private static final String LIST_FILTER = "FROM orders.orders o WHERE ($1::uuid IS NULL OR o.user_id = $1) "
      + "AND ($2::uuid IS NULL OR o.seller_ids @> ARRAY[$2::uuid]) AND ($3::text IS NULL OR o.status = $3)";
  private static final String MOVE = "WITH moved AS (UPDATE orders.orders SET status = $2, updated_at = now(), "
      + "paid_at = CASE WHEN $2 = 'PAID' THEN now() ELSE paid_at END, shipment = coalesce($3, shipment), "
      + "refund = coalesce($4, refund) WHERE id = $1 RETURNING id) "
      + "INSERT INTO orders.order_history (order_id, from_status, to_status, actor, actor_id, reason) "
      + "SELECT id, $5, $2, $6, $7, $8 FROM moved";

  /** Inserts the order, its lines and its first history entry in one statement; answers its number. */
  Future<String> insert(SqlConnection tx, NewOrder order) {
    return tx.preparedQuery(INSERT).execute(Tuple.from(new Object[] {order.id(), order.userId(), order.currency(),
            order.quote().subtotal(), order.quote().discount(), order.quote().shippingFee(), order.quote().total(),
            order.couponCode(), order.userCouponId(), order.address(), order.note(), order.reservationId(),
            order.sellerIds(), order.paymentTimeoutSeconds(), order.linesJson()}))
        .map(rows -> rows.iterator().next().getString("number"));
  }

  Future<Optional<LockedOrder>> lock(SqlConnection tx, UUID id) {
    return tx.preparedQuery("SELECT " + LockedOrder.COLUMNS + " FROM orders.orders WHERE id = $1 FOR UPDATE")
        .execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(LockedOrder.from(rows.iterator().next())));
  }

  /** Locks the caller's own order; anyone else's is as unknown as a missing one. */
  Future<LockedOrder> lockOwned(SqlConnection tx, UUID id, UUID userId) {
    return lock(tx, id).map(order -> order.filter(o -> o.userId().equals(userId))
        .orElseThrow(() -> ServiceException.notFound(NOT_FOUND)));
  }

  /** Locks an order a staff member may act on: admins any, sellers those with their items. */
  Future<LockedOrder> lockForStaff(SqlConnection tx, UUID id, Actor actor) {
    return lock(tx, id).map(order -> order.filter(o -> actor.isAdmin() || o.soldBy(actor.id()))
        .orElseThrow(() -> ServiceException.notFound(NOT_FOUND)));
  }

  /** Moves the order and records the move in its history; {@code shipment} and {@code refund} replace when given. */
  Future<Void> move(SqlConnection tx, LockedOrder order, OrderStatus to, Actor actor, String reason,
      JsonObject shipment, JsonObject refund) {
    return tx.preparedQuery(MOVE).execute(Tuple.from(new Object[] {order.id(), to.name(), shipment, refund,
            order.status().name(), actor.kind(), actor.id(), reason}))
        .mapEmpty();
  }

  Future<Optional<JsonObject>> find(SqlClient sql, UUID id) {
    return sql.preparedQuery(FULL).execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of((JsonObject) rows.iterator().next()
            .getValue("body")));
  }

  Future<JsonObject> get(SqlClient sql, UUID id) {
    return find(sql, id).map(order -> order.orElseThrow(() -> ServiceException.notFound(NOT_FOUND)));
  }

  /**
   * A page of orders, newest first, without their history. {@code userId} limits to a buyer, {@code sellerId} to
   * orders with that seller's items, {@code status} to one status; null means no limit.
   */
  Future<JsonObject> list(SqlClient sql, UUID userId, UUID sellerId, OrderStatus status, int page, int size) {
    return sql.preparedQuery("SELECT json_build_object(" + SUMMARY_FIELDS + ") AS body, count(*) OVER () AS total "
            + LIST_FILTER + " ORDER BY o.created_at DESC, o.id DESC LIMIT $4 OFFSET $5")
        .execute(Tuple.from(new Object[] {userId, sellerId, status == null ? null : status.name(), size,
            (page - 1) * size}))
        .compose(rows -> {
          JsonArray items = new JsonArray();
          long total = -1;
          for (Row row : rows) {
            items.add(row.getValue("body"));
            total = row.getLong("total");
          }
          if (total >= 0 || page == 1) {
            return Future.succeededFuture(pageOf(items, Math.max(total, 0), page, size));
          }
          // past the last page: the window function saw no rows, so count separately
          return sql.preparedQuery("SELECT count(*) " + LIST_FILTER)
              .execute(Tuple.from(new Object[] {userId, sellerId, status == null ? null : status.name()}))
              .map(count -> pageOf(items, count.iterator().next().getLong(0), page, size));
        });
  }

  private static JsonObject pageOf(JsonArray items, long total, int page, int size) {
    return new JsonObject().put("items", items).put("total", total).put("page", page).put("size", size);
  }
}
