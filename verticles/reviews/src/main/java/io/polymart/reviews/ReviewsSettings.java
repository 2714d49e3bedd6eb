package io.polymart.reviews;

import io.polymart.core.config.ConfigException;
import io.vertx.core.json.JsonObject;

/**
 * The reviews verticle's conf, {@code reviews.*}, checked on reading.
 *
 * @param requirePurchase whether only a verified buyer (an order of the product DELIVERED or COMPLETED) may review
 */
public record ReviewsSettings(boolean requirePurchase) {
  public static ReviewsSettings from(JsonObject conf) {
    JsonObject reviews = conf.getJsonObject("reviews");
    if (reviews == null) {
      throw new ConfigException("Configuration section 'reviews' is missing");
    }
    Object requirePurchase = reviews.getValue("requirePurchase");
    if (!(requirePurchase instanceof Boolean required)) {
      throw new ConfigException("Configuration key 'reviews.requirePurchase' must be a boolean, got "
          + requirePurchase);
    }
    return new ReviewsSettings(required);
  }
}
