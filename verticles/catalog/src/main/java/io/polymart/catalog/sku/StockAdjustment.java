package io.polymart.catalog.sku;

import io.vertx.core.json.JsonObject;

/**
 * {@code {delta, reason}} adjusts on-hand stock, {@code {onHand, reason}} sets it (a stock take). That exactly one
 * of the two is given, and a reason with text, is the contract's rule ({@code schemas/json/catalog-sku-stock.json}).
 */
public record StockAdjustment(String reason, Integer delta, Integer onHand) {
  public static StockAdjustment from(JsonObject body) {
    return new StockAdjustment(body.getString("reason").trim(), body.getInteger("delta"), body.getInteger("onHand"));
  }
}
