package io.polymart.recommendations.eval;

import io.polymart.recommendations.scoring.CoOccurrence;
import io.polymart.recommendations.scoring.ItemToItem;
import io.polymart.recommendations.scoring.Personal;
import io.polymart.recommendations.scoring.Popularity;
import io.polymart.recommendations.scoring.Scored;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A way to answer a test case with k items, each calling the scoring core the verticle serves with. The basket's other
 * items are never recommended (they are already in it); the hidden one competes with the whole catalogue.
 */
interface Strategy {
  String name();

  List<String> recommend(TestCase testCase, int k);

  /** The most bought items of the training period, whatever the basket holds. */
  static Strategy popularity(Map<String, Double> itemWeights) {
    return new Named("popularity", (testCase, k) -> {
      Set<String> query = new HashSet<>(testCase.query());
      return items(Popularity.rank(itemWeights, k, item -> !query.contains(item)));
    });
  }

  /**
   * The bought-together lists of the basket's other items, merged: a candidate scores its best cosine with any of them
   * (max rather than sum, so a candidate near one item of a big basket is not drowned by best-sellers that are weakly
   * near all of them; the sum is what the personalised strategy does).
   */
  static Strategy itemToItem(CoOccurrence stats) {
    return new Named("item-to-item", (testCase, k) -> {
      Set<String> query = new HashSet<>(testCase.query());
      Map<String, Double> best = new HashMap<>();
      for (String item : testCase.query()) {
        for (Scored neighbour : ItemToItem.rank(item, stats, Integer.MAX_VALUE, other -> !query.contains(other))) {
          best.merge(neighbour.item(), neighbour.score(), Math::max);
        }
      }
      List<Scored> merged = new ArrayList<>();
      best.forEach((item, score) -> merged.add(new Scored(item, score)));
      merged.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::item));
      return items(merged.subList(0, Math.min(k, merged.size())));
    });
  }

  /**
   * "For you": the basket's other items (weight 1, the most recent interest) plus the shopper's earlier baskets
   * weighted by recency when users are known. Like the verticle, it never recommends an item of interest (so never
   * what the shopper bought before).
   */
  static Strategy personal(CoOccurrence stats) {
    return personal("personalised", stats, false);
  }

  /** The same with the shopper's earlier items recommendable: what the exclusion costs when shoppers buy again. */
  static Strategy personalWithRebuys(CoOccurrence stats) {
    return personal("personal+rebuy", stats, true);
  }

  private static Strategy personal(String name, CoOccurrence stats, boolean historyRecommendable) {
    return new Named(name, (testCase, k) -> {
      Map<String, Double> interests = new LinkedHashMap<>(testCase.history());
      testCase.query().forEach(item -> interests.merge(item, 1.0, Double::sum));
      Set<String> query = new HashSet<>(testCase.query());
      return items(Personal.rank(interests, stats, k, item -> true, query, historyRecommendable));
    });
  }

  private static List<String> items(List<Scored> scored) {
    return scored.stream().map(Scored::item).toList();
  }

  interface Ranker {
    List<String> recommend(TestCase testCase, int k);
  }

  record Named(String name, Ranker ranker) implements Strategy {
    @Override
    public List<String> recommend(TestCase testCase, int k) {
      return ranker.recommend(testCase, k);
    }
  }
}
