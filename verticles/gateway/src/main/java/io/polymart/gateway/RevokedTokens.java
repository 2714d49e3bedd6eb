package io.polymart.gateway;

import io.polymart.core.bus.Addresses;
import io.polymart.core.client.RevocationsClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;

/**
 * This gateway instance's copy of the access-token revocations the users verticle publishes: ended
 * sessions, and accounts whose tokens below a version no longer count. Entries drop out once every token they
 * could match has expired anyway. Checked on every protected request without leaving the event loop.
 */
final class RevokedTokens {
  private static final Logger LOG = LoggerFactory.getLogger(RevokedTokens.class);
  private static final long PURGE_INTERVAL_MS = 60_000;
  private static final long RETRY_MS = 2_000;
  private final Map<String, Long> sessionsUntil = new HashMap<>();
  private final Map<String, UserCutoff> users = new HashMap<>();

  private record UserCutoff(int minVersion, long until) {
  }

  /**
   * Subscribes, then loads what is already in force, so nothing published in between is missed. If the
   * users verticle cannot answer yet, the gateway starts anyway and keeps asking until it does.
   */
  Future<Void> start(Vertx vertx, RevocationsClient revocations) {
    vertx.setPeriodic(PURGE_INTERVAL_MS, id -> purge(System.currentTimeMillis()));
    return vertx.eventBus().<JsonObject>consumer(Addresses.USERS_REVOCATIONS, message -> add(message.body()))
        .completion()
        .compose(v -> load(vertx, revocations));
  }

  /** Completes after the first attempt, whatever its outcome. */
  private Future<Void> load(Vertx vertx, RevocationsClient revocations) {
    return revocations.active()
        .onSuccess(items -> items.forEach(item -> add((JsonObject) item)))
        .onFailure(e -> {
          LOG.warn("Could not load token revocations yet ({}); retrying in {} ms", e.getMessage(), RETRY_MS);
          vertx.setTimer(RETRY_MS, id -> load(vertx, revocations));
        })
        .<Void>mapEmpty()
        .otherwiseEmpty();
  }

  void add(JsonObject entry) {
    long until = entry.getLong("expiresAt");
    if (entry.containsKey("sessionId")) {
      sessionsUntil.merge(entry.getString("sessionId"), until, Math::max);
    } else if (entry.containsKey("userId")) {
      users.merge(entry.getString("userId"), new UserCutoff(entry.getInteger("minVersion"), until),
          (old, fresh) -> fresh.minVersion() >= old.minVersion() ? fresh : old);
    }
  }

  boolean isRevoked(String userId, String sessionId, int tokenVersion) {
    if (sessionId != null && sessionsUntil.containsKey(sessionId)) {
      return true;
    }
    UserCutoff cutoff = users.get(userId);
    return cutoff != null && tokenVersion < cutoff.minVersion();
  }

  private void purge(long now) {
    sessionsUntil.values().removeIf(until -> until < now);
    users.values().removeIf(cutoff -> cutoff.until() < now);
  }
}
