package io.polymart.recommendations.eval;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Leave-one-out metrics at k over a strategy's answers: hit rate (share of cases whose hidden item is in the top k),
 * NDCG (one relevant item, so 1/log2(rank + 1) when it is at that rank in the top k, else 0, averaged) and catalogue
 * coverage (share of the catalogue recommended in at least one top k).
 */
final class Metrics {
  private final int k;
  private int cases;
  private int hits;
  private double dcgSum;
  private final Set<String> recommended = new HashSet<>();

  Metrics(int k) {
    this.k = k;
  }

  void add(List<String> answer, String hidden) {
    List<String> top = answer.subList(0, Math.min(k, answer.size()));
    cases++;
    recommended.addAll(top);
    int index = top.indexOf(hidden);
    if (index >= 0) {
      hits++;
      dcgSum += 1 / log2(index + 2);
    }
  }

  int cases() {
    return cases;
  }

  double hitRate() {
    return cases == 0 ? 0 : (double) hits / cases;
  }

  double ndcg() {
    return cases == 0 ? 0 : dcgSum / cases;
  }

  double coverage(int catalogueSize) {
    return catalogueSize == 0 ? 0 : (double) recommended.size() / catalogueSize;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
