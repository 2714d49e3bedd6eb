package io.polymart.gateway;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The storefront's cookies. The credentials are HttpOnly (no script reads them) and {@code SameSite=Lax} (a page of
 * another site never makes the browser send them with its forms): the access token ({@code pm_at}, as long as it
 * lives), the refresh token ({@code pm_rt}, as long as the session may be refreshed) and a guest's cart token
 * ({@code pm_cart}). The CSRF token's cookie is Vert.x's {@code XSRF-TOKEN}, readable by the page's script, which
 * sends it back in the {@code X-XSRF-TOKEN} header. All are {@code Secure} when the browser came over TLS.
 */
final class BrowserCookies {
  static final String ACCESS = "pm_at";
  static final String REFRESH = "pm_rt";
  static final String CART = "pm_cart";
  static final String CSRF_HEADER = "X-XSRF-TOKEN";
  private static final long CART_SECONDS = 30L * 24 * 3600;
  private final boolean trustForwardedProto;
  private final long refreshSeconds;

  /**
   * @param trustForwardedProto conf's {@code http.trustForwardedFor}: a trusted proxy says whether it served TLS
   * @param refreshSeconds      how long a refresh token lives (conf {@code jwt.refreshTokenDays})
   */
  BrowserCookies(boolean trustForwardedProto, long refreshSeconds) {
    this.trustForwardedProto = trustForwardedProto;
    this.refreshSeconds = refreshSeconds;
  }

  /** Keeps the tokens of a session that was just started or refreshed ({@code TokenResponse}). */
  void startSession(RoutingContext ctx, JsonObject tokens) {
    set(ctx, ACCESS, tokens.getString("accessToken"), tokens.getLong("expiresIn"));
    set(ctx, REFRESH, tokens.getString("refreshToken"), refreshSeconds);
  }

  void endSession(RoutingContext ctx) {
    set(ctx, ACCESS, "", 0);
    set(ctx, REFRESH, "", 0);
  }

  void keepCart(RoutingContext ctx, String cartToken) {
    set(ctx, CART, cartToken, CART_SECONDS);
  }

  void dropCart(RoutingContext ctx) {
    set(ctx, CART, "", 0);
  }

  /** The cookie's value; null when the request has none or an empty one. */
  static String value(HttpServerRequest request, String name) {
    Cookie cookie = request.getCookie(name);
    return cookie == null || cookie.getValue().isEmpty() ? null : cookie.getValue();
  }

  /** Whether the browser reached us over TLS: here, or at the trusted proxy in front. */
  boolean overTls(RoutingContext ctx) {
    return ctx.request().isSSL()
        || trustForwardedProto && "https".equalsIgnoreCase(ctx.request().getHeader("X-Forwarded-Proto"));
  }

  /** A long-lived HttpOnly cookie for the whole site; {@code maxAge} 0 deletes it. */
  void set(RoutingContext ctx, String name, String value, long maxAgeSeconds) {
    ctx.response().addCookie(Cookie.cookie(name, value).setPath("/").setMaxAge(maxAgeSeconds).setHttpOnly(true)
        .setSameSite(CookieSameSite.LAX).setSecure(overTls(ctx)));
  }
}
