package io.polymart.gateway;

import io.polymart.core.bus.VisitorIdFormat;
import io.polymart.core.client.StorefrontClient;
import io.polymart.core.error.ServiceException;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The storefront's pages and static files, rendered by the storefront verticle: {@code GET} of any path outside
 * {@code /api/}, {@code /ws} and {@code /media/} is a page, {@code /assets/<hashed name>} a file kept for a year.
 * A browser without a (well-formed) {@code pm_vid} cookie is given one, so that its views count as one visitor's;
 * the cookie is {@code Secure} when the browser came over TLS (to us, or to a trusted proxy that says so).
 */
final class StorefrontRoutes {
  static final String ASSETS = "/assets/";
  /** Every path the API, live updates and media do not own. */
  private static final String PAGES = "^/(?!api/|ws$|media/|assets/).*";
  private static final long VISITOR_COOKIE_SECONDS = 365L * 24 * 3600;
  private static final String UNAVAILABLE = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
      + "<title>Polymart</title></head><body><h1>Back in a moment</h1>"
      + "<p>The shop cannot show this page right now. Please try again in a few seconds.</p></body></html>";
  private final SecureRandom random = new SecureRandom();
  private final StorefrontClient storefront;
  private final boolean trustForwardedProto;

  /** @param trustForwardedProto conf's {@code http.trustForwardedFor}: a trusted proxy says whether it served TLS */
  StorefrontRoutes(StorefrontClient storefront, boolean trustForwardedProto) {
    this.storefront = storefront;
    this.trustForwardedProto = trustForwardedProto;
  }

  /** Adds the routes after the API's, so that no operation is shadowed. */
  void install(Router router) {
    router.get(ASSETS + ":name").handler(this::asset);
    router.getWithRegex(PAGES).handler(this::page);
  }

  private void page(RoutingContext ctx) {
    Cookie cookie = ctx.request().getCookie(VisitorIds.COOKIE);
    String visitorId = cookie != null && VisitorIdFormat.wellFormed(cookie.getValue()) ? cookie.getValue() : null;
    if (visitorId == null) {
      visitorId = newVisitorId();
      ctx.response().addCookie(Cookie.cookie(VisitorIds.COOKIE, visitorId).setPath("/")
          .setMaxAge(VISITOR_COOKIE_SECONDS).setHttpOnly(true).setSameSite(CookieSameSite.LAX)
          .setSecure(overTls(ctx)));
    }
    JsonObject query = new JsonObject();
    ctx.queryParams().names().forEach(name -> query.put(name, ctx.queryParams().get(name)));
    storefront.page(ctx.normalizedPath(), query, visitorId, RequestContext.requestId(ctx)).onComplete(reply -> {
      ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
          .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
      if (reply.failed()) {
        // no storefront deployed, or no answer in time
        ctx.response().setStatusCode(503).putHeader(HttpHeaders.RETRY_AFTER,
            Integer.toString(ServiceException.RETRY_AFTER_OUTAGE_SECONDS)).end(UNAVAILABLE);
        return;
      }
      ctx.response().setStatusCode(reply.result().status()).end(reply.result().html());
    });
  }

  private void asset(RoutingContext ctx) {
    storefront.asset(ctx.pathParam("name")).onComplete(reply -> {
      if (reply.failed()) {
        ErrorResponses.send(ctx, ServiceException.fromFailure(reply.cause()));
        return;
      }
      ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, reply.result().contentType())
          .putHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=31536000, immutable")
          .end(reply.result().content());
    });
  }

  /** Whether the browser reached us over TLS: here, or at the trusted proxy in front. */
  private boolean overTls(RoutingContext ctx) {
    return ctx.request().isSSL()
        || trustForwardedProto && "https".equalsIgnoreCase(ctx.request().getHeader("X-Forwarded-Proto"));
  }

  /** 128 random bits, as 22 URL-safe characters: a well-formed visitor id no one can guess. */
  private String newVisitorId() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
