package io.polymart.users;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code users.sessions} and {@code users.refresh_tokens} tables. */
final class SessionRepository {

  /** A refresh token's fate when it is presented. */
  enum TokenUse { ACCEPTED, REUSED, UNKNOWN }

  record Claim(TokenUse use, UUID sessionId) {
  }

  private static final String CREATE_SESSION = """
      INSERT INTO users.sessions (user_id, user_agent, ip, expires_at)
      VALUES ($1, $2, $3, $4)
      RETURNING id""";

  Future<UUID> createSession(SqlClient sql, UUID userId, String userAgent, String ip, Duration lifetime) {
    return sql.preparedQuery(CREATE_SESSION)
        .execute(Tuple.of(userId, userAgent, ip, expiry(lifetime)))
        .map(rows -> rows.iterator().next().getUUID("id"));
  }

  private static final String ADD_REFRESH_TOKEN = """
      INSERT INTO users.refresh_tokens (token_hash, session_id, expires_at)
      VALUES ($1, $2, $3)""";

  Future<Void> addRefreshToken(SqlClient sql, UUID sessionId, byte[] tokenHash, Duration lifetime) {
    return sql.preparedQuery(ADD_REFRESH_TOKEN)
        .execute(Tuple.of(Buffer.buffer(tokenHash), sessionId, expiry(lifetime)))
        .mapEmpty();
  }

  private static final String CLAIM_REFRESH_TOKEN = """
      UPDATE users.refresh_tokens SET used_at = now()
      WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()
      RETURNING session_id""";
  private static final String REFRESH_TOKEN = """
      SELECT session_id, used_at FROM users.refresh_tokens WHERE token_hash = $1""";

  /**
   * Marks a refresh token used. Only one caller can win the conditional update, so a token is
   * accepted at most once; presenting a used one again is reported as reuse.
   */
  Future<Claim> claimRefreshToken(SqlClient sql, byte[] tokenHash) {
    Buffer hash = Buffer.buffer(tokenHash);
    return sql.preparedQuery(CLAIM_REFRESH_TOKEN)
        .execute(Tuple.of(hash))
        .compose(claimed -> {
          if (claimed.size() == 1) {
            return Future.succeededFuture(new Claim(TokenUse.ACCEPTED, claimed.iterator().next().getUUID(0)));
          }
          return sql.preparedQuery(REFRESH_TOKEN)
              .execute(Tuple.of(hash))
              .map(rows -> {
                if (rows.size() == 0) {
                  return new Claim(TokenUse.UNKNOWN, null);
                }
                Row row = rows.iterator().next();
                TokenUse use = row.getValue("used_at") != null ? TokenUse.REUSED : TokenUse.UNKNOWN;
                return new Claim(use, row.getUUID("session_id"));
              });
        });
  }

  private static final String LIVE_SESSION_OWNER = """
      SELECT user_id FROM users.sessions
      WHERE id = $1 AND revoked_at IS NULL AND expires_at > now()
      FOR UPDATE""";

  /** The session's owner while it is live: not revoked, not expired. */
  Future<Optional<UUID>> liveSessionOwner(SqlClient sql, UUID sessionId) {
    return sql.preparedQuery(LIVE_SESSION_OWNER)
        .execute(Tuple.of(sessionId))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getUUID(0)));
  }

  private static final String TOUCH = """
      UPDATE users.sessions SET last_used_at = now(), expires_at = $2, user_agent = COALESCE($3, user_agent), ip = $4
      WHERE id = $1""";

  Future<Void> touch(SqlClient sql, UUID sessionId, String userAgent, String ip, Duration lifetime) {
    return sql.preparedQuery(TOUCH)
        .execute(Tuple.of(sessionId, expiry(lifetime), userAgent, ip))
        .mapEmpty();
  }

  private static final String REVOKE_BY_TOKEN = """
      UPDATE users.sessions SET revoked_at = now()
      WHERE revoked_at IS NULL AND id = (SELECT session_id FROM users.refresh_tokens WHERE token_hash = $1)
      RETURNING id""";

  /** Ends the session the token belongs to; answers its id if it was live. */
  Future<Optional<UUID>> revokeByToken(SqlClient sql, byte[] tokenHash) {
    return sql.preparedQuery(REVOKE_BY_TOKEN)
        .execute(Tuple.of(Buffer.buffer(tokenHash)))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getUUID(0)));
  }

  private static final String REVOKE = """
      UPDATE users.sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL""";

  Future<Void> revoke(SqlClient sql, UUID sessionId) {
    return sql.preparedQuery(REVOKE)
        .execute(Tuple.of(sessionId))
        .mapEmpty();
  }

  private static final String REVOKE_OWNED = """
      UPDATE users.sessions SET revoked_at = now()
      WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL AND expires_at > now()""";

  /** Ends one of the user's own sessions; false when there is no such live session of theirs. */
  Future<Boolean> revokeOwned(SqlClient sql, UUID userId, UUID sessionId) {
    return sql.preparedQuery(REVOKE_OWNED)
        .execute(Tuple.of(sessionId, userId))
        .map(rows -> rows.rowCount() == 1);
  }

  private static final String REVOKE_ALL = """
      UPDATE users.sessions SET revoked_at = now()
      WHERE user_id = $1 AND revoked_at IS NULL
      RETURNING id""";

  /** Ends every live session of the user; answers their ids. */
  Future<List<UUID>> revokeAll(SqlClient sql, UUID userId) {
    return sql.preparedQuery(REVOKE_ALL)
        .execute(Tuple.of(userId))
        .map(rows -> {
          List<UUID> ids = new ArrayList<>();
          rows.forEach(row -> ids.add(row.getUUID(0)));
          return ids;
        });
  }

  private static final String LIVE = """
      SELECT id, created_at, last_used_at, user_agent, ip FROM users.sessions
      WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now()
      ORDER BY last_used_at DESC""";

  Future<List<JsonObject>> live(SqlClient sql, UUID userId) {
    return sql.preparedQuery(LIVE)
        .execute(Tuple.of(userId))
        .map(rows -> {
          List<JsonObject> sessions = new ArrayList<>();
          for (Row row : rows) {
            sessions.add(new JsonObject()
                .put("id", row.getUUID("id").toString())
                .put("createdAt", row.getOffsetDateTime("created_at").toInstant().toString())
                .put("lastUsedAt", row.getOffsetDateTime("last_used_at").toInstant().toString())
                .put("userAgent", row.getString("user_agent"))
                .put("ip", row.getString("ip")));
          }
          return sessions;
        });
  }

  private static OffsetDateTime expiry(Duration lifetime) {
    return OffsetDateTime.now(ZoneOffset.UTC).plus(lifetime);
  }
}
