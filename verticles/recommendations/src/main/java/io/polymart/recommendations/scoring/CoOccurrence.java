package io.polymart.recommendations.scoring;

import java.util.Map;

/**
 * What item-to-item scores are computed from: how much each item was seen (bought, viewed) and how much each pair was
 * seen together, both as (decayed) weights.
 */
public interface CoOccurrence {
  /** The item's own weight; 0 when never seen. */
  double itemWeight(String item);

  /** The items seen together with {@code item}, with the weight of each pair; empty when none. */
  Map<String, Double> neighbours(String item);
}
