package io.polymart.catalog.cache;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The product-detail cache in Redis ({@code catalog:product:<id>}).
 *
 * <p>Only one load per key runs at a time: callers in this verticle instance share one in-flight load, and
 * instances or nodes coordinate through a short Redis lock, the losers waiting for the winner's value.
 * A generation counter per product closes the race where a load that read the database before a change
 * would store its stale value after the change's invalidation: the value is stored only if the generation
 * is still the one read before loading.
 *
 * <p>Each instance also keeps the pages it served last ({@link RecentEntries}) with the generation they were valid
 * for. A hit then reads only the generation from Redis, in a batch with the other requests' ({@link GenerationReads}):
 * no JSON parsed, hashed or copied out of Redis. Since every change raises the generation before it is acknowledged,
 * a kept page whose generation is still the current one is the product as it is now, whichever node made the change.
 */
public final class ProductCache {
  /** A cached product page (null: no such product) and whether this request found it cached or shared a load. */
  public record Lookup(ProductPage page, boolean hit) {
  }

  private static final String STORE_IF_CURRENT = """
      local generation = redis.call('GET', KEYS[2]) or '0'
      if generation == ARGV[2] then redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[3]) end
      if redis.call('GET', KEYS[3]) == ARGV[4] then redis.call('DEL', KEYS[3]) end
      return generation == ARGV[2] and 1 or 0
      """;
  private static final String UNLOCK = """
      if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
      return 0
      """;
  private static final String INVALIDATE = """
      redis.call('INCR', KEYS[1])
      for i = 2, #KEYS, 2 do
        redis.call('INCR', KEYS[i])
        redis.call('DEL', KEYS[i + 1])
      end
      return #KEYS
      """;
  /**
   * Raised by every catalog change, whatever it touched: answers derived from the whole catalog (search results) are
   * valid only while it stays the same.
   */
  public static final String CATALOG_GENERATION_KEY = "catalog:generation";
  private static final Logger LOG = LoggerFactory.getLogger(ProductCache.class);
  private static final long LOCK_MILLIS = 5_000;
  private static final long LINGER_MILLIS = 1_000;
  private static final int INVALIDATE_BATCH = 500;
  private static final long WAIT_STEP_MILLIS = 20;
  private static final int WAIT_STEPS = 100;

  private final Vertx vertx;
  private final RedisAPI redis;
  private final int ttlSeconds;
  private final RecentEntries<UUID, ProductPage> recent;
  private final GenerationReads generations;
  /** A load running in this instance, started when the product's generation was {@code generation}. */
  private record Load(String generation, Future<Lookup> result) {
  }

  // one event loop per verticle instance, so a plain map is safe
  private final Map<UUID, Load> inFlight = new HashMap<>();

  /** {@code recentPages}: how many pages this instance keeps besides Redis (0: none). */
  public ProductCache(Vertx vertx, RedisAPI redis, int ttlSeconds, int recentPages) {
    this.vertx = vertx;
    this.redis = redis;
    this.ttlSeconds = ttlSeconds;
    this.recent = new RecentEntries<>(recentPages, ttlSeconds * 1000L);
    this.generations = new GenerationReads(redis);
  }

  /** The cached page or, on a miss, the loader's JSON (null when the product does not exist; not cached). */
  public Future<Lookup> get(UUID id, Supplier<Future<String>> loader) {
    RecentEntries.Entry<ProductPage> kept = recent.get(id, System.currentTimeMillis());
    if (kept == null) {
      return read(id, loader);
    }
    return generations.read(generationKey(id)).transform(read -> {
      if (read.succeeded() && read.result().equals(kept.generation())) {
        return Future.succeededFuture(new Lookup(kept.value(), true));
      }
      recent.remove(id);
      return read(id, loader);
    });
  }

  private Future<Lookup> read(UUID id, Supplier<Future<String>> loader) {
    return redis.mget(List.of(valueKey(id), generationKey(id))).transform(read -> {
      if (read.failed()) {
        // Redis is down: serve from the database rather than fail the page
        LOG.warn("Product cache unavailable, loading {} directly: {}", id, read.cause().toString());
        return loader.get().map(json -> new Lookup(json == null ? null : ProductPage.of(json), false));
      }
      Response values = read.result();
      Response cached = values.get(0);
      String generation = generationOf(values.get(1));
      if (cached != null) {
        // INVALIDATE raises the generation and drops the value at once: a value found is valid for this generation
        ProductPage page = ProductPage.of(cached.toString());
        recent.put(id, generation, page, System.currentTimeMillis());
        return Future.succeededFuture(new Lookup(page, true));
      }
      Load running = inFlight.get(id);
      // a load started before the latest change may have read the old product: never share it
      if (running != null && running.generation().equals(generation)) {
        return running.result().map(lookup -> new Lookup(lookup.page(), true));
      }
      Load load = new Load(generation, loadOnce(id, generation, loader));
      inFlight.put(id, load);
      // Kept a moment after it ends: a read sent to Redis before the value was stored may answer after that.
      return load.result().andThen(done -> {
        if (done.failed()) {
          inFlight.remove(id, load);
        } else {
          vertx.setTimer(LINGER_MILLIS, t -> inFlight.remove(id, load));
        }
      });
    });
  }

  /** Loads under the Redis lock, or takes the value another instance loaded (then it counts as a hit). */
  private Future<Lookup> loadOnce(UUID id, String generation, Supplier<Future<String>> loader) {
    String token = UUID.randomUUID().toString();
    return redis.set(List.of(lockKey(id), token, "NX", "PX", Long.toString(LOCK_MILLIS))).compose(locked -> {
      if (locked == null) {
        // another instance is loading: its value is what we want, unless it dies
        return awaitValue(id, WAIT_STEPS).compose(json -> json != null
            ? Future.succeededFuture(new Lookup(ProductPage.of(json), true)) : load(id, generation, token, loader));
      }
      // an instance that finished just before we took the lock has stored the value
      return redis.get(valueKey(id)).compose(stored -> stored == null ? load(id, generation, token, loader)
          : unlock(id, token).map(new Lookup(ProductPage.of(stored.toString()), true)));
    });
  }

  private Future<Void> unlock(UUID id, String token) {
    return redis.eval(List.of(UNLOCK, "1", lockKey(id), token)).mapEmpty();
  }

  private Future<Lookup> load(UUID id, String generation, String token, Supplier<Future<String>> loader) {
    return loader.get().compose(json -> {
      if (json == null) {
        return unlock(id, token).map(new Lookup(null, false));
      }
      ProductPage page = ProductPage.of(json);
      return redis.eval(List.of(STORE_IF_CURRENT, "3", valueKey(id), generationKey(id), lockKey(id), json, generation,
          Integer.toString(ttlSeconds), token)).map(stored -> {
            if (stored.toInteger() == 1) {
              recent.put(id, generation, page, System.currentTimeMillis());
            }
            return new Lookup(page, false);
          });
    });
  }

  private Future<String> awaitValue(UUID id, int stepsLeft) {
    if (stepsLeft == 0) {
      return Future.succeededFuture(null);
    }
    Promise<String> promise = Promise.promise();
    vertx.setTimer(WAIT_STEP_MILLIS, t -> redis.mget(List.of(valueKey(id), lockKey(id))).onComplete(done -> {
      if (done.failed()) {
        promise.fail(done.cause());
      } else if (done.result().get(0) != null) {
        promise.complete(done.result().get(0).toString());
      } else if (done.result().get(1) == null) {
        promise.complete(null); // the loader gave up or found nothing
      } else {
        awaitValue(id, stepsLeft - 1).onComplete(promise);
      }
    }));
    return promise.future();
  }

  /**
   * Drops the cached products; loads that started before this will not store their now stale values. Raises the
   * catalog generation too, even when no product was touched.
   */
  public Future<Void> invalidate(Collection<UUID> ids) {
    List<UUID> all = new ArrayList<>(ids);
    List<Future<Object>> batches = new ArrayList<>();
    // batches keep each script short: Redis runs nothing else while one runs
    int from = 0;
    do {
      List<UUID> batch = all.subList(from, Math.min(all.size(), from + INVALIDATE_BATCH));
      List<String> args = new ArrayList<>();
      args.add(INVALIDATE);
      args.add(Integer.toString(1 + batch.size() * 2));
      args.add(CATALOG_GENERATION_KEY);
      for (UUID id : batch) {
        args.add(generationKey(id));
        args.add(valueKey(id));
      }
      batches.add(redis.eval(args).map(r -> null));
      from += INVALIDATE_BATCH;
    } while (from < all.size());
    return Future.all(batches).mapEmpty();
  }

  /** The current cache generation of each of {@code productIds}, in one read (shared with concurrent reads). */
  public Future<Map<UUID, String>> generations(Collection<UUID> productIds) {
    List<UUID> ids = new ArrayList<>(productIds);
    List<String> keys = ids.stream().map(ProductCache::generationKey).toList();
    return generations.read(keys).map(values -> {
      Map<UUID, String> byProduct = new HashMap<>();
      for (int i = 0; i < ids.size(); i++) {
        byProduct.put(ids.get(i), values.get(keys.get(i)));
      }
      return byProduct;
    });
  }

  private static String generationOf(Response generation) {
    return generation == null ? "0" : generation.toString();
  }

  private static String valueKey(UUID id) {
    return "catalog:product:" + id;
  }

  private static String generationKey(UUID id) {
    return "catalog:product-gen:" + id;
  }

  private static String lockKey(UUID id) {
    return "catalog:product-lock:" + id;
  }
}
