package io.polymart.recommendations.scoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * "For you": every item the shopper showed interest in (weighted by kind and recency by the caller) lends its
 * item-to-item neighbours its weight times their similarity; the sums rank the candidates. Items in {@code exclude}
 * (what they just bought, what they are looking at) are never recommended.
 */
public final class Personal {
  private Personal() {
  }

  public static List<Scored> rank(Map<String, Double> interests, CoOccurrence stats, int size,
      Predicate<String> eligible, Set<String> exclude) {
    return rank(interests, stats, size, eligible, exclude, false);
  }

  /**
   * As {@link #rank(Map, CoOccurrence, int, Predicate, Set)}, but when {@code interestsRecommendable} an item of
   * interest may itself be recommended (through its neighbours' similarity to it) unless it is in {@code exclude}: the
   * offline evaluation shows what the default (never an item of interest) costs when shoppers buy items again.
   */
  public static List<Scored> rank(Map<String, Double> interests, CoOccurrence stats, int size,
      Predicate<String> eligible, Set<String> exclude, boolean interestsRecommendable) {
    Map<String, Double> sums = new HashMap<>();
    for (Map.Entry<String, Double> interest : interests.entrySet()) {
      String item = interest.getKey();
      double itemWeight = stats.itemWeight(item);
      for (Map.Entry<String, Double> neighbour : stats.neighbours(item).entrySet()) {
        String other = neighbour.getKey();
        if (!other.equals(item) && !exclude.contains(other) && (interestsRecommendable || !interests.containsKey(other))
            && eligible.test(other)) {
          double similarity = ItemToItem.cosine(neighbour.getValue(), itemWeight, stats.itemWeight(other));
          sums.merge(other, interest.getValue() * similarity, Double::sum);
        }
      }
    }
    List<Scored> scored = new ArrayList<>();
    sums.forEach((item, score) -> {
      if (score > 0) {
        scored.add(new Scored(item, score));
      }
    });
    return ItemToItem.top(scored, size);
  }
}
