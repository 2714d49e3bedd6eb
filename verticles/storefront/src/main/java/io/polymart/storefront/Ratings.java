package io.polymart.storefront;

import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/** A rating as a page shows it: five stars, the average to one decimal and the count. */
final class Ratings {
  private Ratings() {
  }

  static Map<String, Object> of(JsonObject rating) {
    Number average = rating == null ? null : rating.getNumber("average");
    int count = rating == null ? 0 : rating.getInteger("count", 0);
    if (average == null || count == 0) {
      return Map.of("count", 0, "stars", "", "average", "");
    }
    BigDecimal rounded = new BigDecimal(average.toString()).setScale(1, RoundingMode.HALF_UP);
    return Map.of("count", count, "stars", stars(rounded.setScale(0, RoundingMode.HALF_UP).intValue()), "average",
        rounded.toPlainString());
  }

  /** {@code full} of five stars: ★★★★☆. */
  static String stars(int full) {
    int shown = Math.max(0, Math.min(5, full));
    return "★".repeat(shown) + "☆".repeat(5 - shown);
  }
}
