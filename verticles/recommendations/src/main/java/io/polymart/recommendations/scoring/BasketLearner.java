package io.polymart.recommendations.scoring;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Learns from one basket (an order's products, a session's views): each distinct item once, and each pair of distinct
 * items in both directions, all with the basket's weight. Only the first {@value #MAX_ITEMS} distinct items count, so
 * one huge basket cannot add more than a bounded number of pairs.
 */
public final class BasketLearner {
  public static final int MAX_ITEMS = 50;

  private BasketLearner() {
  }

  public static void learn(Collection<String> basket, double weight, CoOccurrenceSink sink) {
    List<String> items = new ArrayList<>(new LinkedHashSet<>(basket));
    if (items.size() > MAX_ITEMS) {
      items = items.subList(0, MAX_ITEMS);
    }
    for (String item : items) {
      sink.addItem(item, weight);
    }
    for (String item : items) {
      for (String other : items) {
        if (!item.equals(other)) {
          sink.addPair(item, other, weight);
        }
      }
    }
  }

  /**
   * Learns that {@code added} joined a basket already holding {@code earlier} (a session's next view): the item once
   * unless it was there already, and its pairs with each earlier item in both directions. Adding a session's views one
   * by one this way learns what {@link #learn} learns from the whole session at once (within the first
   * {@value #MAX_ITEMS} distinct items).
   */
  public static void learnAddition(Collection<String> earlier, String added, double weight, CoOccurrenceSink sink) {
    List<String> items = new ArrayList<>(new LinkedHashSet<>(earlier));
    if (items.contains(added) || items.size() >= MAX_ITEMS) {
      return;
    }
    sink.addItem(added, weight);
    for (String item : items) {
      sink.addPair(item, added, weight);
      sink.addPair(added, item, weight);
    }
  }
}
