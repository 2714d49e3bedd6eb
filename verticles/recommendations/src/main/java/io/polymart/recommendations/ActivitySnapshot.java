package io.polymart.recommendations;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One shopper's activity set ({@link RecsKeys#activity}) held in memory while a run of their events is learned, changed
 * the way the run's writes change it in Redis: a member's score only rises ({@code zmax}), and only the
 * {@code capacity} highest members stay, ties ranked by member as Redis ranks them ({@code ztrim}).
 */
final class ActivitySnapshot {
  private static final Comparator<Map.Entry<String, Double>> RANK =
      Map.Entry.<String, Double>comparingByValue().thenComparing(Map.Entry.comparingByKey());

  private final int capacity;
  private final Map<String, Double> scores = new HashMap<>();
  private final TreeSet<Map.Entry<String, Double>> ranked = new TreeSet<>(RANK);

  ActivitySnapshot(Map<String, Double> stored, int capacity) {
    this.capacity = capacity;
    stored.forEach(this::put);
  }

  /** The members scored from {@code from} to {@code to}, both included, in rank order (ZRANGEBYSCORE). */
  List<String> between(double from, double to) {
    List<String> members = new ArrayList<>();
    for (Map.Entry<String, Double> entry : ranked.subSet(Map.entry("", from), true, Map.entry("\uffff", to), true)) {
      members.add(entry.getKey());
    }
    return members;
  }

  /** {@code zmax} then {@code ztrim}, as {@link ShopperLearning} writes them for one event. */
  void remember(String member, double score) {
    Double current = scores.get(member);
    if (current == null || current < score) {
      put(member, score);
    }
    while (ranked.size() > capacity) {
      scores.remove(ranked.pollFirst().getKey());
    }
  }

  private void put(String member, double score) {
    Double previous = scores.put(member, score);
    if (previous != null) {
      ranked.remove(Map.entry(member, previous));
    }
    ranked.add(Map.entry(member, score));
  }
}
