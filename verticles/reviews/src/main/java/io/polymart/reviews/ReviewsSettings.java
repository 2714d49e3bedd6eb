package io.polymart.reviews;

import io.polymart.core.config.ConfigException;
import io.polymart.core.config.ConfigRules;
import io.polymart.core.config.ConfigValues;
import io.vertx.core.json.JsonObject;

/**
 * The reviews verticle's conf, {@code reviews.*}, checked on reading.
 *
 * @param requirePurchase whether only a verified buyer (an order of the product DELIVERED or COMPLETED) may review
 * @param autoPublish whether a verified buyer's review is published at once instead of waiting for moderation
 * @param reportsToHide how many users' reports take a published review back to moderation
 * @param demo whether to write the demo shop's reviews and votes (set by {@code --demo})
 * @param rateLimit what one user may do per window
 */
public record ReviewsSettings(boolean requirePurchase, boolean autoPublish, int reportsToHide, boolean demo,
    RateLimits rateLimit) {
  /** {@code reviews.rateLimit.*}: per user and window, counted in Redis under {@code reviews:rl:}. */
  public record RateLimits(int windowSeconds, int writesPerUser, int votesPerUser, int reportsPerUser,
      int uploadsPerUser) {
    static RateLimits from(JsonObject conf) {
      return new RateLimits(limit(conf, "windowSeconds", 86_400), limit(conf, "writesPerUser", 1_000_000),
          limit(conf, "votesPerUser", 1_000_000), limit(conf, "reportsPerUser", 1_000_000),
          limit(conf, "uploadsPerUser", 1_000_000));
    }

    private static int limit(JsonObject conf, String key, int max) {
      return (int) ConfigValues.inRange(conf, "reviews.rateLimit." + key, 1, max);
    }
  }

  public static ReviewsSettings from(JsonObject conf) {
    JsonObject reviews = conf.getJsonObject("reviews");
    if (reviews == null) {
      throw new ConfigException("Configuration section 'reviews' is missing");
    }
    boolean demo = demo(reviews);
    if (demo && ConfigRules.MODE_PRODUCTION.equals(conf.getString("mode"))) {
      throw new ConfigException("Configuration key 'reviews.demo.enabled' must be false in production mode");
    }
    return new ReviewsSettings(bool(reviews, "requirePurchase"), bool(reviews, "autoPublish"),
        (int) ConfigValues.inRange(conf, "reviews.reportsToHide", 1, 1_000_000), demo, RateLimits.from(conf));
  }

  private static boolean demo(JsonObject reviews) {
    JsonObject demo = reviews.getJsonObject("demo");
    if (demo == null) {
      throw new ConfigException("Configuration section 'reviews.demo' is missing");
    }
    Object enabled = demo.getValue("enabled");
    if (!(enabled instanceof Boolean flag)) {
      throw new ConfigException("Configuration key 'reviews.demo.enabled' must be a boolean, got " + enabled);
    }
    return flag;
  }

  private static boolean bool(JsonObject reviews, String key) {
    Object value = reviews.getValue(key);
    if (!(value instanceof Boolean flag)) {
      throw new ConfigException("Configuration key 'reviews." + key + "' must be a boolean, got " + value);
    }
    return flag;
  }
}
