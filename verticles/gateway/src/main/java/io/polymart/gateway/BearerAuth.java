package io.polymart.gateway;

import io.polymart.core.error.ServiceException;
import io.vertx.ext.web.RoutingContext;

/**
 * Checks the access token ({@code Authorization: Bearer}, or a storefront browser's cookie) and the route's role on
 * protected routes.
 */
final class BearerAuth {
  private static final String PREFIX = "Bearer ";
  private final AccessTokens tokens;

  BearerAuth(AccessTokens tokens) {
    this.tokens = tokens;
  }

  void authenticate(RoutingContext ctx, Access access) {
    String token = BrowserRequests.accessToken(ctx);
    boolean sentHeader = ctx.request().getHeader("Authorization") != null;
    if (token == null && access == Access.OPTIONAL && !sentHeader) {
      ctx.next();
      return;
    }
    if (token == null) {
      ErrorResponses.send(ctx, ServiceException.unauthorized("Authentication required"));
      return;
    }
    tokens.verify(token).onComplete(done -> {
      Identity identity = done.result();
      if (done.failed() && access == Access.OPTIONAL && !sentHeader) {
        // a browser's expired session cookie: it reads what anyone may, and its next page refreshes the session
        ctx.next();
      } else if (done.failed()) {
        ErrorResponses.send(ctx, ServiceException.fromFailure(done.cause()));
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

  /** The token of an {@code Authorization: Bearer <token>} header, or null. */
  static String bearerToken(String header) {
    if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      return null;
    }
    return header.substring(PREFIX.length()).trim();
  }
}
