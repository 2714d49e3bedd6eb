package io.polymart.core.ratelimit;

import io.polymart.core.error.BackendOutage;
import io.polymart.core.error.ServiceException;
import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Fixed-window counters in Redis under {@code <prefix>rl:} (the owning verticle's key prefix, e.g. {@code users:}),
 * shared by every instance and node. While Redis is down the
 * same limits are counted in this instance's memory instead, so signing in and registering keep working and stay
 * limited (per instance rather than cluster-wide) instead of failing with the cache.
 */
public final class RateLimiter {
  private static final Logger LOG = LoggerFactory.getLogger(RateLimiter.class);
  private final RedisAPI redis;
  private final String keyPrefix;
  private final int windowSeconds;
  private final LocalWindows local;
  private boolean usingLocal;

  /** @param verticlePrefix the owning verticle's Redis key prefix, e.g. {@code "users:"} */
  public RateLimiter(RedisAPI redis, String verticlePrefix, int windowSeconds) {
    this.redis = redis;
    this.keyPrefix = verticlePrefix + "rl:";
    this.windowSeconds = windowSeconds;
    this.local = new LocalWindows(windowSeconds);
  }

  /** Counts one attempt and fails with 429 once the window holds more than {@code limit}. */
  public Future<Void> hit(String key, int limit) {
    return count(key).compose(count -> count > limit ? rejected(key) : Future.succeededFuture());
  }

  /** Fails with 429 when earlier attempts already used up the window, without counting this one. */
  public Future<Void> check(String key, int limit) {
    return redis.get(redisKey(key)).map(value -> value == null ? 0L : value.toLong()).map(this::fromRedis)
        .recover(failure -> orLocal(failure, () -> local.count(key, System.currentTimeMillis())))
        .compose(count -> count >= limit ? rejected(key) : Future.succeededFuture());
  }

  public Future<Long> count(String key) {
    String redisKey = redisKey(key);
    // Creating the key with its expiry first means a counter can never outlive its window.
    return redis.set(List.of(redisKey, "0", "EX", String.valueOf(windowSeconds), "NX"))
        .compose(created -> redis.incr(redisKey))
        .map(Response::toLong).map(this::fromRedis)
        .recover(failure -> orLocal(failure, () -> local.increment(key, System.currentTimeMillis())));
  }

  private Future<Void> rejected(String key) {
    return redis.ttl(redisKey(key)).map(ttl -> (long) Math.max(1, ttl.toLong())).map(this::fromRedis)
        .recover(failure -> orLocal(failure, () -> (long) local.secondsLeft(key, System.currentTimeMillis())))
        .compose(seconds -> Future.failedFuture(ServiceException.rateLimited(seconds.intValue())));
  }

  private <T> T fromRedis(T value) {
    if (usingLocal) {
      usingLocal = false;
      LOG.info("Redis answers again: rate limits are counted there again");
    }
    return value;
  }

  private Future<Long> orLocal(Throwable failure, java.util.function.LongSupplier localValue) {
    if (!BackendOutage.is(failure)) {
      return Future.failedFuture(failure);
    }
    if (!usingLocal) {
      usingLocal = true;
      LOG.warn("Redis is unavailable ({}): rate limits are counted in this instance until it is back",
          failure.toString());
    }
    return Future.succeededFuture(localValue.getAsLong());
  }

  private String redisKey(String key) {
    return keyPrefix + key;
  }
}
