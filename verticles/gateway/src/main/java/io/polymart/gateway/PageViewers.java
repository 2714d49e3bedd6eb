package io.polymart.gateway;

import io.polymart.core.error.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Who is looking at a storefront page: the user of the browser's session cookies, or a guest. An access token that ran
 * out is replaced here, on a page request, by refreshing the session with the refresh token's cookie; a session that
 * cannot be refreshed (ended, expired) is forgotten, and the page is a guest's.
 */
final class PageViewers {
  private final AccessTokens tokens;
  private final BusForwarder forwarder;
  private final ApiOperation refresh;
  private final BrowserCookies cookies;

  PageViewers(AccessTokens tokens, BusForwarder forwarder, ApiOperation refresh, BrowserCookies cookies) {
    this.tokens = tokens;
    this.forwarder = forwarder;
    this.refresh = refresh;
    this.cookies = cookies;
  }

  /** The signed-in user, or null for a guest. */
  Future<Identity> identify(RoutingContext ctx) {
    String access = BrowserCookies.value(ctx.request(), BrowserCookies.ACCESS);
    String refreshToken = BrowserCookies.value(ctx.request(), BrowserCookies.REFRESH);
    Future<Identity> verified = access == null
        ? Future.failedFuture(ServiceException.unauthorized(AccessTokens.INVALID)) : tokens.verify(access);
    return verified.recover(e -> refreshToken == null ? Future.succeededFuture() : refresh(ctx, refreshToken));
  }

  private Future<Identity> refresh(RoutingContext ctx, String refreshToken) {
    return forwarder.call(ctx, refresh, new JsonObject().put("refreshToken", refreshToken))
        .compose(issued -> {
          cookies.startSession(ctx, issued);
          return tokens.verify(issued.getString("accessToken"));
        })
        .recover(e -> {
          if (ServiceException.fromFailure(e).status() != 503) {
            // ended, expired, reused or the account disabled: the session is over (an outage is not: try again later)
            cookies.endSession(ctx);
          }
          return Future.succeededFuture();
        });
  }
}
