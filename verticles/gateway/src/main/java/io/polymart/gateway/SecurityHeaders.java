package io.polymart.gateway;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/** Headers that keep browsers from sniffing, framing or loading foreign scripts. */
final class SecurityHeaders {
  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' data: blob:; font-src 'self'; connect-src 'self' ws: wss:; object-src 'none'; "
      + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

  private SecurityHeaders() {
  }

  static void handle(RoutingContext ctx) {
    put(ctx.response());
    ctx.next();
  }

  static void put(HttpServerResponse response) {
    response
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("X-Frame-Options", "DENY")
        .putHeader("Referrer-Policy", "strict-origin-when-cross-origin")
        .putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
  }
}
