package io.polymart.gateway;

import io.polymart.core.error.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;

import java.util.List;

/**
 * Verifies an access token: signature with the one configured algorithm (so {@code alg: none} and other algorithms
 * fail), issuer, expiry, the claims the platform puts in, and that the token was not revoked by a logout, an ended
 * session or an account change. Shared by HTTP requests and WebSocket connections.
 */
final class AccessTokens {
  static final String INVALID = "Access token is invalid or expired";
  private final JWTAuth jwt;
  private final RevokedTokens revoked;

  AccessTokens(JWTAuth jwt, RevokedTokens revoked) {
    this.jwt = jwt;
    this.revoked = revoked;
  }

  /** The caller, or a failed future with a 401 {@link ServiceException}. */
  Future<Identity> verify(String token) {
    if (token == null || token.isBlank()) {
      return Future.failedFuture(ServiceException.unauthorized(INVALID));
    }
    return authenticate(token.trim())
        .recover(e -> Future.failedFuture(ServiceException.unauthorized(INVALID)))
        .compose(user -> {
          Identity identity = identity(user);
          return identity == null || isRevoked(identity)
              ? Future.failedFuture(ServiceException.unauthorized(INVALID))
              : Future.succeededFuture(identity);
        });
  }

  /**
   * vertx-auth-jwt throws, rather than fails its future, when a correctly signed token's {@code exp}, {@code iat} or
   * {@code nbf} is not a number.
   */
  private Future<User> authenticate(String token) {
    try {
      return jwt.authenticate(new TokenCredentials(token));
    } catch (RuntimeException malformedClaims) {
      return Future.failedFuture(malformedClaims);
    }
  }

  /** Whether a token verified earlier has been revoked since (connections that outlive a request ask again). */
  boolean isRevoked(Identity identity) {
    return revoked.isRevoked(identity.userId(), identity.sessionId(), identity.tokenVersion());
  }

  /** Null when the claims are incomplete. */
  private static Identity identity(User user) {
    JsonObject claims = user.principal();
    // vertx-auth-jwt moves the time claims out of the principal into the attributes
    Object expiry = user.attributes().getValue("exp", claims.getValue("exp"));
    String subject = claims.getValue("sub") instanceof String sub ? sub : null;
    String sessionId = claims.getValue("sid") instanceof String sid ? sid : null;
    int version = claims.getValue("ver") instanceof Number number ? number.intValue() : 0;
    if (subject == null || !(claims.getValue("roles") instanceof JsonArray roles)
        || !(expiry instanceof Number expiresAt)) {
      return null;
    }
    List<String> roleNames = roles.stream().filter(String.class::isInstance).map(String.class::cast).toList();
    return new Identity(subject, sessionId, roleNames, version, expiresAt.longValue());
  }
}
