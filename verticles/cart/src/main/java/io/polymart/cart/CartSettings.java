package io.polymart.cart;

import io.vertx.core.json.JsonObject;

/** The cart's rules from conf: {@code cart.*} and the shop's {@code currency}. */
record CartSettings(int maxQuantityPerLine, int maxLines, long ttlSeconds, String currency) {
  static CartSettings from(JsonObject config) {
    JsonObject cart = config.getJsonObject("cart");
    return new CartSettings(cart.getInteger("maxQuantityPerLine"), cart.getInteger("maxLines"),
        cart.getLong("ttlDays") * 24 * 3600, config.getString("currency"));
  }
}
