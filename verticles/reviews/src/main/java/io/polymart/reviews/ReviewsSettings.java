package io.polymart.reviews;

import io.polymart.core.config.ConfigException;
import io.polymart.core.config.ConfigValues;
import io.vertx.core.json.JsonObject;

/**
 * The reviews verticle's conf, {@code reviews.*}, checked on reading.
 *
 * @param requirePurchase whether only a verified buyer (an order of the product DELIVERED or COMPLETED) may review
 * @param autoPublish whether a verified buyer's review is published at once instead of waiting for moderation
 * @param reportsToHide how many users' reports take a published review back to moderation
 */
public record ReviewsSettings(boolean requirePurchase, boolean autoPublish, int reportsToHide) {
  public static ReviewsSettings from(JsonObject conf) {
    JsonObject reviews = conf.getJsonObject("reviews");
    if (reviews == null) {
      throw new ConfigException("Configuration section 'reviews' is missing");
    }
    return new ReviewsSettings(bool(reviews, "requirePurchase"), bool(reviews, "autoPublish"),
        (int) ConfigValues.inRange(conf, "reviews.reportsToHide", 1, 1_000_000));
  }

  private static boolean bool(JsonObject reviews, String key) {
    Object value = reviews.getValue(key);
    if (!(value instanceof Boolean flag)) {
      throw new ConfigException("Configuration key 'reviews." + key + "' must be a boolean, got " + value);
    }
    return flag;
  }
}
