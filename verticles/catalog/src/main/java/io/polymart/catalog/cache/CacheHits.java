package io.polymart.catalog.cache;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** {@code polymart_cache_requests_total{cache, result}}: reads a cache answered ({@code hit}) or not ({@code miss}). */
public final class CacheHits {
  private final Counter hits;
  private final Counter misses;

  public CacheHits(MeterRegistry registry, String cache) {
    this.hits = counter(registry, cache, "hit");
    this.misses = counter(registry, cache, "miss");
  }

  private static Counter counter(MeterRegistry registry, String cache, String result) {
    return Counter.builder("polymart.cache.requests").description("Cache reads, by cache and whether it answered")
        .tag("cache", cache).tag("result", result).register(registry);
  }

  public void record(boolean hit) {
    (hit ? hits : misses).increment();
  }
}
