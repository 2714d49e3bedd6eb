package io.polymart.users;

import io.polymart.core.bus.Addresses;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Access tokens are stateless, so ending a session must also tell every gateway to stop accepting the tokens already
 * issued for it. A revocation is the session's {@code revoked_at} or the account's raised {@code token_version},
 * committed in the same transaction as the change that causes it, so it is never half-done. Once committed it is
 * announced on the event bus; gateways also reload every revocation still in force now and then, so one that missed
 * an announcement learns it shortly after. A revocation stops mattering once every token it could match has expired,
 * the longest an access token lives.
 */
final class Revocations {
  private static final String REVOKED_SESSIONS = """
      SELECT id, revoked_at FROM users.sessions
      WHERE revoked_at > now() - make_interval(secs => $1)""";
  private static final String RAISED_TOKEN_VERSIONS = """
      SELECT id, token_version, token_version_at FROM users.accounts
      WHERE token_version_at > now() - make_interval(secs => $1)""";

  private final Pool pool;
  private final EventBus eventBus;
  private final long accessTokenMillis;

  Revocations(Pool pool, EventBus eventBus, int accessTokenSeconds) {
    this.pool = pool;
    this.eventBus = eventBus;
    this.accessTokenMillis = accessTokenSeconds * 1000L;
  }

  /** Announces committed session ends: every access token of these sessions stops working. */
  void sessionsEnded(Collection<UUID> sessionIds) {
    long expiresAt = System.currentTimeMillis() + accessTokenMillis;
    sessionIds.forEach(id -> eventBus.publish(Addresses.USERS_REVOCATIONS, sessionEntry(id, expiresAt)));
  }

  void sessionEnded(UUID sessionId) {
    sessionsEnded(List.of(sessionId));
  }

  /** Announces a committed token-version raise: the user's access tokens below it stop working. */
  void userTokensBelow(UUID userId, int tokenVersion) {
    eventBus.publish(Addresses.USERS_REVOCATIONS,
        userEntry(userId, tokenVersion, System.currentTimeMillis() + accessTokenMillis));
  }

  /** Every revocation still in force, read from the committed state. */
  Future<JsonObject> active() {
    double lifetimeSeconds = accessTokenMillis / 1000.0;
    Future<JsonArray> sessions = pool.preparedQuery(REVOKED_SESSIONS).execute(Tuple.of(lifetimeSeconds))
        .map(rows -> {
          JsonArray items = new JsonArray();
          rows.forEach(row -> items.add(sessionEntry(row.getUUID("id"), until(row.getOffsetDateTime("revoked_at")))));
          return items;
        });
    Future<JsonArray> users = pool.preparedQuery(RAISED_TOKEN_VERSIONS).execute(Tuple.of(lifetimeSeconds))
        .map(rows -> {
          JsonArray items = new JsonArray();
          rows.forEach(row -> items.add(userEntry(row.getUUID("id"), row.getInteger("token_version"),
              until(row.getOffsetDateTime("token_version_at")))));
          return items;
        });
    return Future.all(sessions, users)
        .map(both -> new JsonObject().put("items", sessions.result().copy().addAll(users.result())));
  }

  private long until(OffsetDateTime revokedAt) {
    return revokedAt.toInstant().toEpochMilli() + accessTokenMillis;
  }

  private static JsonObject sessionEntry(UUID sessionId, long expiresAt) {
    return new JsonObject().put("sessionId", sessionId.toString()).put("expiresAt", expiresAt);
  }

  private static JsonObject userEntry(UUID userId, int minVersion, long expiresAt) {
    return new JsonObject().put("userId", userId.toString()).put("minVersion", minVersion).put("expiresAt", expiresAt);
  }
}
