package io.polymart.recommendations;

import io.polymart.core.config.ConfigException;
import io.polymart.core.config.ConfigRules;
import io.polymart.core.config.ConfigValues;
import io.polymart.recommendations.scoring.ForwardDecay;
import io.vertx.core.json.JsonObject;

import java.time.Duration;

/**
 * The recommendations verticle's conf, {@code recommendations.*}, checked on reading.
 *
 * @param neighboursPerItem the most neighbours kept per product and relation (bought, viewed together)
 * @param activityPerUser the most recent activities (views, cart adds, purchases) kept per shopper
 * @param activityTtl a shopper's activity is forgotten after this long without any
 * @param sessionWindow views of one shopper this close in time are viewed together
 * @param pairHalfLife the half-life of bought- and viewed-together weights
 * @param activityHalfLife the half-life of a shopper's interest in what they did ("for you")
 * @param trendingDayHalfLife the half-life of the {@code day} trending window
 * @param trendingWeekHalfLife the half-life of the {@code week} trending window
 * @param trendingPerDay the most products kept per day set of a trending window and scope
 * @param trendingCache how long an instance reuses a trending ranking it computed (zero: never)
 * @param similarCandidates the most products of the same category and brand looked at for "similar"
 * @param viewWeight what a view counts for in "for you" and trending
 * @param cartWeight what a cart add counts for
 * @param purchaseWeight what a purchase counts for
 * @param demo whether to simulate the demo shop's shoppers ({@link DemoShoppers}, set by {@code --demo})
 */
public record RecommendationsSettings(int neighboursPerItem, int activityPerUser, Duration activityTtl,
    Duration sessionWindow, Duration pairHalfLife, Duration activityHalfLife, Duration trendingDayHalfLife,
    Duration trendingWeekHalfLife, int trendingPerDay, Duration trendingCache, int similarCandidates, int viewWeight, int cartWeight,
    int purchaseWeight, boolean demo) {

  public static RecommendationsSettings from(JsonObject conf) {
    if (conf.getJsonObject("recommendations") == null) {
      throw new ConfigException("Configuration section 'recommendations' is missing");
    }
    if (conf.getJsonObject("recommendations").getJsonObject("weights") == null) {
      throw new ConfigException("Configuration section 'recommendations.weights' is missing");
    }
    boolean demo = demo(conf.getJsonObject("recommendations"));
    if (demo && ConfigRules.MODE_PRODUCTION.equals(conf.getString("mode"))) {
      throw new ConfigException("Configuration key 'recommendations.demo.enabled' must be false in production mode");
    }
    return new RecommendationsSettings(
        (int) ConfigValues.inRange(conf, "recommendations.neighboursPerItem", 1, 1_000),
        (int) ConfigValues.inRange(conf, "recommendations.activityPerUser", 1, 1_000),
        Duration.ofDays(ConfigValues.inRange(conf, "recommendations.activityTtlDays", 1, 365)),
        Duration.ofMinutes(ConfigValues.inRange(conf, "recommendations.sessionWindowMinutes", 1, 1_440)),
        Duration.ofDays(ConfigValues.inRange(conf, "recommendations.pairHalfLifeDays", 7, 365)),
        Duration.ofHours(ConfigValues.inRange(conf, "recommendations.activityHalfLifeHours", 1, 8_760)),
        Duration.ofHours(ConfigValues.inRange(conf, "recommendations.trendingDayHalfLifeHours", 1, 24)),
        Duration.ofHours(ConfigValues.inRange(conf, "recommendations.trendingWeekHalfLifeHours", 1, 168)),
        (int) ConfigValues.inRange(conf, "recommendations.trendingPerDay", 10, 100_000),
        Duration.ofMillis(ConfigValues.inRange(conf, "recommendations.trendingCacheMillis", 0, 60_000)),
        (int) ConfigValues.inRange(conf, "recommendations.similarCandidates", 10, 10_000),
        (int) ConfigValues.inRange(conf, "recommendations.weights.view", 1, 1_000),
        (int) ConfigValues.inRange(conf, "recommendations.weights.cartAdd", 1, 1_000),
        (int) ConfigValues.inRange(conf, "recommendations.weights.purchase", 1, 1_000), demo);
  }

  private static boolean demo(JsonObject recommendations) {
    JsonObject demo = recommendations.getJsonObject("demo");
    if (demo == null) {
      throw new ConfigException("Configuration section 'recommendations.demo' is missing");
    }
    Object enabled = demo.getValue("enabled");
    if (!(enabled instanceof Boolean flag)) {
      throw new ConfigException("Configuration key 'recommendations.demo.enabled' must be a boolean, got " + enabled);
    }
    return flag;
  }

  /**
   * Pair weights grow by 2 each half-life from 2026: the 7-day minimum keeps them within a double for over a
   * century.
   */
  ForwardDecay pairDecay() {
    return new ForwardDecay(ForwardDecay.DEFAULT_ORIGIN, pairHalfLife.toSeconds());
  }

  Duration halfLife(TrendingWindow window) {
    return window == TrendingWindow.DAY ? trendingDayHalfLife : trendingWeekHalfLife;
  }

  int weight(ActivityKind kind) {
    return switch (kind) {
      case VIEW -> viewWeight;
      case CART -> cartWeight;
      case PURCHASE -> purchaseWeight;
    };
  }
}
