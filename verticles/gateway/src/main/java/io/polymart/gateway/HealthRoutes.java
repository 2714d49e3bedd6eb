package io.polymart.gateway;

import io.polymart.core.bus.Addresses;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code /health}: this process answers. {@code /ready}: every backend answers a real request. */
final class HealthRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(HealthRoutes.class);
  private static final long READY_TIMEOUT_MS = 5_000;
  private final EventBus eventBus;

  HealthRoutes(EventBus eventBus) {
    this.eventBus = eventBus;
  }

  void health(RoutingContext ctx) {
    json(ctx, 200, new JsonObject().put("status", "up"));
  }

  void ready(RoutingContext ctx) {
    eventBus.<JsonObject>request(Addresses.PLATFORM_READY, new JsonObject(),
            new DeliveryOptions().setSendTimeout(READY_TIMEOUT_MS))
        .onComplete(reply -> {
          if (reply.failed()) {
            LOG.warn("Readiness check got no answer: {}", reply.cause().getMessage());
            json(ctx, 503, new JsonObject().put("status", "not ready").put("backends", new JsonObject()));
          } else {
            JsonObject report = reply.result().body();
            json(ctx, "ready".equals(report.getString("status")) ? 200 : 503, report);
          }
        });
  }

  private static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store").end(body.encode());
  }
}
