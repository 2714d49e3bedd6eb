package io.polymart.recommendations.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Items seen together with an item, ranked by cosine similarity: the pair's weight over the geometric mean of the two
 * items' weights. Dividing by the neighbour's own weight is what keeps best-sellers, seen with everything, from
 * topping every list; with forward-decayed weights (see {@link ForwardDecay}) the score is that of decayed counts.
 */
public final class ItemToItem {
  private ItemToItem() {
  }

  public static double cosine(double pairWeight, double itemWeight, double neighbourWeight) {
    return itemWeight <= 0 || neighbourWeight <= 0 ? 0 : pairWeight / Math.sqrt(itemWeight * neighbourWeight);
  }

  /** Up to {@code size} neighbours of {@code item} that are {@code eligible}, best first (ties by item id). */
  public static List<Scored> rank(String item, CoOccurrence stats, int size, Predicate<String> eligible) {
    double itemWeight = stats.itemWeight(item);
    List<Scored> scored = new ArrayList<>();
    for (Map.Entry<String, Double> neighbour : stats.neighbours(item).entrySet()) {
      String other = neighbour.getKey();
      if (!other.equals(item) && eligible.test(other)) {
        double score = cosine(neighbour.getValue(), itemWeight, stats.itemWeight(other));
        if (score > 0) {
          scored.add(new Scored(other, score));
        }
      }
    }
    return top(scored, size);
  }

  static List<Scored> top(List<Scored> scored, int size) {
    scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::item));
    return List.copyOf(scored.subList(0, Math.min(size, scored.size())));
  }
}
