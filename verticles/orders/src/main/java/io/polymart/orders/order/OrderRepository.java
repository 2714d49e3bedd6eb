package io.polymart.orders.order;

import io.polymart.core.bus.Paging;
import io.polymart.core.db.ReadReplicas;
import io.polymart.core.db.RecentWriters;
import io.polymart.core.db.SqlSupport;
import io.polymart.core.error.ServiceException;
import io.polymart.core.outbox.Outbox;
import io.polymart.core.outbox.OutboxTransactions;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import static io.polymart.core.db.SqlSupport.iso;

/**
 * The orders aggregate: {@code orders.orders} with its lines, history and idempotency keys, and the transaction an
 * order change runs in (with its outbox events and the buyer's live updates). Orders come back as JSON built by
 * PostgreSQL. Reads that must see the caller's own write go to the primary, the others to the read client.
 */
public final class OrderRepository {
  public static final String NOT_FOUND = "Order not found";
  private static final String SUMMARY_FIELDS = summaryFields("orders.order_items");
  private static final String HISTORY_FIELD = historyField("orders.order_history");
  private static final String PAYMENTS_FIELD = """
      , 'payments', (SELECT json_agg(json_build_object('paymentId', p.id, 'provider', p.provider,
          'method', p.method, 'status', p.status, 'amount', p.amount::text, 'currency', p.currency,
          'createdAt', %s) ORDER BY p.created_at, p.id)
        FROM orders.payments p WHERE p.order_id = o.id)""".formatted(iso("p.created_at"));
  private static final String FULL = "SELECT json_build_object(" + SUMMARY_FIELDS + HISTORY_FIELD + PAYMENTS_FIELD
      + ") AS body FROM orders.orders o WHERE o.id = $1";
  /**
   * The order, its lines, its first history entry, the idempotency key that placed it and its OrderPlaced event (whose
   * payload, $18 to $23 as {@link Outbox#addRow} adds them, gets the order's number here), in one statement that
   * answers the order as {@link #FULL} reads it: its lines and history from what the statement inserted, which its
   * own reads of the tables would not see yet.
   */
  private static final String INSERT = """
      WITH o AS (
        INSERT INTO orders.orders (id, number, user_id, status, currency, subtotal, discount, shipping_fee, total,
          coupon_code, user_coupon_id, address, note, reservation_id, seller_ids, expires_at)
        VALUES ($1, 'PM' || to_char(now() AT TIME ZONE 'UTC', 'YYYYMMDD')
            || lpad(nextval('orders.order_numbers')::text, 10, '0'),
          $2, 'PENDING_PAYMENT', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, now() + make_interval(secs => $14))
        RETURNING *),
      placed_items AS (
        INSERT INTO orders.order_items (order_id, sku_id, product_id, seller_id, code, name, attributes, image,
          unit_price, quantity, line_total)
        SELECT o.id, l."skuId", l."productId", l."sellerId", l.code, l.name, l.attributes, l.image, l."unitPrice",
          l.quantity, l."lineTotal"
        FROM o, jsonb_to_recordset($15::jsonb) AS l("skuId" uuid, "productId" uuid, "sellerId" uuid, code text,
          name text, attributes jsonb, image text, "unitPrice" numeric, quantity int, "lineTotal" numeric)
        RETURNING *),
      placed_history AS (
        INSERT INTO orders.order_history (order_id, to_status, actor, actor_id)
        SELECT id, 'PENDING_PAYMENT', 'user', user_id FROM o
        RETURNING *),
      idempotency AS (
        INSERT INTO orders.idempotency_keys (user_id, key, request_hash, order_id)
        SELECT user_id, $16, $17, id FROM o),
      placed_event AS (
        INSERT INTO orders.outbox (%s)
        SELECT $18, $19, $20, $21, jsonb_set($22::jsonb, '{data,number}', to_jsonb(o.number)), $23 FROM o)
      SELECT json_build_object(""".formatted(Outbox.COLUMNS) + summaryFields("placed_items")
      + historyField("placed_history") + PAYMENTS_FIELD + ") AS body FROM o";
  /** Buyer ($1), seller ($2) and status ($3) limits of a list; null means no limit. */
  private static final String LIST_FILTER = """
      FROM orders.orders o WHERE ($1::uuid IS NULL OR o.user_id = $1)
        AND ($2::uuid IS NULL OR o.seller_ids @> ARRAY[$2::uuid]) AND ($3::text IS NULL OR o.status = $3)""";
  private static final String LIST = "SELECT json_build_object(" + SUMMARY_FIELDS
      + ") AS body, count(*) OVER () AS total\n" + LIST_FILTER
      + "\nORDER BY o.created_at DESC, o.id DESC LIMIT $4 OFFSET $5";
  private static final String MOVE = """
      WITH moved AS (
        UPDATE orders.orders SET status = $2, updated_at = now(),
          paid_at = CASE WHEN $2 = 'PAID' THEN now() ELSE paid_at END, shipment = coalesce($3, shipment),
          refund = coalesce($4, refund)
        WHERE id = $1 RETURNING id)
      INSERT INTO orders.order_history (order_id, from_status, to_status, actor, actor_id, reason)
      SELECT id, $5, $2, $6, $7, $8 FROM moved""";
  private static final String LOCK = "SELECT " + LockedOrder.COLUMNS
      + " FROM orders.orders o WHERE o.id = $1 FOR UPDATE OF o";
  private static final String EXPIRED = """
      SELECT id FROM orders.orders WHERE status = 'PENDING_PAYMENT' AND expires_at < now()
      ORDER BY expires_at LIMIT $1""";
  private static final String LOCK_EXPIRED = "SELECT " + LockedOrder.COLUMNS + " FROM orders.orders o "
      + "WHERE o.id = $1 AND o.status = 'PENDING_PAYMENT' AND o.expires_at < now() FOR UPDATE OF o SKIP LOCKED";
  private static final String FIND_KEY = """
      SELECT order_id, request_hash FROM orders.idempotency_keys WHERE user_id = $1 AND key = $2""";

  private static final String ABANDON_KEY = """
      INSERT INTO orders.idempotency_keys (user_id, key, request_hash, order_id) VALUES ($1, $2, $3, NULL)
      ON CONFLICT (user_id, key) DO UPDATE SET key = EXCLUDED.key
      RETURNING order_id""";

  /**
   * Marks the key of a checkout that failed after reserving as placing no order, so no replay can place one on
   * stock about to be released. True when the key places no order (marked now or earlier), false when an order
   * holds it (a concurrent replay won).
   */
  public Future<Boolean> abandonIdempotencyKey(UUID userId, String key, String fingerprint) {
    return transactions.pool().preparedQuery(ABANDON_KEY).execute(Tuple.of(userId, key, fingerprint))
        .map(rows -> rows.iterator().next().getUUID("order_id") == null);
  }

  /** An earlier checkout request: the order it placed ({@code null}: it failed) and its body's fingerprint. */
  public record IdempotencyKey(UUID orderId, String fingerprint) {
  }

  private final OutboxTransactions transactions;
  private final SqlClient reads;
  private final ReadReplicas lists;
  private final RecentWriters writers;
  private final EventBus eventBus;

  /** {@code lists}: where order lists are read, a replica unless the caller is one of the recent {@code writers}. */
  public OrderRepository(OutboxTransactions transactions, SqlClient reads, ReadReplicas lists, RecentWriters writers,
      EventBus eventBus) {
    this.transactions = transactions;
    this.reads = reads;
    this.lists = lists;
    this.writers = writers;
    this.eventBus = eventBus;
  }

  /** Runs {@code work} in one transaction with its outbox events; its live updates go out once it has committed. */
  public <T> Future<T> inTransaction(Function<OrderChange, Future<T>> work) {
    return transactions.run(tx -> work.apply(new OrderChange(tx, eventBus)));
  }

  /** As {@link #inTransaction}, for a change that is one statement writing its events itself ({@link #insert}). */
  public <T> Future<T> inOneStatement(Function<OrderChange, Future<T>> work) {
    return transactions.runStatement(tx -> work.apply(new OrderChange(tx, eventBus)));
  }

  /**
   * Inserts the order, its lines, its first history entry, the idempotency key ({@code key} with the request's
   * {@code fingerprint}) that placed it and its OrderPlaced event ({@code placedEvent}, given the order's number), in
   * one statement; answers the order as {@link #get} does. Fails on {@code idempotency_keys_pkey} when a concurrent
   * request with the same key won.
   */
  public Future<JsonObject> insert(OrderChange change, NewOrder order, String key, String fingerprint,
      JsonObject placedEvent) {
    Tuple params = Tuple.from(new Object[] {order.id(), order.userId(), order.currency(),
        order.quote().subtotal(), order.quote().discount(), order.quote().shippingFee(), order.quote().total(),
        order.couponCode(), order.userCouponId(), order.address(), order.note(), order.reservationId(),
        order.sellerIds(), order.paymentTimeoutSeconds(), order.linesJson(), key, fingerprint});
    Outbox.addRow(params, change.written(order.id().toString(), "OrderPlaced", placedEvent));
    return change.connection().preparedQuery(INSERT).execute(params)
        .map(rows -> (JsonObject) rows.iterator().next().getValue("body"));
  }

  /** The checkout request this buyer sent with {@code key}, read from the primary. */
  public Future<Optional<IdempotencyKey>> idempotencyKey(UUID userId, String key) {
    return transactions.pool().preparedQuery(FIND_KEY).execute(Tuple.of(userId, key))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(new IdempotencyKey(
            rows.iterator().next().getUUID("order_id"), rows.iterator().next().getString("request_hash"))));
  }

  public Future<Optional<LockedOrder>> lock(SqlConnection tx, UUID id) {
    return tx.preparedQuery(LOCK).execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(LockedOrder.from(rows.iterator().next())));
  }

  /** Locks the caller's own order; anyone else's is as unknown as a missing one. */
  public Future<LockedOrder> lockOwned(SqlConnection tx, UUID id, UUID userId) {
    return lock(tx, id).map(order -> order.filter(o -> o.userId().equals(userId))
        .orElseThrow(() -> ServiceException.notFound(NOT_FOUND)));
  }

  /** Locks an order a staff member may act on: admins any, sellers those with their items. */
  public Future<LockedOrder> lockForStaff(SqlConnection tx, UUID id, Actor actor) {
    return lock(tx, id).map(order -> order.filter(o -> actor.isAdmin() || o.soldBy(actor.id()))
        .orElseThrow(() -> ServiceException.notFound(NOT_FOUND)));
  }

  /** Up to {@code batch} unpaid orders past their payment time, the longest expired first. */
  public Future<List<UUID>> expiredIds(int batch) {
    return transactions.pool().preparedQuery(EXPIRED).execute(Tuple.of(batch)).map(rows -> {
      List<UUID> ids = new ArrayList<>();
      for (Row row : rows) {
        ids.add(row.getUUID("id"));
      }
      return ids;
    });
  }

  /** Locks the order if it is still unpaid past its time and no one else holds it. */
  public Future<Optional<LockedOrder>> lockExpired(SqlConnection tx, UUID id) {
    return tx.preparedQuery(LOCK_EXPIRED).execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(LockedOrder.from(rows.iterator().next())));
  }

  /** Moves the order and records the move in its history; {@code shipment} and {@code refund} replace when given. */
  Future<Void> move(SqlConnection tx, LockedOrder order, OrderStatus to, Actor actor, String reason,
      JsonObject shipment, JsonObject refund) {
    return tx.preparedQuery(MOVE).execute(Tuple.from(new Object[] {order.id(), to.name(), shipment, refund,
            order.status().name(), actor.kind(), actor.id(), reason}))
        .mapEmpty();
  }

  /** The whole order, history and payments included, from the read client. */
  public Future<JsonObject> get(UUID id) {
    return get(reads, id);
  }

  /** As {@link #get}, from the primary: for the caller's own write a replica may not have yet. */
  public Future<JsonObject> getFromPrimary(UUID id) {
    return get(transactions.pool(), id);
  }

  /** The buyer's own order; anyone else's is as unknown as a missing one. */
  public Future<JsonObject> getOwned(UUID id, UUID userId) {
    return find(reads, id).map(order -> order.filter(o -> userId.toString().equals(o.getString("userId")))
        .orElseThrow(() -> ServiceException.notFound(NOT_FOUND)));
  }

  /** The whole order for an admin or a seller of one of its items. */
  public Future<JsonObject> getForStaff(UUID id, Actor actor) {
    return find(reads, id).map(order -> order.filter(o -> actor.isAdmin() || soldBy(o, actor.id()))
        .orElseThrow(() -> ServiceException.notFound(NOT_FOUND)));
  }

  /**
   * A page of orders, newest first, without their history. {@code userId} limits to a buyer, {@code sellerId} to
   * orders with that seller's items, {@code status} to one status; null means no limit. Read from a replica, a
   * moment stale, unless {@code caller} just changed something.
   */
  public Future<JsonObject> list(UUID userId, UUID sellerId, OrderStatus status, int page, int size, UUID caller) {
    return writers.read(caller, lists, sql -> list(sql, userId, sellerId, status, page, size));
  }

  private static Future<JsonObject> list(SqlClient reads, UUID userId, UUID sellerId, OrderStatus status, int page,
      int size) {
    String statusName = status == null ? null : status.name();
    Paging paging = new Paging(page, size);
    return reads.preparedQuery(LIST)
        .execute(Tuple.from(new Object[] {userId, sellerId, statusName, size, paging.offset()}))
        .compose(rows -> SqlSupport.countedPage(rows, paging, row -> row.getValue("body"),
            () -> SqlSupport.count(reads, "SELECT count(*) " + LIST_FILTER,
                Tuple.from(new Object[] {userId, sellerId, statusName}))));
  }

  /** An order's fields but its history and payments, from a row {@code o} of the orders and its {@code items}. */
  private static String summaryFields(String items) {
    return """
        'id', o.id, 'number', o.number, 'userId', o.user_id, 'status', o.status, 'currency', o.currency,
        'items', (SELECT json_agg(json_build_object('skuId', i.sku_id, 'productId', i.product_id,
            'sellerId', i.seller_id, 'code', i.code, 'name', i.name, 'attributes', i.attributes, 'image', i.image,
            'unitPrice', i.unit_price::text, 'quantity', i.quantity, 'lineTotal', i.line_total::text)
          ORDER BY i.sku_id) FROM %s i WHERE i.order_id = o.id),
        'subtotal', o.subtotal::text, 'discount', o.discount::text, 'shippingFee', o.shipping_fee::text,
        'total', o.total::text, 'coupon', CASE WHEN o.coupon_code IS NULL THEN NULL ELSE
          json_build_object('code', o.coupon_code, 'discount', o.discount::text) END,
        'address', o.address, 'note', o.note, 'expiresAt', %s,
        'createdAt', %s, 'updatedAt', %s, 'paidAt', %s, 'shipment', o.shipment, 'refund', o.refund"""
        .formatted(items, iso("o.expires_at"), iso("o.created_at"), iso("o.updated_at"), iso("o.paid_at"));
  }

  /** The order's history field, from its entries in {@code history}. */
  private static String historyField(String history) {
    return """
        , 'history', (SELECT json_agg(json_build_object('from', h.from_status, 'to', h.to_status, 'actor', h.actor,
            'actorId', h.actor_id, 'reason', h.reason, 'at', %s) ORDER BY h.id)
          FROM %s h WHERE h.order_id = o.id)""".formatted(iso("h.created_at"), history);
  }

  private Future<JsonObject> get(SqlClient sql, UUID id) {
    return find(sql, id).map(order -> order.orElseThrow(() -> ServiceException.notFound(NOT_FOUND)));
  }

  private static Future<Optional<JsonObject>> find(SqlClient sql, UUID id) {
    return sql.preparedQuery(FULL).execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of((JsonObject) rows.iterator().next()
            .getValue("body")));
  }

  private static boolean soldBy(JsonObject order, UUID sellerId) {
    return order.getJsonArray("items").stream().map(JsonObject.class::cast)
        .anyMatch(item -> sellerId.toString().equals(item.getString("sellerId")));
  }
}
