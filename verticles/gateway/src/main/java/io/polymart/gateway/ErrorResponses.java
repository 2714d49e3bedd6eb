package io.polymart.gateway;

import io.polymart.core.error.ServiceException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Writes {@code {"error": {"code", "message", "details"}}} with the matching status. */
final class ErrorResponses {
  private ErrorResponses() {
  }

  static void send(RoutingContext ctx, ServiceException error) {
    HttpServerResponse response = ctx.response();
    if (response.headWritten()) {
      response.reset();
      return;
    }
    response.setStatusCode(error.status()).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    if (error.retryAfterSeconds() != null) {
      response.putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(error.retryAfterSeconds()));
    }
    if (error.status() == 401) {
      response.putHeader("WWW-Authenticate", "Bearer");
    }
    response.end(new JsonObject().put("error", error.toJson().getJsonObject("error")).encode());
  }

  static void send(RoutingContext ctx, int status, String code, String message) {
    send(ctx, new ServiceException(status, code, message, new JsonArray(), null));
  }
}
