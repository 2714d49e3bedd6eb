package io.polymart.core.redis;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;

/** Redis clients from {@code redis.url}; {@code name} (the module's) labels the pool's metrics. */
public final class RedisClients {
  private RedisClients() {
  }

  public static RedisAPI api(Vertx vertx, JsonObject config, String name) {
    RedisOptions options = new RedisOptions().setPoolName(name)
        .setConnectionString(config.getJsonObject("redis").getString("url"))
        .setMaxPoolSize(8)
        .setMaxPoolWaiting(1024);
    return RedisAPI.api(Redis.createClient(vertx, options));
  }
}
