package io.polymart.recommendations;

/**
 * Every Redis key of the verticle, all under {@code recs:}. What grows with what (the README's memory section):
 * per product a snapshot hash, two neighbour sets (capped), two item weights and its category/brand membership; per
 * shopper (user or visitor) one capped, expiring activity set; per day a few capped trending sets that expire.
 */
final class RecsKeys {
  static final String PREFIX = "recs:";
  /**
   * Hash: {@code topic:partition} -> the {@linkplain io.polymart.core.events.DomainEvent#position() position} of the
   * last event whose writes were applied.
   */
  static final String POSITIONS = PREFIX + "positions";
  /** List: parked events, newest first, capped. */
  static final String PARKED = PREFIX + "parked";
  /** Hash: the demo shoppers' visits already simulated ({@link DemoShoppers}). */
  static final String DEMO_VISITS = PREFIX + "demo:visits";

  private RecsKeys() {
  }

  /** Hash: the product's snapshot fields, per-SKU prices and stock, rating. */
  static String product(String productId) {
    return PREFIX + "p:" + productId;
  }

  /** Set: the products of a category. */
  static String category(String categoryId) {
    return PREFIX + "cat:" + categoryId;
  }

  /** Set: the products of a brand. */
  static String brand(String brandId) {
    return PREFIX + "brand:" + brandId;
  }

  /** Hash: product -> forward-decayed weight of the baskets it was in. */
  static String itemWeights(Relation relation) {
    return PREFIX + relation.code + ":w";
  }

  /** Sorted set: the product's neighbours by forward-decayed pair weight, capped. */
  static String neighbours(Relation relation, String productId) {
    return PREFIX + relation.code + ":n:" + productId;
  }

  /** Sorted set: {@code kind:productId} -> epoch millis of the shopper's latest such activity, capped, expiring. */
  static String activity(Shopper shopper) {
    return PREFIX + "act:" + shopper.key();
  }

  /** Sorted set: decayed counts of one day bucket of a trending window; {@code scope} is "all" or a category id. */
  static String trending(TrendingWindow window, String scope, long epochDay) {
    return PREFIX + "tr:" + window.code + ":" + scope + ":" + epochDay;
  }

  /** What co-occurrence is learned from. */
  enum Relation {
    BOUGHT("bt"), VIEWED("vt");

    final String code;

    Relation(String code) {
      this.code = code;
    }
  }
}
