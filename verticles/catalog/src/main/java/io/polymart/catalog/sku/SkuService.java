package io.polymart.catalog.sku;

import io.polymart.catalog.change.CatalogTransactions;
import io.polymart.catalog.change.RowValues;
import io.polymart.catalog.inventory.InventoryRepository;
import io.polymart.catalog.product.Caller;
import io.polymart.catalog.product.ProductGuard;
import io.polymart.catalog.product.ProductRepository;
import io.polymart.catalog.product.ProductService;
import io.polymart.core.db.SqlSupport;
import io.polymart.core.error.ServiceException;
import io.polymart.core.money.Money;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** SKUs of a product: adding, editing, pricing and stock counts. */
public final class SkuService {
  private static final List<String> AUDITED_FIELDS = List.of("attributes", "weight", "status", "lowStockThreshold");
  private final CatalogTransactions writer;
  private final ProductGuard guard;
  private final ProductRepository products;
  private final SkuRepository skus;
  private final InventoryRepository inventory;

  public SkuService(CatalogTransactions writer, ProductGuard guard, ProductRepository products, SkuRepository skus,
      InventoryRepository inventory) {
    this.writer = writer;
    this.guard = guard;
    this.products = products;
    this.skus = skus;
    this.inventory = inventory;
  }

  public Future<JsonObject> create(Caller caller, UUID productId, NewSku sku) {
    Future<JsonObject> created = writer.inTransaction(change -> guard.lockForChange(change.connection(),
            productId, caller)
        .compose(product -> skus.insert(change, productId, List.of(sku), caller.uuid()))
        .compose(ids -> {
          JsonObject facts = createdEvent(productId, ids.get(0), sku);
          change.audit(caller.actor(), "sku.create", target(ids.get(0)), null, facts.copy());
          change.event(productId, "ProductUpdated", facts.put("changed", new JsonArray().add("skus")));
          return skus.json(change.connection(), ids.get(0));
        }));
    return SqlSupport.mapConflicts(created, ProductService.CONFLICTS);
  }

  private static JsonObject createdEvent(UUID productId, UUID skuId, NewSku sku) {
    return new JsonObject().put("productId", productId.toString()).put("skuId", skuId.toString())
        .put("code", sku.code()).put("price", Money.format(sku.price())).put("stock", sku.stock());
  }

  public Future<JsonObject> update(Caller caller, UUID skuId, SkuChanges changes) {
    List<String> columns = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    if (changes.attributesGiven()) {
      columns.add("attributes");
      values.add(changes.attributes());
    }
    if (changes.weightGiven()) {
      columns.add("weight");
      values.add(changes.weight());
    }
    if (changes.status() != null) {
      columns.add("status");
      values.add(changes.status());
    }
    if (changes.lowStockThreshold() != null) {
      columns.add("low_stock_threshold");
      values.add(changes.lowStockThreshold());
    }
    List<String> audited = changes.fields().stream().filter(AUDITED_FIELDS::contains).toList();
    return writer.inTransaction(change -> guard.lockForSkuChange(change.connection(), skuId, caller)
        .compose(product -> RowValues.read(change.connection(), "catalog.skus", skuId).compose(before -> {
              JsonObject old = RowValues.pick(before, audited);
              if (old.containsKey("weight")) {
                old.put("weight", weightText(old.getValue("weight")));
              }
              change.auditUpdate(caller.actor(), "sku.update", target(skuId), old, changedValues(changes, audited));
              return skus.update(change.connection(), skuId, columns, values);
            })
            .compose(v -> "ACTIVE".equals(product.status()) ? requireActiveSku(change.connection(), product.id())
                : Future.succeededFuture())
            .compose(v -> skus.refreshMinPrice(change.connection(), product.id()))
            .compose(v -> {
              change.event(product.id(), "ProductUpdated", new JsonObject().put("productId", product.id().toString())
                  .put("skuId", skuId.toString()).put("changed", new JsonArray(new ArrayList<>(changes.fields()))));
              return skus.json(change.connection(), skuId);
            })));
  }

  /** Sets the SKU's price and, when not null, the price it is compared with. */
  public Future<JsonObject> price(Caller caller, UUID skuId, BigDecimal price, BigDecimal original) {
    UUID actor = caller.uuid();
    return writer.inTransaction(change -> guard.lockForSkuChange(change.connection(), skuId, caller)
        .compose(product -> skus.changePrice(change.connection(), skuId, price, original, actor)
            .compose(old -> skus.refreshMinPrice(change.connection(), product.id()).map(v -> {
              BigDecimal oldPrice = old.getBigDecimal("old_price");
              BigDecimal oldOriginal = old.getBigDecimal("old_original");
              change.audit(caller.actor(), "sku.price", target(skuId), prices(oldPrice, oldOriginal),
                  prices(price, original));
              change.event(product.id(), "PriceChanged", new JsonObject()
                  .put("productId", product.id().toString()).put("skuId", skuId.toString())
                  .put("oldPrice", Money.format(oldPrice)).put("newPrice", Money.format(price))
                  .put("oldOriginalPrice", Money.format(oldOriginal))
                  .put("newOriginalPrice", Money.format(original)).put("changedBy", actor.toString()));
              return null;
            }))
            .compose(v -> skus.json(change.connection(), skuId))));
  }

  public Future<JsonObject> stock(Caller caller, UUID skuId, StockAdjustment adjustment) {
    return writer.inTransaction(change -> guard.lockForSkuChange(change.connection(), skuId, caller)
        .compose(product -> inventory.adjustOnHand(change, product.id(), skuId, adjustment.delta(),
            adjustment.onHand(), adjustment.reason(), caller.actor())));
  }

  static String target(UUID skuId) {
    return "sku:" + skuId;
  }

  private static JsonObject prices(BigDecimal price, BigDecimal original) {
    return new JsonObject().put("price", Money.format(price)).put("originalPrice", Money.format(original));
  }

  /** A weight as the API shows it, the column's text ({@code "1.500"}), whether read from the row or the request. */
  private static String weightText(Object weight) {
    return weight == null ? null : new BigDecimal(weight.toString()).setScale(3, RoundingMode.UNNECESSARY)
        .toPlainString();
  }

  /** The new values of the audited fields the change sets. */
  private static JsonObject changedValues(SkuChanges changes, List<String> fields) {
    JsonObject values = new JsonObject();
    for (String field : fields) {
      values.put(field, switch (field) {
        case "attributes" -> changes.attributes();
        case "weight" -> weightText(changes.weight());
        case "status" -> changes.status();
        default -> changes.lowStockThreshold();
      });
    }
    return values;
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
