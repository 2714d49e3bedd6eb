package io.polymart.catalog.inventory;

import io.polymart.catalog.change.Change;
import io.polymart.core.tracing.TraceContexts;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static io.polymart.core.db.SqlSupport.iso;

/** Reservations in {@code catalog.reservations} and their lines, with what they did to products' sales. */
public final class ReservationRepository {
  /** A line as the stock contract answers it, from a row {@code l} of {@code catalog.reservation_lines}. */
  private static final String LINE = """
      json_build_object('skuId', l.sku_id, 'productId', l.product_id, 'sellerId', l.snapshot->>'sellerId',
      'code', l.snapshot->>'code',
      'name', l.snapshot->>'name', 'attributes', l.snapshot->'attributes', 'image', l.snapshot->>'image',
      'unitPrice', l.unit_price::text, 'quantity', l.quantity)""";
  private static final String STORED = """
      SELECT r.status, %s AS expires_at, coalesce((SELECT json_agg(%s ORDER BY l.sku_id)
      FROM catalog.reservation_lines l WHERE l.reservation_id = r.id), '[]'::json) AS lines
      FROM catalog.reservations r WHERE r.id = $1""".formatted(iso("r.expires_at"), LINE);
  /** The reservation, as a data-modifying {@code WITH} query: no row when one with its id exists already. */
  private static final String RESERVATION = """
      r AS (
        INSERT INTO catalog.reservations (id, status, expires_at)
        VALUES ($1, 'RESERVED', now() + make_interval(secs => $2))
        ON CONFLICT (id) DO NOTHING RETURNING id, status, expires_at)""";
  /** Its lines, each with its SKU's price and a snapshot of what it was. */
  private static final String LINES = """
      l AS (
        INSERT INTO catalog.reservation_lines (reservation_id, sku_id, product_id, quantity, unit_price, snapshot)
        SELECT r.id, s.id, s.product_id, q.quantity, s.price, json_build_object('code', s.code,
          'name', p.name, 'sellerId', p.seller_id, 'attributes', s.attributes,
          'image', (SELECT $5 || im.thumbnail_key
          FROM catalog.product_images im WHERE im.product_id = p.id AND im.cover))
        FROM r CROSS JOIN catalog.sku_quantities($3, $4) AS q
        JOIN catalog.skus s ON s.id = q.sku_id JOIN catalog.products p ON p.id = s.product_id
        RETURNING sku_id, product_id, quantity, unit_price, snapshot)""";
  /** The reservation as {@link #STORED} answers it, from {@code r} and {@code l}. */
  private static final String ANSWER = """
      SELECT r.status, %s AS expires_at, coalesce((SELECT json_agg(%s ORDER BY l.sku_id) FROM l), '[]'::json)
        AS lines""".formatted(iso("r.expires_at"), LINE);
  /**
   * The reservation and its lines, in one statement that answers them as {@link #STORED} does; no row when the
   * reservation exists already.
   */
  private static final String INSERT = "WITH " + RESERVATION + ",\n" + LINES + "\n" + ANSWER + "\nFROM r";
  /**
   * {@link #INSERT} with the stock it reserves, its log and its events: each line's stock is reserved by an update
   * whose condition is that the SKU and its product are for sale and the units available (checked again on the
   * newest row by PostgreSQL, should another transaction have changed it meanwhile), so a line that falls short is
   * not moved, and then {@code reservation_short()} fails the whole statement. The rows are locked in the order of
   * the ids given (an index lookup each, {@code sku_quantities} being taken for one row), which is PostgreSQL's order
   * of the ids, as {@link InventoryRepository#lock} locks them. The events' payloads ($6, $7: StockChanged and
   * LowStock of each SKU, from {@link Change#payload}) get the product's id and the levels the update left;
   * LowStock only when the SKU falls below its threshold ({@link StockEvents#fallsBelow}). Answers {@code moved}:
   * the product and whether LowStock was written, per SKU.
   */
  private static final String RESERVE = "WITH " + RESERVATION + ",\n" + LINES + ",\n" + """
      moved AS (
        UPDATE catalog.inventory i SET reserved = i.reserved + q.quantity
        FROM catalog.sku_quantities($3, $4) AS q
        JOIN catalog.skus s ON s.id = q.sku_id JOIN catalog.products p ON p.id = s.product_id
        WHERE i.sku_id = q.sku_id AND s.status = 'ACTIVE' AND p.status = 'ACTIVE'
          AND i.on_hand - i.reserved >= q.quantity AND EXISTS (SELECT FROM r)
        RETURNING i.sku_id, s.product_id, q.quantity, i.on_hand, i.reserved, s.low_stock_threshold,
          i.on_hand - i.reserved < s.low_stock_threshold
            AND i.on_hand - i.reserved + q.quantity >= s.low_stock_threshold AS low_stock),
      logged AS (
        INSERT INTO catalog.inventory_log (sku_id, on_hand_delta, reserved_delta, on_hand_after, reserved_after,
          reason, reference)
        SELECT sku_id, 0, quantity, on_hand, reserved, $8, $1 FROM moved),
      events AS (
        INSERT INTO catalog.outbox (topic, aggregate_id, event_id, event_type, payload, trace_context)
        SELECT $9, m.product_id::text, (x.payload->>'id')::uuid, x.payload->>'type',
          x.payload || jsonb_build_object('aggregateId', m.product_id::text, 'data', (x.payload->'data') || (
            SELECT coalesce(jsonb_object_agg(f.key, f.value), '{}') FROM jsonb_each(jsonb_build_object(
              'productId', m.product_id::text, 'onHand', m.on_hand, 'reserved', m.reserved,
              'available', m.on_hand - m.reserved, 'threshold', m.low_stock_threshold)) f
            WHERE x.payload->'data' ? f.key)), $10
        FROM moved m JOIN catalog.sku_events($3, $6, $7) e ON e.sku_id = m.sku_id
        CROSS JOIN LATERAL (VALUES (1, e.stock_changed), (2, CASE WHEN m.low_stock THEN e.low_stock END))
          AS x(seq, payload)
        WHERE x.payload IS NOT NULL ORDER BY m.sku_id, x.seq)
      """ + ANSWER + """
      ,
        (SELECT json_agg(json_build_object('productId', m.product_id, 'lowStock', m.low_stock)) FROM moved m)
          AS moved,
        CASE WHEN (SELECT count(*) FROM moved) < cardinality($3) THEN catalog.reservation_short() END AS short
      FROM r""";
  /** Its statements over the length Vert.x caches prepared statements up to by default (see PgSettings#pool). */
  public static final Set<String> LONG_STATEMENTS = Set.of(RESERVE);
  /** The SQLSTATE of {@code reservation_short()}. */
  private static final String SHORT = "PMR01";
  /** What a reservation's stock movements are logged with. */
  static final String REASON = "reserved";

  /**
   * Records a new RESERVED reservation with its lines (SKU id to quantity) and answers it as {@link #stored} does;
   * empty when one with this id exists already (a replay).
   */
  Future<Optional<JsonObject>> insert(SqlClient tx, String reservationId, int ttlSeconds,
      Map<UUID, Integer> quantities, String mediaPrefix) {
    return tx.preparedQuery(INSERT)
        .execute(Tuple.of(reservationId, ttlSeconds, quantities.keySet().toArray(UUID[]::new),
            quantities.values().toArray(Integer[]::new), mediaPrefix))
        .map(rows -> rows.iterator().hasNext()
            ? Optional.of(answer(reservationId, rows.iterator().next())) : Optional.empty());
  }

  /**
   * As {@link #insert}, with the stock, its log and its events ({@link #RESERVE}), in {@code change}'s one statement;
   * fails with {@link #isShort} when a line could not be reserved (an unknown SKU, one not for sale, too few units;
   * or PostgreSQL broke a deadlock with it), having written nothing.
   */
  Future<Optional<JsonObject>> reserve(Change change, String reservationId, int ttlSeconds,
      Map<UUID, Integer> quantities, String mediaPrefix) {
    // PostgreSQL orders uuids by their bytes, unsigned, as their text sorts (UUID.compareTo compares signed longs)
    Map<UUID, Integer> inIdOrder = new TreeMap<>(Comparator.comparing(UUID::toString));
    inIdOrder.putAll(quantities);
    UUID[] ids = inIdOrder.keySet().toArray(UUID[]::new);
    JsonObject[] stockChanged = new JsonObject[ids.length];
    JsonObject[] lowStock = new JsonObject[ids.length];
    for (int i = 0; i < ids.length; i++) {
      stockChanged[i] = Change.payload(StockEvents.STOCK_CHANGED,
          StockEvents.stockChanged(null, ids[i], null, null, 0, inIdOrder.get(ids[i]), REASON));
      lowStock[i] = Change.payload(StockEvents.LOW_STOCK, StockEvents.lowStock(null, ids[i], null, null));
    }
    return change.connection().preparedQuery(RESERVE)
        .execute(Tuple.of(reservationId, ttlSeconds, ids, inIdOrder.values().toArray(Integer[]::new), mediaPrefix)
            .addArrayOfJsonObject(stockChanged).addArrayOfJsonObject(lowStock).addString(REASON)
            .addString(Change.TOPIC).addString(TraceContexts.traceparent()))
        .map(rows -> {
          if (!rows.iterator().hasNext()) {
            return Optional.empty();
          }
          Row row = rows.iterator().next();
          JsonArray moved = row.getValue("moved") instanceof JsonArray lines ? lines : new JsonArray();
          for (Object item : moved) {
            JsonObject line = (JsonObject) item;
            UUID productId = UUID.fromString(line.getString("productId"));
            change.written(productId, StockEvents.STOCK_CHANGED);
            if (line.getBoolean("lowStock")) {
              change.written(productId, StockEvents.LOW_STOCK);
            }
          }
          return Optional.of(answer(reservationId, row));
        });
  }

  /** Whether {@link #reserve} failed for a line it could not reserve, or for a deadlock, having written nothing. */
  static boolean isShort(Throwable failure) {
    return failure instanceof PgException pg && (SHORT.equals(pg.getSqlState()) || "40P01".equals(pg.getSqlState()));
  }

  /**
   * Records a reservation that does not exist yet as RELEASED, holding nothing, so a reserve that arrives after its
   * release (one whose answer was lost and that the caller gave up on) reserves nothing.
   */
  Future<Void> insertReleased(SqlClient tx, String reservationId) {
    return tx.preparedQuery("""
            INSERT INTO catalog.reservations (id, status, expires_at) VALUES ($1, 'RELEASED', now())
            ON CONFLICT (id) DO NOTHING""")
        .execute(Tuple.of(reservationId)).mapEmpty();
  }

  /** Up to {@code limit} reservations past their expiry, the oldest first. */
  Future<List<String>> expired(SqlClient client, int limit) {
    return client.preparedQuery("""
            SELECT id FROM catalog.reservations WHERE status = 'RESERVED'
            AND expires_at < now() ORDER BY expires_at LIMIT $1""")
        .execute(Tuple.of(limit))
        .map(rows -> {
          List<String> ids = new ArrayList<>();
          rows.forEach(row -> ids.add(row.getString("id")));
          return ids;
        });
  }

  /** Locks the reservation if it is still RESERVED, past its expiry and not locked by another sweeper. */
  Future<Boolean> lockExpired(SqlClient tx, String reservationId) {
    return tx.preparedQuery("""
            SELECT id FROM catalog.reservations
            WHERE id = $1 AND status = 'RESERVED' AND expires_at < now() FOR UPDATE SKIP LOCKED""")
        .execute(Tuple.of(reservationId))
        .map(rows -> rows.iterator().hasNext());
  }

  /** The reservation's status, its row locked for this transaction; null when there is none. */
  Future<String> lockStatus(SqlClient tx, String reservationId) {
    return tx.preparedQuery("SELECT status FROM catalog.reservations WHERE id = $1 FOR UPDATE")
        .execute(Tuple.of(reservationId))
        .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getString("status") : null);
  }

  /** The reservation's lines: {@code sku_id}, {@code product_id}, {@code quantity}. */
  Future<RowSet<Row>> lines(SqlClient tx, String reservationId) {
    return tx.preparedQuery("""
            SELECT sku_id, product_id, quantity FROM catalog.reservation_lines WHERE reservation_id = $1""")
        .execute(Tuple.of(reservationId));
  }

  Future<Void> setStatus(SqlClient tx, String reservationId, String status) {
    return tx.preparedQuery("UPDATE catalog.reservations SET status = $2, updated_at = now() WHERE id = $1")
        .execute(Tuple.of(reservationId, status)).mapEmpty();
  }

  /** Locks the product rows, in id order (the lock order: products before inventory rows). */
  Future<Void> lockProducts(SqlClient tx, UUID[] productIds) {
    return tx.preparedQuery("SELECT id FROM catalog.products WHERE id = ANY($1) ORDER BY id FOR UPDATE")
        .execute(Tuple.of((Object) productIds)).mapEmpty();
  }

  /** Adds {@code quantities[i]} (negative to take back) to the sold count of {@code productIds[i]}, never below 0. */
  Future<Void> addSales(SqlClient tx, UUID[] productIds, Integer[] quantities) {
    return tx.preparedQuery("""
            UPDATE catalog.products p SET sold_count = greatest(p.sold_count + s.quantity, 0)
            FROM unnest($1::uuid[], $2::int[]) AS s(product_id, quantity) WHERE p.id = s.product_id""")
        .execute(Tuple.of((Object) productIds, (Object) quantities)).mapEmpty();
  }

  /** The reservation as the stock contract answers it. */
  Future<JsonObject> stored(SqlClient tx, String reservationId) {
    return tx.preparedQuery(STORED).execute(Tuple.of(reservationId))
        .map(rows -> answer(reservationId, rows.iterator().next()));
  }

  private static JsonObject answer(String reservationId, Row row) {
    return new JsonObject().put("reservationId", reservationId).put("status", row.getString("status"))
        .put("expiresAt", row.getString("expires_at")).put("lines", (JsonArray) row.getValue("lines"));
  }
}
