package io.polymart.recommendations.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The most seen items (by decayed weight): trending, and the answer for a shopper with no history. */
public final class Popularity {
  private Popularity() {
  }

  public static List<Scored> rank(Map<String, Double> weights, int size, Predicate<String> eligible) {
    List<Scored> scored = new ArrayList<>();
    weights.forEach((item, weight) -> {
      if (weight > 0 && eligible.test(item)) {
        scored.add(new Scored(item, weight));
      }
    });
    return ItemToItem.top(scored, size);
  }
}
