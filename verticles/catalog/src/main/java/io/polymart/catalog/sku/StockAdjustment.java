package io.polymart.catalog.sku;

import io.polymart.core.error.ServiceException;
import io.vertx.core.json.JsonObject;

/** {@code {delta, reason}} adjusts on-hand stock, {@code {onHand, reason}} sets it (a stock take). */
public record StockAdjustment(String reason, Integer delta, Integer onHand) {
  public static StockAdjustment from(JsonObject body) {
    String reason = body.getString("reason", "").trim();
    if (reason.isEmpty()) {
      throw ServiceException.invalidField("reason", "is required");
    }
    Integer delta = body.getInteger("delta");
    Integer onHand = body.getInteger("onHand");
    if ((delta == null) == (onHand == null)) {
      throw ServiceException.invalidField("body", "give exactly one of delta and onHand");
    }
    return new StockAdjustment(reason, delta, onHand);
  }
}
