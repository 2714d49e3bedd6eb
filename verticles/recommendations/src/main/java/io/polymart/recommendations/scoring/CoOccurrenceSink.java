package io.polymart.recommendations.scoring;

/** Where {@link BasketLearner} writes what it learns: in memory for the offline evaluation, Redis in the verticle. */
public interface CoOccurrenceSink {
  void addItem(String item, double weight);

  /** One direction of a pair: the learner adds both. */
  void addPair(String item, String neighbour, double weight);
}
