package io.polymart.users;

import io.polymart.core.error.ServiceException;
import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;

import java.util.List;

/** Fixed-window counters in Redis under {@code users:rl:}; shared by every instance and node. */
final class RateLimiter {
  private final RedisAPI redis;
  private final int windowSeconds;

  RateLimiter(RedisAPI redis, int windowSeconds) {
    this.redis = redis;
    this.windowSeconds = windowSeconds;
  }

  /** Counts one attempt and fails with 429 once the window holds more than {@code limit}. */
  Future<Void> hit(String key, int limit) {
    return count(key).compose(count -> count > limit ? rejected(key) : Future.succeededFuture());
  }

  /** Fails with 429 when earlier attempts already used up the window, without counting this one. */
  Future<Void> check(String key, int limit) {
    return redis.get(redisKey(key)).compose(value -> value != null && value.toLong() >= limit
        ? rejected(key) : Future.succeededFuture());
  }

  Future<Long> count(String key) {
    String redisKey = redisKey(key);
    // Creating the key with its expiry first means a counter can never outlive its window.
    return redis.set(List.of(redisKey, "0", "EX", String.valueOf(windowSeconds), "NX"))
        .compose(created -> redis.incr(redisKey))
        .map(Response::toLong);
  }

  private Future<Void> rejected(String key) {
    return redis.ttl(redisKey(key)).compose(ttl -> Future.failedFuture(
        ServiceException.rateLimited((int) Math.max(1, ttl.toLong()))));
  }

  private static String redisKey(String key) {
    return "users:rl:" + key;
  }
}
