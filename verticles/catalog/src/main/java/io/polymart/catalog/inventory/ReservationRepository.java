package io.polymart.catalog.inventory;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
  /**
   * The reservation and its lines, each line with its SKU's price and a snapshot of what it was, in one statement
   * that answers them as {@link #STORED} does; no row when the reservation exists already.
   */
  private static final String INSERT = """
      WITH r AS (
        INSERT INTO catalog.reservations (id, status, expires_at)
        VALUES ($1, 'RESERVED', now() + make_interval(secs => $2))
        ON CONFLICT (id) DO NOTHING RETURNING id, status, expires_at),
      l AS (
        INSERT INTO catalog.reservation_lines (reservation_id, sku_id, product_id, quantity, unit_price, snapshot)
        SELECT r.id, s.id, s.product_id, q.quantity, s.price, json_build_object('code', s.code,
          'name', p.name, 'sellerId', p.seller_id, 'attributes', s.attributes,
          'image', (SELECT $5 || im.thumbnail_key
          FROM catalog.product_images im WHERE im.product_id = p.id AND im.cover))
        FROM r CROSS JOIN catalog.sku_quantities($3, $4) AS q
        JOIN catalog.skus s ON s.id = q.sku_id JOIN catalog.products p ON p.id = s.product_id
        RETURNING sku_id, product_id, quantity, unit_price, snapshot)
      SELECT r.status, %s AS expires_at, coalesce((SELECT json_agg(%s ORDER BY l.sku_id) FROM l), '[]'::json)
        AS lines
      FROM r""".formatted(iso("r.expires_at"), LINE);

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
