package io.polymart.recommendations.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Builds the test cases of a split: every test basket with at least two items hides one of them, picked by a seeded
 * random draw. The history of a known shopper is the items of their baskets before this one (in training or earlier
 * in the test period: both are known when the question is asked), the most recent basket weighing 1/2, the one before
 * 1/4 and so on, up to {@value #HISTORY_BASKETS} baskets.
 */
final class TestCases {
  static final int HISTORY_BASKETS = 20;

  private TestCases() {
  }

  static List<TestCase> of(Dataset dataset, Split split, long seed) {
    Random random = new Random(seed);
    Map<String, List<Basket>> byUser = new HashMap<>();
    if (dataset.usersKnown()) {
      dataset.baskets().forEach(basket -> byUser.computeIfAbsent(basket.user(), u -> new ArrayList<>()).add(basket));
      byUser.values().forEach(baskets -> baskets.sort(Comparator.comparing(Basket::at)));
    }
    List<TestCase> cases = new ArrayList<>();
    for (Basket basket : split.test()) {
      if (basket.items().size() < 2) {
        continue;
      }
      List<String> query = new ArrayList<>(basket.items());
      String hidden = query.remove(random.nextInt(query.size()));
      Map<String, Double> history = dataset.usersKnown() ? history(byUser.get(basket.user()), basket) : Map.of();
      cases.add(new TestCase(basket.user(), query, hidden, history));
    }
    return cases;
  }

  private static Map<String, Double> history(List<Basket> userBaskets, Basket current) {
    Map<String, Double> history = new HashMap<>();
    double weight = 1;
    int counted = 0;
    for (int i = userBaskets.size() - 1; i >= 0 && counted < HISTORY_BASKETS; i--) {
      Basket earlier = userBaskets.get(i);
      if (earlier.at().isBefore(current.at())) {
        weight /= 2;
        counted++;
        for (String item : earlier.items()) {
          history.merge(item, weight, Double::sum);
        }
      }
    }
    return history;
  }
}
