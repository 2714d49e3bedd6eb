package io.polymart.gateway;

import io.polymart.core.error.ServiceException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.web.RoutingContext;

import java.util.List;

/**
 * Verifies the {@code Authorization: Bearer} access token on protected routes: signature with the one
 * configured algorithm (so {@code alg: none} and other algorithms fail), issuer, expiry, and that the
 * token was not revoked by a logout, an ended session or an account change.
 */
final class BearerAuth {
  private static final String PREFIX = "Bearer ";
  private final JWTAuth jwt;
  private final RevokedTokens revoked;

  BearerAuth(JWTAuth jwt, RevokedTokens revoked) {
    this.jwt = jwt;
    this.revoked = revoked;
  }

  void authenticate(RoutingContext ctx, Access access) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null && access == Access.OPTIONAL) {
      ctx.next();
      return;
    }
    if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      ErrorResponses.send(ctx, ServiceException.unauthorized("Authentication required"));
      return;
    }
    jwt.authenticate(new TokenCredentials(header.substring(PREFIX.length()).trim())).onComplete(done -> {
      Identity identity = done.succeeded() ? identity(done.result().principal()) : null;
      if (identity == null) {
        ErrorResponses.send(ctx, ServiceException.unauthorized("Access token is invalid or expired"));
      } else if (access == Access.ADMIN && !identity.roles().contains("admin")) {
        ErrorResponses.send(ctx, ServiceException.forbidden("This action requires the admin role"));
      } else if (access == Access.SELLER && !identity.roles().contains("seller") && !identity.roles().contains("admin")) {
        ErrorResponses.send(ctx, ServiceException.forbidden("This action requires the seller role"));
      } else {
        ctx.put(Identity.KEY, identity);
        ctx.next();
      }
    });
  }

  /** The caller, or null when the claims are incomplete or the token was revoked. */
  private Identity identity(JsonObject claims) {
    String subject = claims.getValue("sub") instanceof String sub ? sub : null;
    String sessionId = claims.getValue("sid") instanceof String sid ? sid : null;
    Object roles = claims.getValue("roles");
    int version = claims.getValue("ver") instanceof Number number ? number.intValue() : 0;
    if (subject == null || !(roles instanceof JsonArray roleArray) || revoked.isRevoked(subject, sessionId, version)) {
      return null;
    }
    List<String> roleNames = roleArray.stream().filter(String.class::isInstance).map(String.class::cast).toList();
    return new Identity(subject, sessionId, roleNames);
  }
}
