package io.polymart.catalog.sku;

import io.polymart.catalog.change.Change;
import io.polymart.core.money.Money;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Inserts new SKUs with their inventory, opening stock log and first price entry, and keeps min_price right. */
public final class SkuWriter {
  public static final String SKU_CODE_CONSTRAINT = "skus_code_key";

  /** Returns the new SKU ids, in order. */
  public Future<List<UUID>> insert(Change change, UUID productId, List<NewSku> skus, UUID actorId) {
    SqlConnection tx = change.connection();
    List<UUID> ids = new ArrayList<>();
    List<Tuple> skuRows = new ArrayList<>();
    List<Tuple> inventoryRows = new ArrayList<>();
    List<Tuple> logRows = new ArrayList<>();
    List<Tuple> priceRows = new ArrayList<>();
    for (NewSku sku : skus) {
      UUID id = UUID.randomUUID();
      ids.add(id);
      skuRows.add(Tuple.of(id, productId, sku.code(), sku.attributes(), sku.price(), sku.originalPrice())
          .addValue(sku.weight()).addValue(sku.lowStockThreshold()));
      inventoryRows.add(Tuple.of(id, sku.stock()));
      if (sku.stock() > 0) {
        logRows.add(Tuple.of(id, sku.stock(), sku.stock(), "opening stock", actorId));
      }
      priceRows.add(Tuple.of(id, sku.price(), sku.originalPrice(), actorId));
    }
    return tx.preparedQuery("INSERT INTO catalog.skus (id, product_id, code, attributes, price, original_price, weight, "
            + "low_stock_threshold) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)").executeBatch(skuRows)
        .compose(v -> tx.preparedQuery("INSERT INTO catalog.inventory (sku_id, on_hand) VALUES ($1, $2)")
            .executeBatch(inventoryRows))
        .compose(v -> logRows.isEmpty() ? Future.succeededFuture() : tx.preparedQuery(
                "INSERT INTO catalog.inventory_log (sku_id, on_hand_delta, reserved_delta, on_hand_after, reserved_after, "
                    + "reason, actor_id) VALUES ($1, $2, 0, $3, 0, $4, $5)")
            .executeBatch(logRows))
        .compose(v -> tx.preparedQuery("INSERT INTO catalog.price_history (sku_id, new_price, new_original_price, "
            + "changed_by) VALUES ($1, $2, $3, $4)").executeBatch(priceRows))
        .compose(v -> refreshMinPrice(tx, productId))
        .map(ids);
  }

  /** The cheapest active SKU's price, which search filters and sorts on. */
  static Future<Void> refreshMinPrice(SqlConnection tx, UUID productId) {
    return tx.preparedQuery("UPDATE catalog.products SET min_price = (SELECT min(price) FROM catalog.skus "
            + "WHERE product_id = $1 AND status = 'ACTIVE'), updated_at = now() WHERE id = $1")
        .execute(Tuple.of(productId)).mapEmpty();
  }

  static JsonObject createdEvent(UUID productId, UUID skuId, NewSku sku) {
    return new JsonObject().put("productId", productId.toString()).put("skuId", skuId.toString())
        .put("code", sku.code()).put("price", Money.format(sku.price())).put("stock", sku.stock());
  }
}
