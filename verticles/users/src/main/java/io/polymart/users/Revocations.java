package io.polymart.users;

import io.polymart.core.bus.Addresses;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.RedisAPI;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Access tokens are stateless, so ending a session must also tell every gateway to stop accepting
 * the tokens already issued for it. Revocations live in a Redis sorted set scored by when they stop
 * mattering (the longest an access token lives), and are published on the event bus as they happen.
 */
final class Revocations {
  private static final String KEY = "users:revocations";
  private final RedisAPI redis;
  private final EventBus eventBus;
  private final long accessTokenMillis;

  Revocations(RedisAPI redis, EventBus eventBus, int accessTokenSeconds) {
    this.redis = redis;
    this.eventBus = eventBus;
    this.accessTokenMillis = accessTokenSeconds * 1000L;
  }

  /** Every access token of these sessions stops working. */
  Future<Void> sessions(Collection<UUID> sessionIds) {
    long expiresAt = System.currentTimeMillis() + accessTokenMillis;
    return record(sessionIds.stream()
        .map(id -> new JsonObject().put("sessionId", id.toString()).put("expiresAt", expiresAt)).toList());
  }

  Future<Void> session(UUID sessionId) {
    return sessions(List.of(sessionId));
  }

  /** Access tokens of the user older than {@code tokenVersion} stop working; refreshed ones carry the new roles. */
  Future<Void> userTokensBelow(UUID userId, int tokenVersion) {
    return record(List.of(new JsonObject().put("userId", userId.toString()).put("minVersion", tokenVersion)
        .put("expiresAt", System.currentTimeMillis() + accessTokenMillis)));
  }

  Future<JsonObject> active() {
    return redis.zrangebyscore(List.of(KEY, String.valueOf(System.currentTimeMillis()), "+inf")).map(members -> {
      JsonArray items = new JsonArray();
      members.forEach(member -> items.add(new JsonObject(member.toString())));
      return new JsonObject().put("items", items);
    });
  }

  private Future<Void> record(List<JsonObject> entries) {
    if (entries.isEmpty()) {
      return Future.succeededFuture();
    }
    List<String> zadd = new java.util.ArrayList<>(List.of(KEY));
    entries.forEach(entry -> {
      zadd.add(String.valueOf(entry.getLong("expiresAt")));
      zadd.add(entry.encode());
    });
    return redis.zadd(zadd)
        .compose(added -> redis.zremrangebyscore(KEY, "-inf", String.valueOf(System.currentTimeMillis())))
        .onSuccess(trimmed -> entries.forEach(entry -> eventBus.publish(Addresses.USERS_REVOCATIONS, entry)))
        .mapEmpty();
  }
}
