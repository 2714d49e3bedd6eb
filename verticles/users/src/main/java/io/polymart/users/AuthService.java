package io.polymart.users;

import io.polymart.core.ratelimit.RateLimiter;
import io.polymart.core.error.FieldErrors;
import io.polymart.core.error.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;

import java.util.List;
import java.util.UUID;

/** Registration, login, refresh-token rotation and sessions. */
final class AuthService {
  private static final String INVALID_CREDENTIALS = "Invalid email or password";
  private static final String INVALID_REFRESH = "Refresh token is invalid or expired";

  private final Pool pool;
  private final AccountRepository accounts;
  private final SessionRepository sessions;
  private final PasswordHasher passwords;
  private final TokenIssuer tokens;
  private final RateLimiter limiter;
  private final Revocations revocations;
  private final UsersSettings.RateLimits limits;
  private final AuthMeters meters;

  AuthService(Pool pool, AccountRepository accounts, SessionRepository sessions, PasswordHasher passwords,
      TokenIssuer tokens, RateLimiter limiter, Revocations revocations, UsersSettings.RateLimits limits,
      AuthMeters meters) {
    this.meters = meters;
    this.pool = pool;
    this.accounts = accounts;
    this.sessions = sessions;
    this.passwords = passwords;
    this.tokens = tokens;
    this.limiter = limiter;
    this.revocations = revocations;
    this.limits = limits;
  }

  Future<JsonObject> register(Registration registration, ClientInfo client) {
    String email = UserRules.normalizeEmail(registration.email());
    String password = registration.password();
    String username = registration.username();
    String phone = registration.phone();
    FieldErrors errors = new FieldErrors();
    UserRules.password(errors, password);
    UserRules.username(errors, username);
    errors.throwIfAny();
    return limiter.hit("register:ip:" + client.ip(), limits.registerPerIp())
        .compose(v -> limiter.hit("register:account:" + email, limits.registerPerAccount()))
        .compose(v -> accounts.byEmail(pool, email))
        .compose(existing -> existing.isPresent() ? Future.failedFuture(emailTaken()) : passwords.hash(password))
        .compose(hash -> pool.withTransaction(conn -> accounts.insert(conn, email, hash, username, phone,
                List.of("customer"))
            .compose(created -> created.isEmpty()
                ? Future.failedFuture(emailTaken())
                : startSession(conn, created.get(), client))))
        .onSuccess(session -> meters.registered());
  }

  Future<JsonObject> login(String givenEmail, String password, ClientInfo client) {
    String email = UserRules.normalizeEmail(givenEmail);
    if (email == null || password == null) {
      throw ServiceException.unauthorized(INVALID_CREDENTIALS);
    }
    String accountKey = "login:account:" + email;
    int perAccount = limits.loginPerAccount();
    return limiter.hit("login:ip:" + client.ip(), limits.loginPerIp())
        .compose(v -> limiter.check(accountKey, perAccount))
        .compose(v -> accounts.byEmail(pool, email))
        .compose(found -> passwords.verify(password, found.map(Account::passwordHash).orElse(null))
            .compose(matches -> {
              if (!matches) {
                meters.badCredentials();
                // Only failures count against the account, so its owner is not locked out by logging in.
                return limiter.count(accountKey)
                    .compose(n -> Future.failedFuture(ServiceException.unauthorized(INVALID_CREDENTIALS)));
              }
              Account account = found.get();
              if (!account.active()) {
                meters.disabled();
                return Future.failedFuture(ServiceException.forbidden("This account is disabled"));
              }
              return pool.withTransaction(conn -> startSession(conn, account, client));
            }));
  }

  Future<JsonObject> refresh(String refreshToken, ClientInfo client) {
    if (refreshToken == null) {
      throw ServiceException.unauthorized(INVALID_REFRESH);
    }
    byte[] hash = TokenIssuer.hash(refreshToken);
    // Outcomes, not failures: revoking a session on reuse must commit even though the caller gets 401.
    return pool.withTransaction(conn -> sessions.claimRefreshToken(conn, hash).compose(claim -> switch (claim.use()) {
      case UNKNOWN -> Future.succeededFuture(RefreshOutcome.failed(ServiceException.unauthorized(INVALID_REFRESH)));
      case REUSED -> sessions.revoke(conn, claim.sessionId()).map(v -> RefreshOutcome.ended(claim.sessionId(),
          ServiceException.unauthorized("Refresh token was already used; the session has been ended")));
      case ACCEPTED -> rotate(conn, claim.sessionId(), client);
    })).compose(outcome -> {
      if (outcome.endedSession() != null) {
        revocations.sessionEnded(outcome.endedSession());
      }
      return outcome.error() == null ? Future.succeededFuture(outcome.body()) : Future.failedFuture(outcome.error());
    });
  }

  private Future<RefreshOutcome> rotate(SqlClient conn, UUID sessionId, ClientInfo client) {
    return sessions.liveSessionOwner(conn, sessionId).compose(owner -> {
      if (owner.isEmpty()) {
        return Future.succeededFuture(RefreshOutcome.failed(ServiceException.unauthorized(INVALID_REFRESH)));
      }
      return accounts.byId(conn, owner.get()).compose(account -> {
        if (account.isEmpty() || !account.get().active()) {
          return sessions.revoke(conn, sessionId).map(v -> RefreshOutcome.ended(sessionId,
              ServiceException.forbidden("This account is disabled")));
        }
        String refreshToken = TokenIssuer.newRefreshToken();
        return sessions.addRefreshToken(conn, sessionId, TokenIssuer.hash(refreshToken),
                tokens.refreshTokenLifetime())
            .compose(v -> sessions.touch(conn, sessionId, client.userAgent(), client.ip(),
                tokens.refreshTokenLifetime()))
            .map(v -> RefreshOutcome.ok(tokenResponse(account.get(), sessionId, refreshToken)));
      });
    });
  }

  /** What a refresh answers, and the session it ended, to announce once committed. */
  private record RefreshOutcome(JsonObject body, ServiceException error, UUID endedSession) {
    static RefreshOutcome ok(JsonObject body) {
      return new RefreshOutcome(body, null, null);
    }

    static RefreshOutcome failed(ServiceException error) {
      return new RefreshOutcome(null, error, null);
    }

    static RefreshOutcome ended(UUID sessionId, ServiceException error) {
      return new RefreshOutcome(null, error, sessionId);
    }
  }

  Future<JsonObject> logout(String refreshToken) {
    if (refreshToken == null) {
      return Future.succeededFuture();
    }
    return sessions.revokeByToken(pool, TokenIssuer.hash(refreshToken))
        .map(ended -> {
          ended.ifPresent(revocations::sessionEnded);
          return null;
        });
  }

  Future<JsonObject> logoutAll(UUID userId) {
    return sessions.revokeAll(pool, userId).map(ended -> {
      revocations.sessionsEnded(ended);
      return null;
    });
  }

  /** {@code currentSessionId} (empty when unknown) is marked {@code current}. */
  Future<JsonObject> listSessions(UUID userId, String currentSessionId) {
    return sessions.live(pool, userId).map(live -> {
      live.forEach(session -> session.put("current", currentSessionId.equals(session.getString("id"))));
      return new JsonObject().put("items", new JsonArray(live));
    });
  }

  Future<JsonObject> endSession(UUID userId, UUID sessionId) {
    return sessions.revokeOwned(pool, userId, sessionId).compose(ended -> {
      if (!ended) {
        return Future.failedFuture(ServiceException.notFound("Session not found"));
      }
      revocations.sessionEnded(sessionId);
      return Future.succeededFuture();
    });
  }

  private Future<JsonObject> startSession(SqlClient conn, Account account, ClientInfo client) {
    String refreshToken = TokenIssuer.newRefreshToken();
    return sessions.createSession(conn, account.id(), client.userAgent(), client.ip(),
            tokens.refreshTokenLifetime())
        .compose(sessionId -> sessions.addRefreshToken(conn, sessionId, TokenIssuer.hash(refreshToken),
                tokens.refreshTokenLifetime())
            .map(v -> tokenResponse(account, sessionId, refreshToken)));
  }

  private JsonObject tokenResponse(Account account, UUID sessionId, String refreshToken) {
    return new JsonObject()
        .put("user", account.toJson())
        .put("accessToken", tokens.accessToken(account, sessionId.toString()))
        .put("refreshToken", refreshToken)
        .put("tokenType", "Bearer")
        .put("expiresIn", tokens.accessTokenSeconds());
  }

  private static ServiceException emailTaken() {
    return ServiceException.conflict("EMAIL_TAKEN", "An account with this email already exists");
  }
}
