package io.polymart.catalog.search;

import io.polymart.catalog.cache.ProductCache;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.redis.client.RedisAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The search answers this verticle instance gave last, by checked query ({@link SearchQuery} is a record: equal
 * parameters after normalising, equal key), each with the catalog generation it was computed at. Every catalog
 * change raises that generation in Redis before it is acknowledged ({@link ProductCache#invalidate}), so an answer
 * is served again only while nothing in the catalog changed since, on any node, and for at most the product cache's
 * lifetime (a change whose generation bump failed while Redis was away is seen by then). Least recently used answers
 * go first past the capacity; one event loop per instance, so no locking.
 */
public final class SearchResults {
  /** An answer: its JSON bytes and how many products matched. */
  public record Result(Buffer json, long total) {
  }

  /** An answer and whether it came from this cache. */
  public record Lookup(Result result, boolean hit) {
  }

  private record Entry(String generation, Result result, long expiresAtMillis) {
  }

  private static final Logger LOG = LoggerFactory.getLogger(SearchResults.class);
  private final RedisAPI redis;
  private final long ttlMillis;
  private final Map<SearchQuery, Entry> entries;

  /** {@code capacity}: how many answers to keep (0: none, every search runs its statement), each for {@code ttl}. */
  public SearchResults(RedisAPI redis, int capacity, Duration ttl) {
    this.redis = redis;
    this.ttlMillis = ttl.toMillis();
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<SearchQuery, Entry> eldest) {
        return size() > capacity;
      }
    };
  }

  public Future<Lookup> get(SearchQuery query, Supplier<Future<Result>> compute) {
    return redis.get(ProductCache.CATALOG_GENERATION_KEY).transform(read -> {
      if (read.failed()) {
        // without the generation nothing kept can be trusted: search the database
        LOG.debug("Catalog generation unavailable, searching without the cache: {}", read.cause().toString());
        return compute.get().map(result -> new Lookup(result, false));
      }
      String generation = read.result() == null ? "0" : read.result().toString();
      long now = System.currentTimeMillis();
      Entry kept = entries.get(query);
      if (kept != null && kept.generation().equals(generation) && kept.expiresAtMillis() > now) {
        return Future.succeededFuture(new Lookup(kept.result(), true));
      }
      // the generation was read before the statement runs: a change committed meanwhile raises it past this one
      return compute.get().map(result -> {
        entries.put(query, new Entry(generation, result, now + ttlMillis));
        return new Lookup(result, false);
      });
    });
  }
}
