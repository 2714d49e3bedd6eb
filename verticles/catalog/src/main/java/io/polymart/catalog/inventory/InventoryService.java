package io.polymart.catalog.inventory;

import io.polymart.catalog.change.CatalogWriter;
import io.polymart.catalog.change.Change;
import io.polymart.core.bus.BusRequest;
import io.polymart.core.error.FieldErrors;
import io.polymart.core.error.ServiceException;
import io.polymart.core.sweep.Sweeper;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static io.polymart.core.db.SqlSupport.iso;

/**
 * The stock contract orders rely on: reserve all lines or none, then confirm (sold) or release, and restore what a
 * confirmed reservation sold. Each step is one transaction over inventory rows locked in SKU order, and each is
 * idempotent by reservation id.
 */
public final class InventoryService {
  public static final int SWEEP_BATCH = 100;
  private static final int MAX_LINES = 100;
  private static final int MAX_QUANTITY = 10_000;
  private static final int MAX_TTL_SECONDS = 86_400;
  private final CatalogWriter writer;
  private final StockLedger ledger;
  private final String mediaPrefix;
  private final int defaultTtlSeconds;

  /** A reservation's steps: the status each leads to, and per unit of a line the change of on hand, reserved, sold. */
  private enum Step {
    CONFIRM("CONFIRMED", "sold", -1, -1, 1),
    RELEASE("RELEASED", "released", 0, -1, 0),
    EXPIRE("EXPIRED", "expired", 0, -1, 0),
    RESTORE("RESTORED", "restored", 1, 0, -1);

    final String status;
    final String reason;
    final int onHand;
    final int reserved;
    final int sold;

    Step(String status, String reason, int onHand, int reserved, int sold) {
      this.status = status;
      this.reason = reason;
      this.onHand = onHand;
      this.reserved = reserved;
      this.sold = sold;
    }

    /** Whether a finished reservation already had this step's outcome: sold (and maybe restored since), or not. */
    boolean alreadyDone(String current) {
      boolean soldOnce = "CONFIRMED".equals(current) || "RESTORED".equals(current);
      return (this == CONFIRM) == soldOnce;
    }
  }

  public InventoryService(CatalogWriter writer, StockLedger ledger, String mediaPrefix, int defaultTtlSeconds) {
    this.writer = writer;
    this.ledger = ledger;
    this.mediaPrefix = mediaPrefix;
    this.defaultTtlSeconds = defaultTtlSeconds;
  }

  public Future<JsonObject> reserve(BusRequest request) {
    JsonObject body = request.body();
    String reservationId = reservationId(body);
    Map<UUID, Integer> quantities = quantities(body.getValue("items"));
    int ttl = ttlSeconds(body.getValue("ttlSeconds"));
    return writer.inTransaction(change -> {
      SqlConnection tx = change.connection();
      return tx.preparedQuery("INSERT INTO catalog.reservations (id, status, expires_at) VALUES ($1, 'RESERVED', "
              + "now() + make_interval(secs => $2)) ON CONFLICT (id) DO NOTHING RETURNING id")
          .execute(Tuple.of(reservationId, ttl))
          .compose(inserted -> {
            if (!inserted.iterator().hasNext()) {
              return Future.succeededFuture(); // a replay: answered from what is stored
            }
            // the lines first: they need no lock, so a hot SKU's inventory row stays locked for less time
            return tx.preparedQuery("INSERT INTO catalog.reservation_lines (reservation_id, sku_id, "
                    + "product_id, quantity, unit_price, snapshot) "
                    + "SELECT $1, s.id, s.product_id, q.quantity, s.price, json_build_object('code', s.code, "
                    + "'name', p.name, 'sellerId', p.seller_id, 'attributes', s.attributes, "
                    + "'image', (SELECT $4 || im.thumbnail_key "
                    + "FROM catalog.product_images im WHERE im.product_id = p.id AND im.cover)) "
                    + "FROM unnest($2::uuid[], $3::int[]) AS q(sku_id, quantity) "
                    + "JOIN catalog.skus s ON s.id = q.sku_id JOIN catalog.products p ON p.id = s.product_id")
                .execute(Tuple.of(reservationId, quantities.keySet().toArray(UUID[]::new),
                    quantities.values().toArray(Integer[]::new), mediaPrefix))
                .compose(v -> ledger.lock(tx, quantities.keySet()))
                .compose(levels -> {
                  checkAvailable(quantities, levels);
                  List<StockLedger.Movement> movements = quantities.entrySet().stream()
                      .map(e -> new StockLedger.Movement(e.getKey(), 0, e.getValue())).toList();
                  return ledger.apply(change, levels, movements, "reserved", reservationId, null);
                });
          });
    }).compose(v -> stored(writer.pool(), reservationId)); // read after the commit: no lock is held meanwhile
  }

  public Future<JsonObject> confirm(BusRequest request) {
    return finish(reservationId(request.body()), Step.CONFIRM);
  }

  public Future<JsonObject> release(BusRequest request) {
    return finish(reservationId(request.body()), Step.RELEASE);
  }

  /**
   * Releases up to {@code batch} reservations past their expiry, each in its own transaction (one transaction
   * over several would lock stock rows out of order). Several nodes may sweep at once: a reservation another
   * sweeper holds is skipped, one it has finished is no longer RESERVED.
   */
  public Future<Integer> releaseExpired(int batch) {
    return writer.pool().preparedQuery("SELECT id FROM catalog.reservations WHERE status = 'RESERVED' "
            + "AND expires_at < now() ORDER BY expires_at LIMIT $1")
        .execute(Tuple.of(batch))
        .compose(rows -> {
          List<String> ids = new ArrayList<>();
          rows.forEach(row -> ids.add(row.getString("id")));
          return Sweeper.oneByOne(ids, this::expire);
        });
  }

  private Future<Boolean> expire(String reservationId) {
    return writer.inTransaction(change -> change.connection().preparedQuery("SELECT id FROM catalog.reservations "
            + "WHERE id = $1 AND status = 'RESERVED' AND expires_at < now() FOR UPDATE SKIP LOCKED")
        .execute(Tuple.of(reservationId))
        .compose(rows -> !rows.iterator().hasNext() ? Future.succeededFuture(false)
            : transition(change, reservationId, Step.EXPIRE).map(true)));
  }

  private Future<JsonObject> finish(String reservationId, Step step) {
    return writer.inTransaction(change -> transition(change, reservationId, step)
        .compose(v -> stored(change.connection(), reservationId)));
  }

  /**
   * Confirmed units come back on hand and leave the products' sold counts. Restoring again is a no-op; a
   * reservation that never sold (reserved, released, expired) is a 409.
   */
  public Future<JsonObject> restore(BusRequest request) {
    String reservationId = reservationId(request.body());
    return writer.inTransaction(change -> lockStatus(change.connection(), reservationId)
        .compose(current -> {
          if (Step.RESTORE.status.equals(current)) {
            return Future.<Void>succeededFuture();
          }
          if (!Step.CONFIRM.status.equals(current)) {
            throw ServiceException.conflict("INVALID_STATE", "Only a confirmed reservation can be restored; this one "
                + "is " + current.toLowerCase());
          }
          return move(change, reservationId, Step.RESTORE);
        })
        .compose(v -> stored(change.connection(), reservationId)));
  }

  /**
   * Moves a RESERVED reservation on by {@code step}. Repeating a finished step is a no-op; contradicting one
   * (confirm after release, release after confirm) is a 409.
   */
  private Future<Void> transition(Change change, String reservationId, Step step) {
    return lockStatus(change.connection(), reservationId).compose(current -> {
      if (!"RESERVED".equals(current)) {
        if (step.alreadyDone(current)) {
          return Future.succeededFuture();
        }
        throw ServiceException.conflict("INVALID_STATE", "The reservation is already " + current.toLowerCase());
      }
      return move(change, reservationId, step);
    });
  }

  /** The reservation's status, its row locked for this transaction; 404 when there is none. */
  private static Future<String> lockStatus(SqlConnection tx, String reservationId) {
    return tx.preparedQuery("SELECT status FROM catalog.reservations WHERE id = $1 FOR UPDATE")
        .execute(Tuple.of(reservationId))
        .map(rows -> {
          if (!rows.iterator().hasNext()) {
            throw ServiceException.notFound("Reservation not found");
          }
          return rows.iterator().next().getString("status");
        });
  }

  /** Applies the step's stock and sales movements to each line of the reservation and records its new status. */
  private Future<Void> move(Change change, String reservationId, Step step) {
    SqlConnection tx = change.connection();
    return tx.preparedQuery("SELECT sku_id, product_id, quantity FROM catalog.reservation_lines "
            + "WHERE reservation_id = $1").execute(Tuple.of(reservationId))
        .compose(lines -> {
          Map<UUID, Integer> quantities = new TreeMap<>();
          Map<UUID, Integer> perProduct = new TreeMap<>();
          for (Row line : lines) {
            quantities.put(line.getUUID("sku_id"), line.getInteger("quantity"));
            perProduct.merge(line.getUUID("product_id"), line.getInteger("quantity"), Integer::sum);
          }
          List<StockLedger.Movement> movements = quantities.entrySet().stream()
              .map(e -> new StockLedger.Movement(e.getKey(), step.onHand * e.getValue(), step.reserved * e.getValue()))
              .toList();
          boolean salesChange = step.sold != 0;
          UUID[] products = perProduct.keySet().toArray(UUID[]::new);
          Integer[] sales = perProduct.values().stream().map(quantity -> step.sold * quantity).toArray(Integer[]::new);
          // Lock order everywhere: product rows, then inventory rows, each in id order.
          return (salesChange ? tx.preparedQuery("SELECT id FROM catalog.products WHERE id = ANY($1) ORDER BY id "
                  + "FOR UPDATE").execute(Tuple.of((Object) products)).<Void>mapEmpty()
                  : Future.<Void>succeededFuture())
              .compose(v -> ledger.lock(tx, quantities.keySet()))
              .compose(levels -> ledger.apply(change, levels, movements, step.reason, reservationId, null))
              .compose(v -> salesChange ? tx.preparedQuery("UPDATE catalog.products p SET sold_count = "
                      + "greatest(p.sold_count + s.quantity, 0) FROM unnest($1::uuid[], $2::int[]) "
                      + "AS s(product_id, quantity) WHERE p.id = s.product_id")
                  .execute(Tuple.of((Object) products, (Object) sales)).mapEmpty()
                  : Future.succeededFuture())
              .compose(v -> tx.preparedQuery("UPDATE catalog.reservations SET status = $2, updated_at = now() "
                  + "WHERE id = $1").execute(Tuple.of(reservationId, step.status)))
              .mapEmpty();
        });
  }

  private static void checkAvailable(Map<UUID, Integer> quantities, Map<UUID, StockLedger.Level> levels) {
    List<String> missing = quantities.keySet().stream().filter(id -> !levels.containsKey(id)).map(UUID::toString)
        .toList();
    if (!missing.isEmpty()) {
      throw new ServiceException(404, "NOT_FOUND", "Unknown SKU " + String.join(", ", missing), null, null);
    }
    FieldErrors unavailable = new FieldErrors();
    FieldErrors shortages = new FieldErrors();
    quantities.forEach((skuId, quantity) -> {
      StockLedger.Level level = levels.get(skuId);
      if (!"ACTIVE".equals(level.skuStatus()) || !"ACTIVE".equals(level.productStatus())) {
        unavailable.add("items[" + skuId + "]", "is not for sale");
      } else if (level.available() < quantity) {
        shortages.add("items[" + skuId + "]", "only " + level.available() + " available");
      }
    });
    if (!unavailable.isEmpty()) {
      throw new ServiceException(409, "SKU_UNAVAILABLE", "Some items are not for sale", unavailable.details(), null);
    }
    if (!shortages.isEmpty()) {
      throw new ServiceException(409, "INSUFFICIENT_STOCK", "Not enough stock for some items", shortages.details(), null);
    }
  }

  private Future<JsonObject> stored(SqlClient tx, String reservationId) {
    return tx.preparedQuery("SELECT r.status, " + iso("r.expires_at") + " AS expires_at, coalesce((SELECT json_agg("
            + "json_build_object('skuId', l.sku_id, 'productId', l.product_id, 'sellerId', l.snapshot->>'sellerId', "
            + "'code', l.snapshot->>'code', "
            + "'name', l.snapshot->>'name', 'attributes', l.snapshot->'attributes', 'image', l.snapshot->>'image', "
            + "'unitPrice', l.unit_price::text, 'quantity', l.quantity) ORDER BY l.sku_id) "
            + "FROM catalog.reservation_lines l WHERE l.reservation_id = r.id), '[]'::json) AS lines "
            + "FROM catalog.reservations r WHERE r.id = $1")
        .execute(Tuple.of(reservationId))
        .map(rows -> {
          Row row = rows.iterator().next();
          return new JsonObject().put("reservationId", reservationId).put("status", row.getString("status"))
              .put("expiresAt", row.getString("expires_at")).put("lines", (JsonArray) row.getValue("lines"));
        });
  }

  private static String reservationId(JsonObject body) {
    Object id = body.getValue("reservationId");
    if (!(id instanceof String text) || text.isBlank() || text.length() > 100) {
      throw ServiceException.invalidField("reservationId", "must be a string of 1 to 100 characters");
    }
    return text;
  }

  /** Lines by SKU id in id order (the lock order); a SKU given twice counts once with the summed quantity. */
  private static Map<UUID, Integer> quantities(Object items) {
    if (!(items instanceof JsonArray array) || array.isEmpty() || array.size() > MAX_LINES) {
      throw ServiceException.invalidField("items", "must list 1 to " + MAX_LINES + " lines");
    }
    Map<UUID, Integer> quantities = new TreeMap<>();
    for (int i = 0; i < array.size(); i++) {
      Object item = array.getValue(i);
      JsonObject line = item instanceof JsonObject object ? object : new JsonObject();
      UUID skuId;
      try {
        skuId = UUID.fromString(String.valueOf(line.getValue("skuId")));
      } catch (IllegalArgumentException e) {
        throw ServiceException.invalidField("items[" + i + "].skuId", "must be a SKU id");
      }
      if (!(line.getValue("quantity") instanceof Integer quantity) || quantity < 1 || quantity > MAX_QUANTITY) {
        throw ServiceException.invalidField("items[" + i + "].quantity", "must be from 1 to " + MAX_QUANTITY);
      }
      int total = quantities.merge(skuId, quantity, Integer::sum);
      if (total > MAX_QUANTITY) {
        throw ServiceException.invalidField("items[" + i + "].quantity", "must be from 1 to " + MAX_QUANTITY);
      }
    }
    return quantities;
  }

  private int ttlSeconds(Object value) {
    if (value == null) {
      return defaultTtlSeconds;
    }
    if (!(value instanceof Integer ttl) || ttl < 1 || ttl > MAX_TTL_SECONDS) {
      throw ServiceException.invalidField("ttlSeconds", "must be from 1 to " + MAX_TTL_SECONDS);
    }
    return ttl;
  }
}
