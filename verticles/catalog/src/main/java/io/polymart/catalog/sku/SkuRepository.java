package io.polymart.catalog.sku;

import io.polymart.catalog.change.Change;
import io.polymart.catalog.product.ProductJson;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * SKUs in {@code catalog.skus}: new ones arrive with their inventory, opening stock log and first price entry;
 * every price change is recorded in {@code price_history}; the product's min_price follows its SKUs.
 */
public final class SkuRepository {
  public static final String SKU_CODE_CONSTRAINT = "skus_code_key";
  private static final String SKU_JSON = """
      SELECT %s AS sku FROM catalog.skus s
      JOIN catalog.inventory i ON i.sku_id = s.id WHERE s.id = $1""".formatted(ProductJson.sku("s", "i"));
  private static final String LOOKUP = """
      SELECT json_build_object('skuId', s.id, 'productId', s.product_id,
      'sellerId', p.seller_id, 'code', s.code, 'name', p.name, 'attributes', s.attributes,
      'image', (SELECT $2 || im.thumbnail_key FROM catalog.product_images im
      WHERE im.product_id = p.id AND im.cover), 'unitPrice', s.price::text, 'available', i.on_hand - i.reserved,
      'forSale', s.status = 'ACTIVE' AND p.status = 'ACTIVE') AS item
      FROM catalog.skus s JOIN catalog.products p ON p.id = s.product_id
      JOIN catalog.inventory i ON i.sku_id = s.id WHERE s.id = ANY($1) ORDER BY s.id""";

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
    return tx.preparedQuery("""
            INSERT INTO catalog.skus (id, product_id, code, attributes, price, original_price, weight,
            low_stock_threshold) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)""").executeBatch(skuRows)
        .compose(v -> tx.preparedQuery("INSERT INTO catalog.inventory (sku_id, on_hand) VALUES ($1, $2)")
            .executeBatch(inventoryRows))
        .compose(v -> logRows.isEmpty() ? Future.succeededFuture() : tx.preparedQuery("""
                INSERT INTO catalog.inventory_log (sku_id, on_hand_delta, reserved_delta, on_hand_after, reserved_after,
                reason, actor_id) VALUES ($1, $2, 0, $3, 0, $4, $5)""")
            .executeBatch(logRows))
        .compose(v -> tx.preparedQuery("""
            INSERT INTO catalog.price_history (sku_id, new_price, new_original_price, changed_by)
            VALUES ($1, $2, $3, $4)""").executeBatch(priceRows))
        .compose(v -> refreshMinPrice(tx, productId))
        .map(ids);
  }

  /** Sets {@code columns} (SKU column names) to {@code values}, in order. */
  Future<Void> update(SqlClient tx, UUID skuId, List<String> columns, List<Object> values) {
    Tuple params = Tuple.of(skuId);
    StringBuilder sets = new StringBuilder();
    for (int i = 0; i < columns.size(); i++) {
      params.addValue(values.get(i));
      sets.append(columns.get(i)).append(" = $").append(params.size()).append(", ");
    }
    return tx.preparedQuery("UPDATE catalog.skus SET " + sets + "updated_at = now() WHERE id = $1")
        .execute(params).mapEmpty();
  }

  /** Sets the SKU's prices and records the change; returns the old ones ({@code old_price}, {@code old_original}). */
  Future<Row> changePrice(SqlClient tx, UUID skuId, BigDecimal price, BigDecimal original, UUID actorId) {
    return tx.preparedQuery("""
            UPDATE catalog.skus s SET price = $2, original_price = $3, updated_at = now()
            FROM (SELECT price, original_price FROM catalog.skus WHERE id = $1 FOR UPDATE) old
            WHERE s.id = $1 RETURNING old.price AS old_price, old.original_price AS old_original""")
        .execute(Tuple.of(skuId, price, original))
        .compose(rows -> {
          Row old = rows.iterator().next();
          return tx.preparedQuery("""
                  INSERT INTO catalog.price_history (sku_id, old_price, new_price, old_original_price,
                  new_original_price, changed_by) VALUES ($1, $2, $3, $4, $5, $6)""")
              .execute(Tuple.of(skuId, old.getBigDecimal("old_price"), price, old.getBigDecimal("old_original"),
                  original, actorId))
              .map(old);
        });
  }

  /** The cheapest active SKU's price, which search filters and sorts on. */
  Future<Void> refreshMinPrice(SqlClient tx, UUID productId) {
    return tx.preparedQuery("""
            UPDATE catalog.products SET min_price = (SELECT min(price) FROM catalog.skus
            WHERE product_id = $1 AND status = 'ACTIVE'), updated_at = now() WHERE id = $1""")
        .execute(Tuple.of(productId)).mapEmpty();
  }

  /** The SKU as the API shows it, with its stock. */
  Future<JsonObject> json(SqlClient tx, UUID skuId) {
    return tx.preparedQuery(SKU_JSON).execute(Tuple.of(skuId))
        .map(rows -> (JsonObject) rows.iterator().next().getValue("sku"));
  }

  /** The cart's view of each SKU ({@code item}) that exists, in id order. */
  Future<RowSet<Row>> lookup(SqlClient client, UUID[] skuIds, String mediaPrefix) {
    return client.preparedQuery(LOOKUP).execute(Tuple.of(skuIds, mediaPrefix));
  }
}
