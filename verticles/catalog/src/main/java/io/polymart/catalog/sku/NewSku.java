package io.polymart.catalog.sku;

import io.polymart.core.error.ServiceException;
import io.polymart.core.money.Money;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A SKU as a seller submits it, checked beyond what the JSON Schema can say. */
public record NewSku(String code, JsonObject attributes, BigDecimal price, BigDecimal originalPrice, BigDecimal weight,
    int stock, int lowStockThreshold) {
  static final int DEFAULT_LOW_STOCK_THRESHOLD = 5;

  public static NewSku from(JsonObject json, String field) {
    Object weight = json.getValue("weight");
    return new NewSku(json.getString("code"), json.getJsonObject("attributes", new JsonObject()),
        Money.parsePositive(field + ".price", json.getValue("price")),
        Money.parseOptional(field + ".originalPrice", json.getValue("originalPrice")),
        weight == null ? null : parseWeight(field + ".weight", weight),
        json.getInteger("stock", 0), json.getInteger("lowStockThreshold", DEFAULT_LOW_STOCK_THRESHOLD));
  }

  static BigDecimal parseWeight(String field, Object value) {
    try {
      BigDecimal weight = new BigDecimal(value.toString()).setScale(3, RoundingMode.UNNECESSARY);
      if (weight.signum() < 0 || weight.precision() > 10) {
        throw new NumberFormatException();
      }
      return weight;
    } catch (NumberFormatException | ArithmeticException e) {
      throw ServiceException.invalidField(field, "must be a weight in kg with at most 3 decimals, like \"0.250\"");
    }
  }
}
