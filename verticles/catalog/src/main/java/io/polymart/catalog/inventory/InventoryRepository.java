package io.polymart.catalog.inventory;

import io.polymart.catalog.change.Change;
import io.polymart.core.audit.AuditActor;
import io.polymart.core.error.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every change to inventory goes through here: rows are locked in SKU order (so two transactions touching the
 * same SKUs can never deadlock), each change is logged with its reason, and StockChanged / LowStock events
 * are raised in the same transaction. A reservation first tries one statement that does all of it
 * ({@link ReservationRepository#reserve}), and comes here when that one cannot.
 */
public final class InventoryRepository {
  /** A SKU's inventory as locked by this transaction. */
  record Level(UUID skuId, UUID productId, int onHand, int reserved, int lowStockThreshold, String skuStatus,
      String productStatus) {
    int available() {
      return onHand - reserved;
    }
  }

  record Movement(UUID skuId, int onHandDelta, int reservedDelta) {
  }

  /**
   * Locks the inventory rows of {@code skuIds} (no id twice), in id order; SKUs that do not exist are missing from the
   * map. The stock statements take their SKUs through the functions of {@code V5__key_lists.sql}, whose plans
   * PostgreSQL keeps.
   */
  Future<Map<UUID, Level>> lock(SqlConnection tx, Collection<UUID> skuIds) {
    return tx.preparedQuery("""
            SELECT i.sku_id, s.product_id, i.on_hand, i.reserved, s.low_stock_threshold,
            s.status AS sku_status, p.status AS product_status FROM catalog.sku_list($1) q
            JOIN catalog.inventory i ON i.sku_id = q.sku_id
            JOIN catalog.skus s ON s.id = i.sku_id JOIN catalog.products p ON p.id = s.product_id
            ORDER BY i.sku_id FOR UPDATE OF i""")
        .execute(Tuple.of(skuIds.toArray(UUID[]::new)))
        .map(rows -> {
          Map<UUID, Level> levels = new LinkedHashMap<>();
          for (Row row : rows) {
            levels.put(row.getUUID("sku_id"), new Level(row.getUUID("sku_id"), row.getUUID("product_id"),
                row.getInteger("on_hand"), row.getInteger("reserved"), row.getInteger("low_stock_threshold"),
                row.getString("sku_status"), row.getString("product_status")));
          }
          return levels;
        });
  }

  /** Applies movements to rows this transaction has locked with {@link #lock}. */
  Future<Void> apply(Change change, Map<UUID, Level> locked, List<Movement> movements, String reason,
      String reference, UUID actor) {
    UUID[] ids = movements.stream().map(Movement::skuId).toArray(UUID[]::new);
    Integer[] onHand = movements.stream().map(Movement::onHandDelta).toArray(Integer[]::new);
    Integer[] reserved = movements.stream().map(Movement::reservedDelta).toArray(Integer[]::new);
    SqlConnection tx = change.connection();
    // one statement, so a hot SKU's row lock is held for as few round trips as possible
    return tx.preparedQuery("""
            WITH moved AS (UPDATE catalog.inventory i SET on_hand = i.on_hand + m.on_hand_delta,
            reserved = i.reserved + m.reserved_delta
            FROM catalog.sku_movements($1, $2, $3) AS m
            WHERE i.sku_id = m.sku_id RETURNING i.sku_id, m.on_hand_delta, m.reserved_delta, i.on_hand, i.reserved)
            INSERT INTO catalog.inventory_log (sku_id, on_hand_delta, reserved_delta, on_hand_after, reserved_after,
            reason, reference, actor_id) SELECT sku_id, on_hand_delta, reserved_delta, on_hand, reserved, $4, $5, $6
            FROM moved""")
        .execute(Tuple.of(ids, onHand, reserved, reason, reference, actor))
        .map(v -> {
          for (Movement movement : movements) {
            Level before = locked.get(movement.skuId());
            raiseEvents(change, before, new Level(before.skuId(), before.productId(),
                before.onHand() + movement.onHandDelta(), before.reserved() + movement.reservedDelta(),
                before.lowStockThreshold(), before.skuStatus(), before.productStatus()), reason);
          }
          return null;
        });
  }

  /**
   * A seller's adjustment ({@code delta}) or stock take ({@code onHand}), audited with the on-hand count before and
   * after; on hand may never drop below reserved.
   */
  public Future<JsonObject> adjustOnHand(Change change, UUID productId, UUID skuId, Integer delta, Integer onHand,
      String reason, AuditActor actor) {
    return lock(change.connection(), List.of(skuId)).compose(levels -> {
      Level before = levels.get(skuId);
      long target = onHand != null ? onHand : (long) before.onHand() + delta;
      if (target < before.reserved() || target > Integer.MAX_VALUE) {
        throw ServiceException.unprocessable("STOCK_BELOW_RESERVED", "On hand cannot go below the "
            + before.reserved() + " units reserved for open orders (nor below zero)");
      }
      int difference = (int) (target - before.onHand());
      change.audit(actor, "sku.stock", "sku:" + skuId, new JsonObject().put("onHand", before.onHand()),
          new JsonObject().put("onHand", (int) target).put("reason", reason));
      return apply(change, levels, List.of(new Movement(skuId, difference, 0)), reason, null, actor.userId())
          .map(v -> new JsonObject().put("skuId", skuId.toString()).put("onHand", (int) target)
              .put("reserved", before.reserved()).put("available", (int) target - before.reserved()));
    });
  }

  private static void raiseEvents(Change change, Level before, Level after, String reason) {
    change.event(after.productId(), StockEvents.STOCK_CHANGED, StockEvents.stockChanged(after.productId(),
        after.skuId(), after.onHand(), after.reserved(), after.onHand() - before.onHand(),
        after.reserved() - before.reserved(), reason));
    if (StockEvents.fallsBelow(before.available(), after.available(), after.lowStockThreshold())) {
      change.event(after.productId(), StockEvents.LOW_STOCK, StockEvents.lowStock(after.productId(), after.skuId(),
          after.available(), after.lowStockThreshold()));
    }
  }
}
