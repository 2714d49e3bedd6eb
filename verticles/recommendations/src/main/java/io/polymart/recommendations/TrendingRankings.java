package io.polymart.recommendations;

import io.polymart.recommendations.scoring.Scored;
import io.vertx.core.Future;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Trending rankings an instance computed, reused for {@code recommendations.trendingCacheMillis}: a ranking reads
 * and decays up to {@code trendingPerDay} counts from each day set of its window, the largest cost of a home page,
 * while trending moves over minutes and hours. Concurrent asks share one computation; a failed one is not kept.
 * Which products may be shown is still read on every answer ({@link ProductCards}), so a withdrawn product leaves at
 * once. One instance's map, used on its event loop only.
 */
final class TrendingRankings {
  private record Kept(Future<List<Scored>> ranking, long computedAt) {
  }

  private final Map<String, Kept> kept = new HashMap<>();
  private final Duration reuseFor;
  private final Clock clock;

  TrendingRankings(Duration reuseFor, Clock clock) {
    this.reuseFor = reuseFor;
    this.clock = clock;
  }

  Future<List<Scored>> get(String category, TrendingWindow window, Supplier<Future<List<Scored>>> compute) {
    if (reuseFor.isZero()) {
      return compute.get();
    }
    String key = window.code + ":" + (category == null ? "" : category);
    long now = clock.millis();
    Kept current = kept.get(key);
    if (current != null && now - current.computedAt() < reuseFor.toMillis()) {
      return current.ranking();
    }
    Kept computing = new Kept(compute.get(), now);
    kept.put(key, computing);
    computing.ranking().onFailure(e -> kept.remove(key, computing));
    return computing.ranking();
  }
}
