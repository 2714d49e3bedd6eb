package io.polymart.recommendations.scoring;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Co-occurrence weights in memory: what the offline evaluation learns into, and the snapshot the verticle scores a
 * request from after reading the item's neighbours out of Redis.
 */
public final class MemoryCoOccurrence implements CoOccurrence, CoOccurrenceSink {
  private final Map<String, Double> items = new HashMap<>();
  private final Map<String, Map<String, Double>> pairs = new HashMap<>();

  @Override
  public void addItem(String item, double weight) {
    items.merge(item, weight, Double::sum);
  }

  @Override
  public void addPair(String item, String neighbour, double weight) {
    pairs.computeIfAbsent(item, i -> new HashMap<>()).merge(neighbour, weight, Double::sum);
  }

  @Override
  public double itemWeight(String item) {
    return items.getOrDefault(item, 0.0);
  }

  @Override
  public Map<String, Double> neighbours(String item) {
    return Collections.unmodifiableMap(pairs.getOrDefault(item, Map.of()));
  }

  /** Every item's weight, for popularity. */
  public Map<String, Double> itemWeights() {
    return Collections.unmodifiableMap(items);
  }
}
