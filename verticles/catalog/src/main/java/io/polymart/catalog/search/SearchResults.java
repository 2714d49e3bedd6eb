package io.polymart.catalog.search;

import io.polymart.catalog.cache.GenerationReads;
import io.polymart.catalog.cache.ProductCache;
import io.polymart.catalog.cache.RecentEntries;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.redis.client.RedisAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
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

  private static final Logger LOG = LoggerFactory.getLogger(SearchResults.class);
  private final GenerationReads generations;
  private final RecentEntries<SearchQuery, Result> entries;

  /** {@code capacity}: how many answers to keep (0: none, every search runs its statement), each for {@code ttl}. */
  public SearchResults(RedisAPI redis, int capacity, Duration ttl) {
    this.generations = new GenerationReads(redis);
    this.entries = new RecentEntries<>(capacity, ttl.toMillis());
  }

  public Future<Lookup> get(SearchQuery query, Supplier<Future<Result>> compute) {
    // read in a batch with the other searches' (GenerationReads): one Redis read per round trip
    return generations.read(ProductCache.CATALOG_GENERATION_KEY).transform(read -> {
      if (read.failed()) {
        // without the generation nothing kept can be trusted: search the database
        LOG.debug("Catalog generation unavailable, searching without the cache: {}", read.cause().toString());
        return compute.get().map(result -> new Lookup(result, false));
      }
      String generation = read.result();
      long now = System.currentTimeMillis();
      RecentEntries.Entry<Result> kept = entries.get(query, now);
      if (kept != null && kept.generation().equals(generation)) {
        return Future.succeededFuture(new Lookup(kept.value(), true));
      }
      // the generation was read before the statement runs: a change committed meanwhile raises it past this one
      return compute.get().map(result -> {
        entries.put(query, generation, result, now);
        return new Lookup(result, false);
      });
    });
  }
}
