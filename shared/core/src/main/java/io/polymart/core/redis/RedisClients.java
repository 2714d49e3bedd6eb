package io.polymart.core.redis;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;

/** Redis clients from {@code redis.url}. */
public final class RedisClients {
  private RedisClients() {
  }

  public static RedisAPI api(Vertx vertx, JsonObject config) {
    RedisOptions options = new RedisOptions()
        .setConnectionString(config.getJsonObject("redis").getString("url"))
        .setMaxPoolSize(8)
        .setMaxPoolWaiting(1024);
    return RedisAPI.api(Redis.createClient(vertx, options));
  }
}
