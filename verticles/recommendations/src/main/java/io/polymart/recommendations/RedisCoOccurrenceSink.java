package io.polymart.recommendations;

import io.polymart.recommendations.RecsKeys.Relation;
import io.polymart.recommendations.scoring.CoOccurrenceSink;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Where {@link io.polymart.recommendations.scoring.BasketLearner} writes in the verticle: item weights into a hash,
 * pair weights into each item's neighbour set, which is trimmed to the cap after the adds (the lowest, so the oldest
 * and rarest, go first). Writes go into the event's {@link EventWrites}.
 */
final class RedisCoOccurrenceSink implements CoOccurrenceSink {
  private final EventWrites writes;
  private final Relation relation;
  private final int neighboursPerItem;
  private final Set<String> touched = new LinkedHashSet<>();

  RedisCoOccurrenceSink(EventWrites writes, Relation relation, int neighboursPerItem) {
    this.writes = writes;
    this.relation = relation;
    this.neighboursPerItem = neighboursPerItem;
  }

  @Override
  public void addItem(String item, double weight) {
    writes.hincr(RecsKeys.itemWeights(relation), item, weight);
  }

  @Override
  public void addPair(String item, String neighbour, double weight) {
    writes.zincr(RecsKeys.neighbours(relation, item), weight, neighbour);
    touched.add(item);
  }

  /** Trims every neighbour set written to; call once after learning. */
  void trim() {
    touched.forEach(item -> writes.ztrim(RecsKeys.neighbours(relation, item), neighboursPerItem));
  }
}
