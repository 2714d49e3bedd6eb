package io.polymart.recommendations.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * "Similar" from what the products are rather than who bought them, so that it covers a new product with no history:
 * the same category counts most, then the same brand, a price within {@link #PRICE_BAND} of the item's, and each
 * shared attribute value (up to {@link #MAX_SHARED_VALUES}).
 */
public final class ContentSimilarity {
  static final double CATEGORY = 4;
  static final double BRAND = 2;
  static final double PRICE = 1;
  static final double SHARED_VALUE = 0.5;
  static final int MAX_SHARED_VALUES = 4;
  /** Prices within 25 % of each other (of the higher one) are in one band. */
  public static final double PRICE_BAND = 0.25;

  /** What similarity looks at; any field may be null (attributes empty). */
  public record Features(String category, String brand, BigDecimal price, Map<String, Set<String>> attributes) {
    public Features {
      attributes = attributes == null ? Map.of() : attributes;
    }
  }

  private ContentSimilarity() {
  }

  public static double score(Features item, Features other) {
    double score = 0;
    if (item.category() != null && item.category().equals(other.category())) {
      score += CATEGORY;
    }
    if (item.brand() != null && item.brand().equals(other.brand())) {
      score += BRAND;
    }
    if (samePriceBand(item.price(), other.price())) {
      score += PRICE;
    }
    return score + SHARED_VALUE * Math.min(MAX_SHARED_VALUES, sharedValues(item, other));
  }

  /** Up to {@code size} of {@code candidates} most like {@code item}, best first (ties by id); never the item. */
  public static List<Scored> rank(String item, Features features, Map<String, Features> candidates, int size) {
    List<Scored> scored = new ArrayList<>();
    candidates.forEach((id, other) -> {
      if (!id.equals(item)) {
        double score = score(features, other);
        if (score > 0) {
          scored.add(new Scored(id, score));
        }
      }
    });
    return ItemToItem.top(scored, size);
  }

  static boolean samePriceBand(BigDecimal price, BigDecimal other) {
    if (price == null || other == null || price.signum() <= 0 || other.signum() <= 0) {
      return false;
    }
    BigDecimal high = price.max(other);
    return high.subtract(price.min(other)).doubleValue() <= PRICE_BAND * high.doubleValue();
  }

  private static int sharedValues(Features item, Features other) {
    int shared = 0;
    for (Map.Entry<String, Set<String>> attribute : item.attributes().entrySet()) {
      Set<String> values = other.attributes().get(attribute.getKey());
      if (values != null) {
        shared += (int) attribute.getValue().stream().filter(Objects::nonNull).filter(values::contains).count();
      }
    }
    return shared;
  }
}
