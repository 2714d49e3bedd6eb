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
 * Announcements are fire-and-forget, so the whole set still in force is reloaded every {@value #RELOAD_MS} ms:
 * a revocation this instance missed (it was starting, its node was cut off) counts within that time.
 */
final class RevokedTokens {
  private static final Logger LOG = LoggerFactory.getLogger(RevokedTokens.class);
  private static final long PURGE_INTERVAL_MS = 60_000;
  private static final long RELOAD_MS = 5_000;
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
        .compose(v -> firstLoad(revocations))
        .onComplete(done -> vertx.setPeriodic(RELOAD_MS, id -> load(revocations)
            .onFailure(e -> LOG.debug("Could not reload token revocations ({})", e.getMessage()))));
  }

  /** Completes after the first attempt, whatever its outcome. */
  private Future<Void> firstLoad(RevocationsClient revocations) {
    return load(revocations)
        .onFailure(e -> LOG.warn("Could not load token revocations yet ({}); retrying in {} ms", e.getMessage(),
            RELOAD_MS))
        .otherwiseEmpty();
  }

  private Future<Void> load(RevocationsClient revocations) {
    return revocations.active().onSuccess(items -> items.forEach(item -> add((JsonObject) item))).mapEmpty();
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
