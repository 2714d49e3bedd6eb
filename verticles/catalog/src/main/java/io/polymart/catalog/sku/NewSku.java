package io.polymart.catalog.sku;

import io.polymart.core.money.Money;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A SKU as a seller submits it. Its shape and limits (code, a price above zero, weight, stock and threshold ranges)
 * are checked by the contract ({@code schemas/json/catalog-sku-create.json}) before it is forwarded.
 */
public record NewSku(String code, JsonObject attributes, BigDecimal price, BigDecimal originalPrice, BigDecimal weight,
    int stock, int lowStockThreshold) {
  static final int DEFAULT_LOW_STOCK_THRESHOLD = 5;

  public static NewSku from(JsonObject json) {
    String original = json.getString("originalPrice");
    return new NewSku(json.getString("code"), json.getJsonObject("attributes", new JsonObject()),
        Money.of(json.getString("price")), original == null ? null : Money.of(original), weight(json),
        json.getInteger("stock", 0), json.getInteger("lowStockThreshold", DEFAULT_LOW_STOCK_THRESHOLD));
  }

  /** The body's weight in kg with three decimals; null when absent or null. */
  static BigDecimal weight(JsonObject json) {
    String weight = json.getString("weight");
    return weight == null ? null : new BigDecimal(weight).setScale(3, RoundingMode.UNNECESSARY);
  }
}
