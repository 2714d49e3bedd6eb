package io.polymart.cart;

import io.polymart.core.config.ConfigValues;
import io.vertx.core.json.JsonObject;

/** The cart's rules from conf: {@code cart.*} and the shop's {@code currency}, checked on reading. */
public record CartSettings(int maxQuantityPerLine, int maxLines, long ttlSeconds, String currency) {
  public static CartSettings from(JsonObject config) {
    int maxQuantityPerLine = (int) ConfigValues.inRange(config, "cart.maxQuantityPerLine", 1, 10_000);
    // every cart view looks all its lines up in the catalog
    int maxLines = (int) ConfigValues.inRange(config, "cart.maxLines", 1, 100);
    long ttlDays = ConfigValues.inRange(config, "cart.ttlDays", 1, 365);
    return new CartSettings(maxQuantityPerLine, maxLines, ttlDays * 24 * 3600, config.getString("currency"));
  }
}
