package io.polymart.catalog.sku;

import io.polymart.catalog.change.CatalogWriter;
import io.polymart.catalog.inventory.StockLedger;
import io.polymart.catalog.product.ProductGuard;
import io.polymart.catalog.product.ProductJson;
import io.polymart.catalog.product.ProductService;
import io.polymart.core.bus.BusRequest;
import io.polymart.core.db.SqlSupport;
import io.polymart.core.error.ServiceException;
import io.polymart.core.money.Money;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** SKUs of a product: adding, editing, pricing and stock counts. */
public final class SkuService {
  private static final String SKU_JSON = "SELECT " + ProductJson.sku("s", "i") + " AS sku FROM catalog.skus s "
      + "JOIN catalog.inventory i ON i.sku_id = s.id WHERE s.id = $1";
  private final CatalogWriter writer;
  private final SkuWriter skus;
  private final StockLedger ledger;

  public SkuService(CatalogWriter writer, SkuWriter skus, StockLedger ledger) {
    this.writer = writer;
    this.skus = skus;
    this.ledger = ledger;
  }

  public Future<JsonObject> create(BusRequest request) {
    UUID productId = request.uuidParam("id", "Product");
    NewSku sku = NewSku.from(request.body(), "body");
    Future<JsonObject> created = writer.inTransaction(change -> ProductGuard.lockForChange(change.connection(),
            productId, request)
        .compose(product -> skus.insert(change, productId, List.of(sku), request.userUuid()))
        .compose(ids -> {
          change.event(productId, "ProductUpdated", SkuWriter.createdEvent(productId, ids.get(0), sku)
              .put("changed", new io.vertx.core.json.JsonArray().add("skus")));
          return skuJson(change.connection(), ids.get(0));
        }));
    return SqlSupport.mapConflicts(created, ProductService.CONFLICTS);
  }

  public Future<JsonObject> update(BusRequest request) {
    UUID skuId = request.uuidParam("id", "SKU");
    JsonObject body = request.body();
    List<String> sets = new ArrayList<>();
    Tuple params = Tuple.of(skuId);
    if (body.containsKey("attributes")) {
      params.addValue(body.getJsonObject("attributes"));
      sets.add("attributes = $" + params.size());
    }
    if (body.containsKey("weight")) {
      params.addValue(body.getValue("weight") == null ? null : NewSku.parseWeight("weight", body.getValue("weight")));
      sets.add("weight = $" + params.size());
    }
    if (body.containsKey("status")) {
      params.addValue(body.getString("status"));
      sets.add("status = $" + params.size());
    }
    if (body.containsKey("lowStockThreshold")) {
      params.addValue(body.getInteger("lowStockThreshold"));
      sets.add("low_stock_threshold = $" + params.size());
    }
    return writer.inTransaction(change -> ProductGuard.lockForSkuChange(change.connection(), skuId, request)
        .compose(product -> change.connection().preparedQuery("UPDATE catalog.skus SET " + String.join(", ", sets)
                + ", updated_at = now() WHERE id = $1").execute(params)
            .compose(v -> "ACTIVE".equals(product.status()) ? requireActiveSku(change.connection(), product.id())
                : Future.succeededFuture())
            .compose(v -> SkuWriter.refreshMinPrice(change.connection(), product.id()))
            .compose(v -> {
              change.event(product.id(), "ProductUpdated", new JsonObject().put("productId", product.id().toString())
                  .put("skuId", skuId.toString()).put("changed", new io.vertx.core.json.JsonArray(
                      new ArrayList<>(body.fieldNames()))));
              return skuJson(change.connection(), skuId);
            })));
  }

  public Future<JsonObject> price(BusRequest request) {
    UUID skuId = request.uuidParam("id", "SKU");
    BigDecimal price = Money.parsePositive("price", request.body().getValue("price"));
    BigDecimal original = Money.parseOptional("originalPrice", request.body().getValue("originalPrice"));
    UUID actor = request.userUuid();
    return writer.inTransaction(change -> ProductGuard.lockForSkuChange(change.connection(), skuId, request)
        .compose(product -> change.connection().preparedQuery("UPDATE catalog.skus s SET price = $2, "
                + "original_price = $3, updated_at = now() FROM (SELECT price, original_price FROM catalog.skus "
                + "WHERE id = $1 FOR UPDATE) old WHERE s.id = $1 RETURNING old.price AS old_price, "
                + "old.original_price AS old_original")
            .execute(Tuple.of(skuId, price, original))
            .compose(rows -> {
              Row old = rows.iterator().next();
              BigDecimal oldPrice = old.getBigDecimal("old_price");
              BigDecimal oldOriginal = old.getBigDecimal("old_original");
              return change.connection().preparedQuery("INSERT INTO catalog.price_history (sku_id, old_price, "
                      + "new_price, old_original_price, new_original_price, changed_by) VALUES ($1, $2, $3, $4, $5, $6)")
                  .execute(Tuple.of(skuId, oldPrice, price, oldOriginal, original, actor))
                  .compose(v -> SkuWriter.refreshMinPrice(change.connection(), product.id()))
                  .map(v -> {
                    change.event(product.id(), "PriceChanged", new JsonObject()
                        .put("productId", product.id().toString()).put("skuId", skuId.toString())
                        .put("oldPrice", Money.format(oldPrice)).put("newPrice", Money.format(price))
                        .put("oldOriginalPrice", Money.format(oldOriginal))
                        .put("newOriginalPrice", Money.format(original)).put("changedBy", actor.toString()));
                    return null;
                  });
            })
            .compose(v -> skuJson(change.connection(), skuId))));
  }

  /** {@code {delta, reason}} adjusts on-hand stock, {@code {onHand, reason}} sets it (a stock take). */
  public Future<JsonObject> stock(BusRequest request) {
    UUID skuId = request.uuidParam("id", "SKU");
    JsonObject body = request.body();
    String reason = body.getString("reason", "").trim();
    if (reason.isEmpty()) {
      throw ServiceException.invalidField("reason", "is required");
    }
    Integer delta = body.getInteger("delta");
    Integer onHand = body.getInteger("onHand");
    if ((delta == null) == (onHand == null)) {
      throw ServiceException.invalidField("body", "give exactly one of delta and onHand");
    }
    UUID actor = request.userUuid();
    return writer.inTransaction(change -> ProductGuard.lockForSkuChange(change.connection(), skuId, request)
        .compose(product -> ledger.adjustOnHand(change, product.id(), skuId, delta, onHand, reason, actor)));
  }

  /** A product on sale must keep something to sell: its last active SKU cannot be switched off. */
  private static Future<Void> requireActiveSku(SqlConnection tx, UUID productId) {
    return tx.preparedQuery("SELECT EXISTS (SELECT 1 FROM catalog.skus WHERE product_id = $1 AND status = 'ACTIVE')")
        .execute(Tuple.of(productId)).map(rows -> {
          if (!rows.iterator().next().getBoolean(0)) {
            throw ServiceException.unprocessable("NO_ACTIVE_SKU",
                "A published product needs an active SKU: unpublish it before switching off its last one");
          }
          return null;
        });
  }

  private static Future<JsonObject> skuJson(SqlConnection tx, UUID skuId) {
    return tx.preparedQuery(SKU_JSON).execute(Tuple.of(skuId))
        .map(rows -> (JsonObject) rows.iterator().next().getValue("sku"));
  }
}
