package io.polymart.storefront;

import io.polymart.core.config.ConfigValues;
import io.vertx.core.json.JsonObject;

/** The storefront's conf: {@code storefront.*} and the shop's {@code currency}, checked on reading. */
public record StorefrontSettings(int pageSize, String currency) {
  public static StorefrontSettings from(JsonObject config) {
    // the catalog answers at most 100 products a page
    int pageSize = (int) ConfigValues.inRange(config, "storefront.pageSize", 1, 100);
    return new StorefrontSettings(pageSize, config.getString("currency"));
  }
}
