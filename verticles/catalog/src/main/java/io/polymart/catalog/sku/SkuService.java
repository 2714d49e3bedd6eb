package io.polymart.catalog.sku;

import io.polymart.catalog.change.CatalogTransactions;
import io.polymart.catalog.inventory.InventoryRepository;
import io.polymart.catalog.product.ProductGuard;
import io.polymart.catalog.product.ProductRepository;
import io.polymart.catalog.product.ProductService;
import io.polymart.core.bus.BusRequest;
import io.polymart.core.db.SqlSupport;
import io.polymart.core.error.ServiceException;
import io.polymart.core.money.Money;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** SKUs of a product: adding, editing, pricing and stock counts. */
public final class SkuService {
  private final CatalogTransactions writer;
  private final ProductGuard guard;
  private final ProductRepository products;
  private final SkuRepository skus;
  private final InventoryRepository ledger;

  public SkuService(CatalogTransactions writer, ProductGuard guard, ProductRepository products, SkuRepository skus,
      InventoryRepository ledger) {
    this.writer = writer;
    this.guard = guard;
    this.products = products;
    this.skus = skus;
    this.ledger = ledger;
  }

  public Future<JsonObject> create(BusRequest request) {
    UUID productId = request.uuidParam("id", "Product");
    NewSku sku = NewSku.from(request.body(), "body");
    Future<JsonObject> created = writer.inTransaction(change -> guard.lockForChange(change.connection(),
            productId, request)
        .compose(product -> skus.insert(change, productId, List.of(sku), request.userUuid()))
        .compose(ids -> {
          change.event(productId, "ProductUpdated", createdEvent(productId, ids.get(0), sku)
              .put("changed", new JsonArray().add("skus")));
          return skus.json(change.connection(), ids.get(0));
        }));
    return SqlSupport.mapConflicts(created, ProductService.CONFLICTS);
  }

  private static JsonObject createdEvent(UUID productId, UUID skuId, NewSku sku) {
    return new JsonObject().put("productId", productId.toString()).put("skuId", skuId.toString())
        .put("code", sku.code()).put("price", Money.format(sku.price())).put("stock", sku.stock());
  }

  public Future<JsonObject> update(BusRequest request) {
    UUID skuId = request.uuidParam("id", "SKU");
    JsonObject body = request.body();
    List<String> columns = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    if (body.containsKey("attributes")) {
      columns.add("attributes");
      values.add(body.getJsonObject("attributes"));
    }
    if (body.containsKey("weight")) {
      columns.add("weight");
      values.add(body.getValue("weight") == null ? null : NewSku.parseWeight("weight", body.getValue("weight")));
    }
    if (body.containsKey("status")) {
      columns.add("status");
      values.add(body.getString("status"));
    }
    if (body.containsKey("lowStockThreshold")) {
      columns.add("low_stock_threshold");
      values.add(body.getInteger("lowStockThreshold"));
    }
    return writer.inTransaction(change -> guard.lockForSkuChange(change.connection(), skuId, request)
        .compose(product -> skus.update(change.connection(), skuId, columns, values)
            .compose(v -> "ACTIVE".equals(product.status()) ? requireActiveSku(change.connection(), product.id())
                : Future.succeededFuture())
            .compose(v -> skus.refreshMinPrice(change.connection(), product.id()))
            .compose(v -> {
              change.event(product.id(), "ProductUpdated", new JsonObject().put("productId", product.id().toString())
                  .put("skuId", skuId.toString()).put("changed", new JsonArray(new ArrayList<>(body.fieldNames()))));
              return skus.json(change.connection(), skuId);
            })));
  }

  public Future<JsonObject> price(BusRequest request) {
    UUID skuId = request.uuidParam("id", "SKU");
    BigDecimal price = Money.parsePositive("price", request.body().getValue("price"));
    BigDecimal original = Money.parseOptional("originalPrice", request.body().getValue("originalPrice"));
    UUID actor = request.userUuid();
    return writer.inTransaction(change -> guard.lockForSkuChange(change.connection(), skuId, request)
        .compose(product -> skus.changePrice(change.connection(), skuId, price, original, actor)
            .compose(old -> skus.refreshMinPrice(change.connection(), product.id()).map(v -> {
              BigDecimal oldPrice = old.getBigDecimal("old_price");
              BigDecimal oldOriginal = old.getBigDecimal("old_original");
              change.event(product.id(), "PriceChanged", new JsonObject()
                  .put("productId", product.id().toString()).put("skuId", skuId.toString())
                  .put("oldPrice", Money.format(oldPrice)).put("newPrice", Money.format(price))
                  .put("oldOriginalPrice", Money.format(oldOriginal))
                  .put("newOriginalPrice", Money.format(original)).put("changedBy", actor.toString()));
              return null;
            }))
            .compose(v -> skus.json(change.connection(), skuId))));
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
    return writer.inTransaction(change -> guard.lockForSkuChange(change.connection(), skuId, request)
        .compose(product -> ledger.adjustOnHand(change, product.id(), skuId, delta, onHand, reason, actor)));
  }

  /** A product on sale must keep something to sell: its last active SKU cannot be switched off. */
  private Future<Void> requireActiveSku(SqlConnection tx, UUID productId) {
    return products.hasActiveSku(tx, productId).map(sellable -> {
      if (!sellable) {
        throw ServiceException.unprocessable("NO_ACTIVE_SKU",
            "A published product needs an active SKU: unpublish it before switching off its last one");
      }
      return null;
    });
  }
}
