package io.polymart.gateway;

import io.polymart.core.error.ServiceException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.CSRFHandler;

import java.net.URI;

/**
 * A storefront browser's API requests. The browser keeps its credentials in HttpOnly cookies that no script can read
 * ({@link BrowserCookies}). A request with neither an {@code Authorization} nor an {@code X-Cart-Token} header is a
 * browser's when it carries one of those cookies, or the page's CSRF token header (a page's script, which also gets a
 * new guest cart's token as a cookie); the cookies then stand for the headers. Because a browser sends cookies on its
 * own, such a request with an unsafe method must carry the CSRF token of the page ({@code X-XSRF-TOKEN}, checked by
 * Vert.x's {@link CSRFHandler} against its cookie), and a WebSocket may use them only when it was opened by a page of
 * this origin. The visitor cookie alone credits nothing, so it makes no request a browser's.
 */
final class BrowserRequests {
  private static final String KEY = "polymart.browser";
  private final CSRFHandler csrf;

  BrowserRequests(CSRFHandler csrf) {
    this.csrf = csrf;
  }

  /** A root handler for the API: marks the browser's requests and checks the CSRF token of their unsafe ones. */
  void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    if (!request.path().startsWith(ApiRouter.API_PREFIX) || !isBrowser(request) && !isPageScript(request)) {
      ctx.next();
      return;
    }
    ctx.put(KEY, Boolean.TRUE);
    if (isSafe(request.method())) {
      ctx.next();
    } else if (request.getHeader(BrowserCookies.CSRF_HEADER) == null) {
      ErrorResponses.send(ctx, 403, "CSRF_TOKEN_MISSING", "A browser's request must carry the page's "
          + BrowserCookies.CSRF_HEADER + " header");
    } else {
      csrf.handle(ctx);
    }
  }

  /** The access token: the {@code Authorization: Bearer} header's, else a browser's cookie; null when neither. */
  static String accessToken(RoutingContext ctx) {
    String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
    if (header != null) {
      return BearerAuth.bearerToken(header);
    }
    return fromBrowser(ctx) ? BrowserCookies.value(ctx.request(), BrowserCookies.ACCESS) : null;
  }

  /** The guest cart token: the {@code X-Cart-Token} header's, else a browser's cookie; null when neither. */
  static String cartToken(RoutingContext ctx) {
    String header = ctx.request().getHeader(BusForwarder.CART_TOKEN_HEADER);
    if (header != null && !header.isEmpty()) {
      return header;
    }
    return fromBrowser(ctx) ? BrowserCookies.value(ctx.request(), BrowserCookies.CART) : null;
  }

  static boolean fromBrowser(RoutingContext ctx) {
    return Boolean.TRUE.equals(ctx.get(KEY));
  }

  /**
   * The access token of a WebSocket upgrade: its {@code Authorization} header, else the browser's cookie when the
   * page that opens it is of this origin (a page elsewhere could otherwise open one with the shopper's cookies).
   */
  static String webSocketAuthorization(HttpServerRequest request) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header != null || !isBrowser(request) || !sameOrigin(request)) {
      return header;
    }
    String token = BrowserCookies.value(request, BrowserCookies.ACCESS);
    return token == null ? null : "Bearer " + token;
  }

  /** Whether the browser's cookies credit the request: it carries them and no header that says otherwise. */
  private static boolean isBrowser(HttpServerRequest request) {
    return sendsNoCredentialHeaders(request)
        && (request.getCookie(BrowserCookies.ACCESS) != null || request.getCookie(BrowserCookies.CART) != null);
  }

  /** A storefront page's script without cookies yet (a guest's first cart add): it sends the page's CSRF token. */
  private static boolean isPageScript(HttpServerRequest request) {
    return sendsNoCredentialHeaders(request) && request.getHeader(BrowserCookies.CSRF_HEADER) != null;
  }

  private static boolean sendsNoCredentialHeaders(HttpServerRequest request) {
    return request.getHeader(HttpHeaders.AUTHORIZATION) == null
        && request.getHeader(BusForwarder.CART_TOKEN_HEADER) == null;
  }

  /** Whether the request's {@code Origin} is this server as the browser addressed it (its {@code Host}). */
  static boolean sameOrigin(HttpServerRequest request) {
    String origin = request.getHeader(HttpHeaders.ORIGIN);
    String host = request.getHeader(HttpHeaders.HOST);
    if (origin == null || host == null) {
      return false;
    }
    try {
      return host.equalsIgnoreCase(URI.create(origin).getRawAuthority());
    } catch (IllegalArgumentException malformed) {
      return false;
    }
  }

  private static boolean isSafe(HttpMethod method) {
    return method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS;
  }
}
