package io.polymart.recommendations;

import io.polymart.recommendations.scoring.ForwardDecay;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

/** Writes and reads the day sets of the trending windows (see {@link TrendingWindow}). */
final class TrendingCounts {
  static final String ALL = "all";
  private static final long DAY_SECONDS = Duration.ofDays(1).toSeconds();
  private final RecommendationsSettings settings;

  TrendingCounts(RecommendationsSettings settings) {
    this.settings = settings;
  }

  /** Counts {@code weight} for the product at {@code at} in every window, overall and in its category if known. */
  void count(EventWrites writes, String productId, String categoryId, double weight, Instant at) {
    long day = Math.floorDiv(at.getEpochSecond(), DAY_SECONDS);
    for (TrendingWindow window : TrendingWindow.values()) {
      double decayed = weight * decay(window, day).weight(at);
      for (String scope : categoryId == null ? List.of(ALL) : List.of(ALL, categoryId)) {
        String key = RecsKeys.trending(window, scope, day);
        writes.zincr(key, decayed, productId).ztrim(key, settings.trendingPerDay())
            // by event time: a replayed old day set is gone at once
            .expireAt(key, (day + window.days + 1) * DAY_SECONDS);
      }
    }
  }

  /** The keys to read for the window now, newest day first. */
  List<String> keys(TrendingWindow window, String scope, Instant now) {
    long today = Math.floorDiv(now.getEpochSecond(), DAY_SECONDS);
    return LongStream.range(0, window.days).mapToObj(back -> RecsKeys.trending(window, scope,
        today - back)).toList();
  }

  /** The day sets read for {@link #keys}, summed as counts decayed to now. */
  Map<String, Double> combine(TrendingWindow window, Instant now, List<Map<String, Double>> daySets) {
    long today = Math.floorDiv(now.getEpochSecond(), DAY_SECONDS);
    Map<String, Double> counts = new HashMap<>();
    for (int back = 0; back < daySets.size(); back++) {
      ForwardDecay decay = decay(window, today - back);
      daySets.get(back).forEach((item, sum) -> counts.merge(item, decay.decayed(sum, now), Double::sum));
    }
    return counts;
  }

  private ForwardDecay decay(TrendingWindow window, long day) {
    return new ForwardDecay(Instant.ofEpochSecond(day * DAY_SECONDS), settings.halfLife(window).toSeconds());
  }
}
